using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>A page of a webhook's delivery log.</summary>
public sealed class WebhookDeliveryListRequest : PageRequest
{
    /// <summary>The webhook's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Only deliveries in this state: pending, delivered or failed.</summary>
    [QueryParam]
    public WebhookDeliveryStatus? Status { get; init; }
}

public sealed class WebhookDeliveryListValidator : Validator<WebhookDeliveryListRequest>
{
    public WebhookDeliveryListValidator() => Include(new PageRules());
}

/// <summary>GET /api/v1/manage/webhooks/{id}/deliveries: the delivery log, newest first.</summary>
public sealed class ListWebhookDeliveries(IQuerySession session, WebhookOutbox outbox)
    : Endpoint<WebhookDeliveryListRequest, Page<WebhookDelivery>>
{
    public override void Configure()
    {
        Get(WebhookRoutes.Deliveries);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, Page<WebhookDelivery>>(200, 400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "List a webhook's deliveries";
            s.Description = "Administrators only. Newest first: each message with its state, attempts, last status code and " +
                            "error, and when it is tried next. Filter with `status`.";
        });
    }

    public override async Task HandleAsync(WebhookDeliveryListRequest request, CancellationToken ct)
    {
        await session.LoadWebhookAsync(request.Id, ct);
        Cursor.TryDecode(request.Cursor, out var after);
        var (items, next) = await outbox.ListAsync(request.Id, request.Status, after, request.Limit, ct);
        await Send.OkAsync(new Page<WebhookDelivery>(items, next?.Encode()), ct);
    }
}
