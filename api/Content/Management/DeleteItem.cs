using Vivapolis.Contracts.Common;
using FastEndpoints;

namespace Vivapolis.Api.Content.Management;

/// <summary>DELETE /api/v1/manage/{type}/{id}: gone from management and delivery; its history stays.</summary>
public abstract class DeleteItem<TDoc, TContent, TDelivery> : Endpoint<ItemRequest>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, Vivapolis.Contracts.Common.IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Delete(ManagementRoutes.Item<TDoc>());
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404, 412));
        Summary(s => s.Summary = $"Delete one {TDoc.TypeName}");
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .DeleteAsync(request.Id, request.IfMatch, User.Actor(), ct);
        await Send.NoContentAsync(ct);
    }
}
