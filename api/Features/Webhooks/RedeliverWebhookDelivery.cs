using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>POST /api/v1/manage/webhooks/{id}/deliveries/{deliveryId}/redeliver: the same message again, now.</summary>
public sealed class RedeliverWebhookDelivery(WebhookOutbox outbox) : Endpoint<WebhookDeliveryRequest, WebhookDelivery>
{
    public override void Configure()
    {
        Post(WebhookRoutes.Delivery + "/redeliver");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, WebhookDelivery>(202, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Redeliver one delivery";
            s.Description = "Administrators only. The same message (same webhook-id and body, so a receiver that already " +
                            "has it can tell) is sent again within a moment, whatever its state, and retried for 24 hours " +
                            "from now if it fails. 409 while an attempt of it is under way.";
        });
    }

    public override async Task HandleAsync(WebhookDeliveryRequest request, CancellationToken ct)
    {
        var changed = await outbox.RedeliverAsync(request.Id, request.DeliveryId, ct) ?? throw ProblemException.NotFound();
        if (!changed)
            throw ProblemException.Conflict(Text.Of("Une tentative de cette livraison est en cours : réessayez dans un instant.",
                                                    "An attempt of this delivery is under way: try again in a moment."));
        var delivery = await outbox.GetAsync(request.Id, request.DeliveryId, ct) ?? throw ProblemException.NotFound();
        await Send.ResponseAsync(delivery.Delivery, 202, ct);
    }
}
