using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>PUT /api/v1/manage/webhooks/{id} with If-Match: new settings; the secret stays.</summary>
public sealed class UpdateWebhook(IDocumentSession session, WebhookRequestValidator validator, WebhookOutbox outbox, TimeProvider clock)
    : Endpoint<UpdateWebhookRequest, WebhookDetails>
{
    public override void Configure()
    {
        Put(WebhookRoutes.Item);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<WebhookRequest, WebhookDetails>(200, 400, 401, 403, 404, 412, 428));
        Summary(s =>
        {
            s.Summary = "Replace a webhook's settings (If-Match required)";
            s.Description = "URL, description, events, content types, enabled. The secret is kept (rotate it apart). " +
                            "Changes made from now on follow the new settings; deliveries already made keep their URL's " +
                            "history but are sent to the new URL. Disabling pauses the webhook: nothing new is queued for " +
                            "it and its pending deliveries wait.";
        });
    }

    public override async Task HandleAsync(UpdateWebhookRequest request, CancellationToken ct)
    {
        var webhook = await session.LoadWebhookAsync(request.Id, ct);
        webhook.RequireVersion(request.IfMatch, required: true);
        await validator.ValidateAndThrowAsync(request.Body, ct);
        var now = clock.Now();
        webhook.Apply(request.Body);
        session.Touch(webhook, User.Actor(), now);
        session.Events.Append(webhook.Id, new WebhookUpdated(webhook.Url, webhook.Enabled, User.Actor(), now));
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(await outbox.DetailsAsync(webhook, HttpContext, ct), ct);
    }
}
