using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>POST /api/v1/manage/webhooks/{id}/ping: a signed test message, queued now, whose result shows in the delivery log.</summary>
public sealed class PingWebhook(IQuerySession session, WebhookOutbox outbox) : Endpoint<WebhookIdRequest, WebhookDelivery>
{
    public override void Configure()
    {
        Post(WebhookRoutes.Item + "/ping");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, WebhookDelivery>(202, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Send a test message to a webhook";
            s.Description = "Administrators only. Queues a `webhook.ping` message, signed like every other, sent within a " +
                            "moment even while the webhook is paused, and retried like the others. The answer is the delivery: " +
                            "follow its Location to see the attempt (status code, duration, error, the receiver's answer).";
        });
    }

    public override async Task HandleAsync(WebhookIdRequest request, CancellationToken ct)
    {
        await session.LoadWebhookAsync(request.Id, ct);
        var id = await outbox.PingAsync(request.Id, ct);
        var delivery = await outbox.GetAsync(request.Id, id, ct) ?? throw ProblemException.NotFound();
        HttpContext.Response.Headers.Location = $"{WebhookRoutes.Collection}/{request.Id}/deliveries/{id}";
        await Send.ResponseAsync(delivery.Delivery, 202, ct);
    }
}
