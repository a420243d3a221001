using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>Two versions of an item to compare.</summary>
public sealed class DiffRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The older version.</summary>
    [QueryParam]
    public int From { get; init; }

    /// <summary>The newer version; the latest revision when absent.</summary>
    [QueryParam]
    public int? To { get; init; }
}

public sealed class DiffRequestValidator : Validator<DiffRequest>
{
    public DiffRequestValidator()
    {
        RuleFor(x => x.From).GreaterThan(0);
        RuleFor(x => x.To).GreaterThan(0);
    }
}

/// <summary>GET /api/v1/manage/{type}/{id}/diff?from=n&amp;to=m: the fields that changed between two versions.</summary>
public abstract class DiffRevisions<TDoc, TContent> : Endpoint<DiffRequest, RevisionDiff>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    public override void Configure()
    {
        Get(ManagementRoutes.Item<TDoc>() + "/diff");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, RevisionDiff>(200, 400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = $"Compare two versions of one {TDoc.TypeName}";
            s.Description = "Lists each changed field by its path with its old and new value. Rich text is compared " +
                            "as text, tags removed, and every text change is also given word by word.";
        });
    }

    public override async Task HandleAsync(DiffRequest request, CancellationToken ct)
    {
        var session = Resolve<IQuerySession>();
        var to = request.To ?? await session.Query<ContentRevision>().Where(r => r.ItemId == request.Id)
            .OrderByDescending(r => r.Version).Select(r => r.Version).FirstOrDefaultAsync(ct);
        var revisions = await session.LoadManyAsync<ContentRevision>(ct,
            ContentRevision.IdOf(request.Id, request.From), ContentRevision.IdOf(request.Id, to));
        var older = revisions.FirstOrDefault(r => r.Version == request.From && r.Type == TDoc.TypeName);
        var newer = revisions.FirstOrDefault(r => r.Version == to && r.Type == TDoc.TypeName);
        if (older is null || newer is null) throw ProblemException.NotFound();
        await Send.OkAsync(new RevisionDiff(request.From, to, ContentDiff.Between(Contract(older), Contract(newer))), ct);
    }

    /// <summary>Back through the content record, because jsonb keeps keys in its own order, not the contract's.</summary>
    private static JsonElement Contract(ContentRevision revision) =>
        JsonSerializer.SerializeToElement(revision.ContentAs<TContent>(), Json.Options);
}
