using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>POST /api/v1/manage/{type}/{id}/publish: the current version becomes what the public sees.</summary>
public abstract class PublishItem<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/publish");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 412));
        Summary(s => s.Summary = $"Publish one {TDoc.TypeName}");
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .PublishAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
