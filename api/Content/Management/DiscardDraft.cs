using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>POST /api/v1/manage/{type}/{id}/discard: a published item's pending draft is dropped.</summary>
public abstract class DiscardDraft<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/discard");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 409, 412));
        Summary(s =>
        {
            s.Summary = $"Discard the unpublished changes of one published {TDoc.TypeName}";
            s.Description = "The content goes back to the published version's, as a new revision; the public version " +
                            "is untouched. A 409 problem when the item is not published with unpublished changes.";
        });
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .DiscardAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
