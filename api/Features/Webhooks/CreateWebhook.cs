using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>POST /api/v1/manage/webhooks: a new webhook, whose signing secret this response shows once and never again.</summary>
public sealed class CreateWebhook(IDocumentSession session, WebhookRequestValidator validator, WebhookSecrets secrets,
    WebhookOutbox outbox, TimeProvider clock) : Endpoint<WebhookRequest, WebhookWithSecret>
{
    public override void Configure()
    {
        Post(WebhookRoutes.Collection);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<WebhookRequest, WebhookWithSecret>(201, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Create a webhook";
            s.Description = "Administrators only. From the next change on, each change to the published set that the " +
                            "webhook follows (its events and content types; empty lists follow everything) is POSTed to its " +
                            "URL, signed per Standard Webhooks with the secret of this response, shown this once. See the " +
                            "`contentChanged` webhook of this contract for the request a receiver gets.";
        });
    }

    public override async Task HandleAsync(WebhookRequest request, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        var now = clock.Now();
        var secret = WebhookSecrets.New();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(now), Version = 1, SecretPrefix = secret[..WebhookSecrets.PrefixLength],
            CreatedAt = now, CreatedBy = User.Actor(), UpdatedAt = now, UpdatedBy = User.Actor(),
        };
        webhook.Apply(request);
        webhook.Secret = secrets.Protect(secret, webhook.Id);
        session.Insert(webhook);
        session.Events.StartStream<Webhook>(webhook.Id, new WebhookCreated(webhook.Url, webhook.CreatedBy, now));
        await session.SaveChangesAsync(ct);

        HttpContext.Response.Headers.Location = $"{WebhookRoutes.Collection}/{webhook.Id}";
        var details = await outbox.DetailsAsync(webhook, HttpContext, ct);
        await Send.ResponseAsync(new WebhookWithSecret { Webhook = details, Secret = secret }, 201, ct);
    }
}
