using FastEndpoints;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>POST /api/v1/manage/{type}/{id}/submit: a draft (or an unpublished item) goes to review.</summary>
public abstract class SubmitItem<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/submit");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 409, 412));
        Summary(s =>
        {
            s.Summary = $"Submit one {TDoc.TypeName} for review";
            s.Description = "From draft or unpublished to in_review; from any other state, a 409 problem naming the state.";
        });
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        await User.RequireMayEditAsync<TDoc>(Resolve<Marten.IQuerySession>(), request.Id, request.IfMatch, ct);
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .SubmitAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
