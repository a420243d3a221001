using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>GET /api/v1/manage/webhooks/{id}/deliveries/{deliveryId}: one delivery, its payload and every attempt.</summary>
public sealed class GetWebhookDelivery(WebhookOutbox outbox) : Endpoint<WebhookDeliveryRequest, WebhookDeliveryDetails>
{
    public override void Configure()
    {
        Get(WebhookRoutes.Delivery);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, WebhookDeliveryDetails>(200, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Get one delivery of a webhook, with its attempts";
            s.Description = "Administrators only. The payload exactly as signed, and each attempt: time, status code, " +
                            "duration, error, the first kilobyte of the receiver's answer, and the retry it scheduled.";
        });
    }

    public override async Task HandleAsync(WebhookDeliveryRequest request, CancellationToken ct) =>
        await Send.OkAsync(await outbox.GetAsync(request.Id, request.DeliveryId, ct) ?? throw ProblemException.NotFound(), ct);
}
