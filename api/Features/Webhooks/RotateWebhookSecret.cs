using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>
/// POST /api/v1/manage/webhooks/{id}/secret: a new signing secret, shown once. The one it replaces goes on signing
/// beside it for <see cref="Overlap"/> (two <c>v1,</c> signatures in <c>webhook-signature</c>, as Standard Webhooks
/// allows), so the receiver can switch without losing a delivery.
/// </summary>
public sealed class RotateWebhookSecret(IDocumentSession session, WebhookSecrets secrets, WebhookOutbox outbox, TimeProvider clock)
    : Endpoint<WebhookActionRequest, WebhookWithSecret>
{
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    public override void Configure()
    {
        Post(WebhookRoutes.Item + "/secret");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, WebhookWithSecret>(200, 401, 403, 404, 412));
        Summary(s =>
        {
            s.Summary = "Rotate a webhook's signing secret";
            s.Description = "Administrators only. The response holds the new secret, shown this once. For 24 hours the " +
                            "former secret signs too (a second signature in webhook-signature), so the receiver can change " +
                            "its configuration without missing a delivery. If-Match is optional, checked when sent.";
        });
    }

    public override async Task HandleAsync(WebhookActionRequest request, CancellationToken ct)
    {
        var webhook = await session.LoadWebhookAsync(request.Id, ct);
        webhook.RequireVersion(request.IfMatch, required: false);
        var now = clock.Now();
        var secret = WebhookSecrets.New();
        // A secret that can no longer be read (the JWT key changed) is not kept as the former one.
        webhook.PreviousSecret = secrets.Unprotect(webhook.Secret, webhook.Id) is null ? null : webhook.Secret;
        webhook.PreviousSecretExpiresAt = webhook.PreviousSecret is null ? null : now + Overlap;
        webhook.Secret = secrets.Protect(secret, webhook.Id);
        webhook.SecretPrefix = secret[..WebhookSecrets.PrefixLength];
        session.Touch(webhook, User.Actor(), now);
        session.Events.Append(webhook.Id, new WebhookSecretRotated(User.Actor(), now));
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(new WebhookWithSecret { Webhook = await outbox.DetailsAsync(webhook, HttpContext, ct), Secret = secret }, ct);
    }
}
