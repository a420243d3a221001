using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>GET /api/v1/manage/webhooks/{id}: one webhook with its health; never its secret.</summary>
public sealed class GetWebhook(IQuerySession session, WebhookOutbox outbox) : Endpoint<WebhookIdRequest, WebhookDetails>
{
    public override void Configure()
    {
        Get(WebhookRoutes.Item);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, WebhookDetails>(200, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Get one webhook (administrators only)";
            s.Description = "Its settings, its health (failing once a delivery ran out of retries, with the last error) and " +
                            "how many deliveries wait; the ETag to send back in If-Match to update it.";
        });
    }

    public override async Task HandleAsync(WebhookIdRequest request, CancellationToken ct)
    {
        var webhook = await session.LoadWebhookAsync(request.Id, ct);
        await Send.OkAsync(await outbox.DetailsAsync(webhook, HttpContext, ct), ct);
    }
}
