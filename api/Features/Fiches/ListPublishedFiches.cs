using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Fiches;

/// <summary>Filters of the public fiche list; they combine.</summary>
public sealed class FicheListRequest : TranslatedListRequest
{
    /// <summary>Only fiches filed under this theme code (see <c>/api/v1/themes</c>).</summary>
    [QueryParam]
    public string? Theme { get; init; }

    /// <summary>Only fiches in this region, by INSEE code (see <c>/api/v1/regions</c>); <c>99</c> for projects abroad.</summary>
    [QueryParam]
    public string? Region { get; init; }

    /// <summary>Only fiches in this country, by ISO 3166-1 alpha-2 code (<c>FR</c>, <c>MA</c>…).</summary>
    [QueryParam]
    public string? Country { get; init; }

    /// <summary>Only fiches with at least one actor of this kind.</summary>
    [QueryParam]
    public ActorKind? ActorKind { get; init; }

    /// <summary>Only fiches with at least one financing line from this source.</summary>
    [QueryParam]
    public FinancingSource? FinancingSource { get; init; }

    /// <summary>French full-text search in the title, summary, challenge, actions, results, commune and actors: accents and word endings do not matter.</summary>
    [QueryParam]
    public string? Q { get; init; }
}

public sealed class FicheListValidator : Validator<FicheListRequest>
{
    public FicheListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Theme).KnownTheme();
        RuleFor(x => x.Region).KnownRegion();
        RuleFor(x => x.Country).Must(c => c is null || FicheValidator.IsCountryCode(c.ToUpperInvariant()))
            .WithMessage(_ => Text.Of("Le pays s'écrit en deux lettres (code ISO 3166-1 alpha-2), par exemple FR, MA ou VN.",
                                      "The country is two letters (ISO 3166-1 alpha-2 code), for example FR, MA or VN."));
        RuleFor(x => x.Q).MaximumLength(200)
            .WithMessage(_ => Text.Of("La recherche compte 200 caractères au plus.", "The search is 200 characters at most."));
    }
}

/// <summary>GET /api/v1/fiches: published fiches, newest first.</summary>
public sealed class ListPublishedFiches : ListPublished<Fiche, FicheListRequest, FicheDelivery>
{
    /// <summary>The words <c>q</c> searches, taken from the delivery JSON; the French parser skips the HTML tags.</summary>
    private const string SearchedText =
        "concat_ws(' ', data ->> 'title', data ->> 'summary', data ->> 'challenge', data ->> 'actions', data ->> 'results', " +
        "data -> 'territory' ->> 'commune', jsonb_path_query_array(data, '$.actors[*].name')::text)";

    protected override DeliveryFilter Filter(FicheListRequest r) => FilterFor(r);

    /// <summary>The list's filters as SQL; the Atom feed of fiches takes the same.</summary>
    public static DeliveryFilter FilterFor(FicheListRequest r)
    {
        var filter = new DeliveryFilter().ArrayContains("themes", r.Theme).Matches(SearchedText, r.Q);
        if (r.Region is { } region) filter.Contains(new { territory = new { regionCode = region } });
        if (r.Country is { } country) filter.Contains(new { territory = new { country = country.ToUpperInvariant() } });
        if (r.ActorKind is { } kind) filter.Contains(new { actors = new[] { new { kind } } });
        if (r.FinancingSource is { } source) filter.Contains(new { financing = new[] { new { source } } });
        return filter;
    }
}
