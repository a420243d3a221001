using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>POST /api/v1/manage/{type}: a new draft.</summary>
public abstract class CreateItem<TDoc, TContent, TDelivery> : Endpoint<TContent, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Collection<TDoc>());
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<TContent, Managed<TContent>>(201, 400, 401, 403, 409));
        Summary(s => s.Summary = $"Create one {TDoc.TypeName}, as a draft");
    }

    public override async Task HandleAsync(TContent content, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>().CreateAsync(content, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        HttpContext.Response.Headers.Location = $"{ManagementRoutes.Collection<TDoc>()}/{doc.Id}";
        await Send.ResponseAsync(doc.ToManaged(TDoc.TypeName), 201, ct);
    }
}
