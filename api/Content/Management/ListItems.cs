using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>Management list filters.</summary>
public sealed class ManagedListRequest : PageRequest
{
    /// <summary>Only items in this status.</summary>
    [QueryParam]
    public ContentStatus? Status { get; init; }

    /// <summary>Words the title contains, in any case.</summary>
    [QueryParam]
    public string? Q { get; init; }
}

public sealed class ManagedListValidator : Validator<ManagedListRequest>
{
    public ManagedListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Q).MaximumLength(200);
    }
}

/// <summary>GET /api/v1/manage/{type}: every item whatever its status, most recently edited first.</summary>
public abstract class ListItems<TDoc, TContent> : Endpoint<ManagedListRequest, Page<ManagedSummary>>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    public override void Configure()
    {
        Get(ManagementRoutes.Collection<TDoc>());
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, Page<ManagedSummary>>(200, 400, 401, 403));
        Summary(s => s.Summary = $"List {TDoc.RouteSegment} in every status");
    }

    public override async Task HandleAsync(ManagedListRequest request, CancellationToken ct)
    {
        var where = new List<string>();
        var args = new List<object>();
        if (request.Status is { } status)
        {
            where.Add("data ->> 'status' = ?");
            args.Add(Json.Name(status));
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("data ->> 'title' ilike ?");
            args.Add($"%{Like.Escape(request.Q.Trim())}%");
        }
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            where.Add("(updated_at, id) < (?, ?)");
            args.Add(after.Value.Time); // a DateTimeOffset: Marten sends DateTime as a timestamp without time zone
            args.Add(after.Value.Id);
        }
        args.Add(request.Limit + 1);
        var sql = (where.Count > 0 ? "where " + string.Join(" and ", where) : "")
                  + " order by updated_at desc, id desc limit ?";

        var docs = await Resolve<IQuerySession>().QueryAsync<TDoc>(sql, ct, args.ToArray());
        var page = docs.Take(request.Limit).ToList();
        var next = docs.Count > request.Limit ? Cursor.At(page[^1].UpdatedAt, page[^1].Id).Encode() : null;
        await Send.OkAsync(new Page<ManagedSummary>(page.Select(d => d.ToSummary(TDoc.TypeName)).ToList(), next), ct);
    }
}
