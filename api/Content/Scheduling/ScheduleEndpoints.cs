using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Scheduling;

/// <summary>An item's new schedule.</summary>
public sealed class ScheduleItemRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag last read; optional, checked when present.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    [FromBody]
    public ScheduleChange Schedule { get; init; } = new();
}

/// <summary>POST /api/v1/manage/{type}/{id}/schedule: publish and/or unpublish on its own, on time.</summary>
public abstract class ScheduleItem<TDoc, TContent, TDelivery> : Endpoint<ScheduleItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/schedule");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<ScheduleChange, Managed<TContent>>(200, 400, 401, 403, 404, 409, 412));
        Summary(s => s.Summary = $"Schedule the publication and/or unpublication of one {TDoc.TypeName}");
    }

    public override async Task HandleAsync(ScheduleItemRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .ScheduleAsync(request.Id, request.IfMatch, request.Schedule, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}

/// <summary>DELETE /api/v1/manage/{type}/{id}/schedule: nothing happens on its own any more.</summary>
public abstract class CancelSchedule<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Delete(ManagementRoutes.Item<TDoc>() + "/schedule");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 412));
        Summary(s => s.Summary = $"Cancel the schedule of one {TDoc.TypeName}");
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .CancelScheduleAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
