using FastEndpoints;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>An item's history, a page at a time.</summary>
public sealed class RevisionListRequest : PageRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }
}

public sealed class RevisionListValidator : Validator<RevisionListRequest>
{
    public RevisionListValidator() => Include(new PageRules());
}

/// <summary>GET /api/v1/manage/{type}/{id}/revisions: every change, newest first; kept after the item is deleted.</summary>
public abstract class ListRevisions<TDoc, TContent> : Endpoint<RevisionListRequest, Page<RevisionSummary>>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    public override void Configure()
    {
        Get(ManagementRoutes.Item<TDoc>() + "/revisions");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, Page<RevisionSummary>>(200, 400, 401, 403, 404));
        Summary(s => s.Summary = $"List the revisions of one {TDoc.TypeName}, newest first");
    }

    public override async Task HandleAsync(RevisionListRequest request, CancellationToken ct)
    {
        var type = TDoc.TypeName;
        var query = Resolve<IQuerySession>().Query<ContentRevision>()
            .Where(r => r.ItemId == request.Id && r.Type == type);
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            var before = (int)after.Value.Key;
            query = query.Where(r => r.Version < before);
        }
        var revisions = await query.OrderByDescending(r => r.Version).Take(request.Limit + 1).ToListAsync(ct);
        if (revisions.Count == 0 && request.Cursor is null) throw ProblemException.NotFound();
        var page = revisions.Take(request.Limit).ToList();
        var next = revisions.Count > request.Limit ? new Cursor(page[^1].Version, request.Id).Encode() : null;
        await Send.OkAsync(new Page<RevisionSummary>(page.Select(r => r.ToSummary()).ToList(), next), ct);
    }
}
