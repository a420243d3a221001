using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Preview;

/// <summary>
/// DELETE /api/v1/manage/{type}/{id}/preview: every preview link of the item made until now stops working (401);
/// links made afterwards work. The item itself is untouched (no new version), so no If-Match.
/// </summary>
public abstract class RevokePreviewLinks<TDoc, TContent> : Endpoint<ItemIdRequest>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, Vivapolis.Contracts.Common.IItemContent
{
    public override void Configure()
    {
        Delete(ManagementRoutes.Item<TDoc>() + "/preview");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = $"Revoke every preview link of one {TDoc.TypeName}";
            s.Description = "Links made until now are refused (401) from the next request on, whoever made them; links " +
                            "made afterwards work. The item is not changed. Recorded in the audit log.";
        });
    }

    public override async Task HandleAsync(ItemIdRequest request, CancellationToken ct)
    {
        var session = Resolve<IDocumentSession>();
        var doc = await session.LoadAsync<TDoc>(request.Id, ct) ?? throw ProblemException.NotFound();
        await PreviewLinks.RevokeAsync(session, TDoc.TypeName, doc.Id, doc.Version, User.Actor(), Resolve<TimeProvider>().Now(), ct);
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
