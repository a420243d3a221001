using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>DELETE /api/v1/manage/webhooks/{id}: the webhook, its pending deliveries and its delivery log go.</summary>
public sealed class DeleteWebhook(IDocumentSession session, WebhookOutbox outbox, TimeProvider clock) : Endpoint<WebhookActionRequest>
{
    public override void Configure()
    {
        Delete(WebhookRoutes.Item);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404, 412));
        Summary(s =>
        {
            s.Summary = "Delete a webhook";
            s.Description = "Administrators only. Nothing more is sent to it, pending deliveries included; its delivery " +
                            "log goes with it. The audit log keeps who deleted it. If-Match is optional, checked when sent.";
        });
    }

    public override async Task HandleAsync(WebhookActionRequest request, CancellationToken ct)
    {
        var webhook = await session.LoadWebhookAsync(request.Id, ct);
        webhook.RequireVersion(request.IfMatch, required: false);
        var now = clock.Now();
        session.Touch(webhook, User.Actor(), now); // the version check, then the deletion, in one unit of work
        session.Delete(webhook);
        outbox.Forget(session, webhook.Id);
        session.Events.Append(webhook.Id, new WebhookDeleted(webhook.Url, User.Actor(), now));
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
