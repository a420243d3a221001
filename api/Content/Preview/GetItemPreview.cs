using Vivapolis.Contracts.Common;
using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.ApiKeys;

namespace Vivapolis.Api.Content.Preview;

/// <summary>
/// GET /api/v1/preview/{type}/{id}: an item's current draft (or pending version) in its delivery shape, for a
/// partner whose API key has the <c>preview:read</c> scope. Private and never cached, like a preview link's.
/// </summary>
public abstract class GetItemPreview<TDoc, TDelivery> : Endpoint<ItemIdRequest, TDelivery>
    where TDoc : IContentDocument
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Get($"/api/v1/preview/{TDoc.RouteSegment}/{{id:guid}}");
        AuthSchemes(ApiKeyAuthentication.Scheme);
        Policies(ApiKeyAuthentication.Policies.PreviewRead);
        DontAutoSendResponse(); // PreviewResponse writes the stored delivery bytes
        Description(b => b.Document<EmptyRequest, TDelivery>(200, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = $"Preview one {TDoc.TypeName}'s current draft (API key with preview:read)";
            s.Description = "The item's current version, published or not, in its delivery shape, exactly as it would be " +
                            "published now. Needs an X-Api-Key with the preview:read scope. Private, never cached; 404 " +
                            "when the item does not exist or has nothing the public could see.";
        });
    }

    public override Task HandleAsync(ItemIdRequest request, CancellationToken ct) =>
        PreviewResponse.WriteByIdAsync<TDoc>(HttpContext, request.Id, ct);
}
