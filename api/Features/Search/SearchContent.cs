using FastEndpoints;
using FluentValidation;
using Marten;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Search;

namespace Vivapolis.Api.Features.Search;

/// <summary>A French full-text query.</summary>
public sealed class SearchRequest
{
    /// <summary>Words to find, 2 to 200 characters; accents and plurals do not matter. "quoted phrases", or, -excluded work.</summary>
    [QueryParam]
    public string Q { get; init; } = "";

    /// <summary>
    /// Comma-separated types to search among, by name: the searchable content types listed in the description of this
    /// contract. All of them when absent.
    /// </summary>
    [QueryParam]
    public string? Types { get; init; }

    /// <summary>Language of the items searched.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;

    /// <summary>How many matches, 1 to 50.</summary>
    [QueryParam]
    public int Limit { get; init; } = 20;
}

public sealed class SearchRequestValidator : Validator<SearchRequest>
{
    public SearchRequestValidator()
    {
        RuleFor(x => x.Q).Must(q => q.Trim().Length is >= 2 and <= 200)
            .WithMessage(_ => Text.Of("La recherche doit compter entre 2 et 200 caractères.", "The query must be 2 to 200 characters long."));
        // The types whose published items are indexed (never those holding personal data).
        string[] Searchable() => Resolve<ContentTypes>().Searchable.Select(t => t.Name).ToArray();
        RuleFor(x => x.Types).Must(t => t is null || (t.Length <= 100 && SearchContent.TypesOf(t).All(Searchable().Contains)))
            .WithMessage(_ => Text.Of($"Type inconnu. Valeurs permises : {string.Join(", ", Searchable())}.",
                                      $"Unknown type. Allowed values: {string.Join(", ", Searchable())}."));
        RuleFor(x => x.Limit).InclusiveBetween(1, 50)
            .WithMessage(_ => Text.Of("La limite doit être comprise entre 1 et 50.", "Limit must be between 1 and 50."));
    }
}

/// <summary>GET /api/v1/search: published items of every searchable type matching French words, ranked.</summary>
public sealed partial class SearchContent(DeliveryReads reads, IDocumentStore store, ContentTypes types) : Endpoint<SearchRequest, SearchResults>
{
    private readonly NpgsqlDataSource db = reads.Source;

    // Private-use characters mark the matches in PostgreSQL's excerpt, so that the text can be HTML-escaped
    // before the marks become <mark> tags: an excerpt is safe to insert into a page as is.
    private const string Start = "\uE000", Stop = "\uE001";
    private const string Cfg = FrenchSearch.Configuration;

    public override void Configure()
    {
        Get("/api/v1/search");
        AllowAnonymous();
        Options(b => Content.Delivery.DeliveryCache.CacheDelivery(b, Content.Delivery.DeliveryCache.SearchTag));
        Description(b => b.Document<EmptyRequest, SearchResults>(200, 400));
        Summary(s => s.Summary = $"Search published {Listed(types.Searchable.Select(t => t.RouteSegment))} (French full text)");
    }

    private static string Listed(IEnumerable<string> names) =>
        string.Join(", ", names.SkipLast(1)) + (names.Count() > 1 ? " and " : "") + names.Last();

    public static string[] TypesOf(string types) =>
        types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override async Task HandleAsync(SearchRequest request, CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(SearchEntry)).TableName.QualifiedName;
        var document = $"setweight(to_tsvector('{Cfg}', data ->> 'title'), 'A') || setweight(to_tsvector('{Cfg}', data ->> 'text'), 'B')";
        await using var command = db.CreateCommand($"""
            with q as (select websearch_to_tsquery('{Cfg}', $1) as query)
            select data ->> 'type', id, data ->> 'slug', data ->> 'title',
                   ts_headline('{Cfg}', data ->> 'text', q.query,
                               'StartSel={Start}, StopSel={Stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   ts_rank_cd({document}, q.query) as rank,
                   (data ->> 'publishedAt')::timestamptz as published_at
            from {table}, q
            where data ->> 'locale' = $2 and data ->> 'type' = any($3) and {document} @@ q.query
            order by rank desc, published_at desc, id
            limit $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Q.Trim() });
        command.Parameters.Add(new NpgsqlParameter { Value = Json.Name(request.Locale) });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Types is null ? types.Searchable.Select(t => t.Name).ToArray() : TypesOf(request.Types) });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Limit });

        var hits = new List<SearchHit>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                hits.Add(new SearchHit(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                    Excerpt(reader.GetString(4)), Math.Round(reader.GetFloat(5), 6), reader.GetFieldValue<DateTimeOffset>(6)));

        if (hits.Count == 0 && !await HasSearchableWordsAsync(request.Q.Trim(), ct))
            throw new ProblemException(400, Problems.Title(400), Text.Of(
                "Cette recherche ne contient aucun mot cherchable (seulement des mots vides ou des signes).",
                "This query has no searchable words (only stop words or symbols)."),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["q"] = [Text.Of("Aucun mot cherchable.", "No searchable words.")] } });

        HttpContext.Response.Headers.CacheControl = "public, max-age=60";
        await Send.OkAsync(new SearchResults(request.Q, hits), ct);
    }

    // Only the five characters that matter are escaped: French letters stay readable. Line breaks between
    // fields become spaces.
    private static string Excerpt(string headline) => Whitespace().Replace(headline.Trim(), " ")
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;")
        .Replace(Start, "<mark>").Replace(Stop, "</mark>");

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    private async Task<bool> HasSearchableWordsAsync(string q, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"select numnode(websearch_to_tsquery('{Cfg}', $1)) > 0");
        command.Parameters.Add(new NpgsqlParameter { Value = q });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
