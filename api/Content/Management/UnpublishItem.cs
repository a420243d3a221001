using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>POST /api/v1/manage/{type}/{id}/unpublish: the public no longer sees it; editors still do.</summary>
public abstract class UnpublishItem<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/unpublish");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 409, 412));
        Summary(s => s.Summary = $"Unpublish one {TDoc.TypeName}");
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .UnpublishAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
