using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>Management list filters and order; the filters combine.</summary>
public sealed class ManagedListRequest : PageRequest
{
    /// <summary>Only items in this status (<c>in_review</c>: the review queue).</summary>
    [QueryParam]
    public ContentStatus? Status { get; init; }

    /// <summary>Words the title contains, in any case.</summary>
    [QueryParam]
    public string? Q { get; init; }

    /// <summary>Only items filed under this theme code (see <c>/api/v1/themes</c>); for types that have themes.</summary>
    [QueryParam]
    public string? Theme { get; init; }

    /// <summary>Only items in this region, by INSEE code (see <c>/api/v1/regions</c>); for types that have a region.</summary>
    [QueryParam]
    public string? Region { get; init; }

    /// <summary>The order: most recently edited first (the default), by title, or by start (events only).</summary>
    [QueryParam]
    public ManagedSort? Sort { get; init; }
}

public sealed class ManagedListValidator : Validator<ManagedListRequest>
{
    public ManagedListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Q).SearchWords();
        RuleFor(x => x.Theme).KnownTheme();
        RuleFor(x => x.Region).KnownRegion();
    }
}

/// <summary>
/// GET /api/v1/manage/{type}: every item whatever its status, most recently edited first unless <c>sort</c> says
/// otherwise. A type whose items have a region or a start says where they are by overriding the members below.
/// </summary>
public abstract class ListItems<TDoc, TContent> : Endpoint<ManagedListRequest, Page<ManagedSummary>>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    /// <summary>Whether the type's content has <c>themes</c>.</summary>
    protected virtual bool HasThemes => true;

    /// <summary>The fragment of a document that the region filter looks for (JSON containment); null: no region.</summary>
    protected virtual object? InRegion(string code) => null;

    /// <summary>The SQL text of the item's start, sortable as text; null: the type cannot be sorted by start.</summary>
    protected virtual string? StartSql => null;

    /// <summary>The start shown in the list; null for types without one.</summary>
    protected virtual DateTime? StartOf(TDoc doc) => null;

    // Both served by the item table's indexes (ContentRegistration), as QueryPlanTests checks.
    public const string StatusWhere = "data ->> 'status' = ?";
    public const string TitleKey = "lower(data ->> 'title')";

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
        void Where(string sql, params object[] values)
        {
            where.Add(sql);
            args.AddRange(values);
        }

        if (request.Status is { } status) Where(StatusWhere, Json.Name(status));
        if (!string.IsNullOrWhiteSpace(request.Q)) Where("data ->> 'title' ilike ?", $"%{Like.Escape(request.Q.Trim())}%");
        if (request.Theme is { } theme)
        {
            if (!HasThemes) throw Unfiltered("theme", "Ce type de contenu n'a pas de thèmes.", "This content type has no themes.");
            Where("data @> ?::jsonb", Fragment(new { content = new { themes = new[] { theme } } }));
        }
        if (request.Region is { } region)
        {
            var fragment = InRegion(region)
                           ?? throw Unfiltered("region", "Ce type de contenu n'a pas de région.", "This content type has no region.");
            Where("data @> ?::jsonb", Fragment(fragment));
        }

        var order = OrderOf(request.Sort ?? ManagedSort.Updated);
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            if (order.Key is null)
                Where("(updated_at, id) < (?, ?)", after.Value.Time, after.Value.Id); // a DateTimeOffset: Marten sends DateTime as a timestamp without time zone
            else
                // Keyset on the sort key of the page's last item, read again: the cursor only holds its id. An item
                // deleted since then sorts as the empty key, so the walk goes on from the start rather than stop.
                Where($"({order.Key}, id) > (coalesce((select {order.Key} from {Table()} where id = ?), ''), ?)", after.Value.Id, after.Value.Id);
        }
        args.Add(request.Limit + 1);
        var sql = (where.Count > 0 ? "where " + string.Join(" and ", where) : "") + $" order by {order.OrderBy} limit ?";

        var docs = await Resolve<IQuerySession>().QueryAsync<TDoc>(sql, ct, args.ToArray());
        var page = docs.Take(request.Limit).ToList();
        var next = docs.Count > request.Limit
            ? (order.Key is null ? Cursor.At(page[^1].UpdatedAt, page[^1].Id) : new Cursor(0, page[^1].Id)).Encode()
            : null;
        var languages = await LanguagesAsync(page.Select(d => d.Id).ToArray(), ct);
        var items = page.Select(d => d.ToSummary(TDoc.TypeName) with
        {
            CreatedBy = d.CreatedBy, Start = StartOf(d), Translations = languages.GetValueOrDefault(d.Id, [d.Locale]),
        }).ToList();
        await Send.OkAsync(new Page<ManagedSummary>(items, next), ct);
    }

    /// <summary>For each item, the languages its translation group has a version in (itself included), in one query.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<Locale>>> LanguagesAsync(Guid[] ids, CancellationToken ct)
    {
        if (ids.Length == 0) return [];
        // A group's versions: those whose content names the group (GIN containment) and the first one, whose id is the
        // group's (primary key) unless it was unlinked since. A join on the group expression scanned the whole table:
        // 0.2 to 0.5 s a page at 100,000 items.
        await using var command = Resolve<Npgsql.NpgsqlDataSource>().CreateCommand(LanguagesSql(Table()));
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = ids });
        var languages = new Dictionary<Guid, IReadOnlyList<Locale>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            languages[reader.GetGuid(0)] = reader.GetFieldValue<string[]>(1).Select(Json.Parse<Locale>).Order().ToList();
        return languages;
    }

    /// <summary>Each item's id (parameter: the items' ids) with the languages of its group's versions.</summary>
    public static string LanguagesSql(string table) => $"""
        with item as (select id, coalesce(data -> 'content' ->> 'translationGroup', id::text) as grp from {table} where id = any($1))
        select item.id, array_agg(distinct version.data ->> 'locale') from item
        join {table} version on version.data @> jsonb_build_object('content', jsonb_build_object('translationGroup', item.grp))
            or (version.id = item.grp::uuid and coalesce(version.data -> 'content' ->> 'translationGroup', version.id::text) = item.grp)
        group by item.id
        """;

    /// <summary>The ORDER BY of a sort, and its key expression when it is not the edit time.</summary>
    private (string OrderBy, string? Key) OrderOf(ManagedSort sort)
    {
        switch (sort)
        {
            case ManagedSort.Title:
                return ($"{TitleKey}, id", TitleKey);
            case ManagedSort.Start:
                // Items without a start yet (drafts) come last: '~' sorts after every digit.
                var start = StartSql is { } s ? $"coalesce({s}, '~')"
                    : throw Unfiltered("sort", "Seuls les événements se trient par date de début.", "Only events sort by start.");
                return ($"{start}, id", start);
            default:
                return ("updated_at desc, id desc", null);
        }
    }

    private string Table() =>
        Resolve<IDocumentStore>().Options.FindOrResolveDocumentType(typeof(TDoc)).TableName.QualifiedName;

    private static string Fragment(object fragment) => System.Text.Json.JsonSerializer.Serialize(fragment, Json.Options);

    /// <summary>A 400 naming the parameter this type does not take.</summary>
    private static ValidationException Unfiltered(string parameter, string fr, string en) =>
        new([new FluentValidation.Results.ValidationFailure(parameter, Text.Of(fr, en)) { ErrorCode = "type" }]);
}
