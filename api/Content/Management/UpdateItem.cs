using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>PUT /api/v1/manage/{type}/{id} with If-Match: nobody's edit is lost.</summary>
public abstract class UpdateItem<TDoc, TContent, TDelivery> : Endpoint<UpdateItemRequest<TContent>, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Put(ManagementRoutes.Item<TDoc>());
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<TContent, Managed<TContent>>(200, 400, 401, 403, 404, 409, 412, 428));
        Summary(s => s.Summary = $"Replace the content of one {TDoc.TypeName} (If-Match required)");
    }

    public override async Task HandleAsync(UpdateItemRequest<TContent> request, CancellationToken ct)
    {
        await User.RequireMayEditAsync<TDoc>(Resolve<Marten.IQuerySession>(), request.Id, request.IfMatch, ct);
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .UpdateAsync(request.Id, request.IfMatch, request.Content, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
