using FastEndpoints;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>GET /api/v1/manage/{type}/{id}: the item as editors see it, with its ETag for the next edit.</summary>
public abstract class GetItem<TDoc, TContent> : Endpoint<ItemIdRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    public override void Configure()
    {
        Get(ManagementRoutes.Item<TDoc>());
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404));
        Summary(s => s.Summary = $"Get one {TDoc.TypeName}, whatever its status");
    }

    public override async Task HandleAsync(ItemIdRequest request, CancellationToken ct)
    {
        var doc = await Resolve<IQuerySession>().LoadAsync<TDoc>(request.Id, ct) ?? throw ProblemException.NotFound();
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
