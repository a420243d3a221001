using System.ComponentModel.DataAnnotations;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Fiches;

/// <summary>What an editor writes in a fiche: one exemplary action of the sustainable city, in France or abroad.</summary>
public sealed record FicheContent : IItemContent
{
    /// <summary>Language of the fiche.</summary>
    public Locale Locale { get; init; } = Locale.Fr;
    /// <summary>Shared by the French and English versions of the same fiche; a new group when absent.</summary>
    public Guid? TranslationGroup { get; init; }
    /// <summary>URL name, lowercase letters, digits and hyphens; made from the title when absent.</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
    /// <summary>Title (3 to 200 characters).</summary>
    [StringLength(200, MinimumLength = 3)]
    public string Title { get; init; } = "";
    /// <summary>Short plain-text summary shown in lists (1,000 characters at most).</summary>
    [MaxLength(1000)]
    public string? Summary { get; init; }
    /// <summary>Where the action takes place.</summary>
    public FicheTerritory Territory { get; init; } = new();
    /// <summary>Who carries the action: at least one, 30 at most.</summary>
    [MinLength(1), MaxLength(30)]
    public IReadOnlyList<FicheActor> Actors { get; init; } = [];
    /// <summary>The challenge the action answers. Rich text (HTML), sanitised on write with an allow-list.</summary>
    [MaxLength(50_000)]
    public string? Challenge { get; init; }
    /// <summary>What was done. Rich text (HTML), sanitised on write with an allow-list.</summary>
    [MaxLength(100_000)]
    public string? Actions { get; init; }
    /// <summary>What came of it. Rich text (HTML), sanitised on write with an allow-list.</summary>
    [MaxLength(50_000)]
    public string? Results { get; init; }
    /// <summary>Measured results, 20 at most.</summary>
    [MaxLength(20)]
    public IReadOnlyList<FicheIndicator> Indicators { get; init; } = [];
    /// <summary>Who paid for the action, 20 lines at most.</summary>
    [MaxLength(20)]
    public IReadOnlyList<FicheFinancing> Financing { get; init; } = [];
    /// <summary>When the action ran.</summary>
    public FichePeriod? Period { get; init; }
    /// <summary>The fiche's published contact: shown to the public by design.</summary>
    public FicheContact? Contact { get; init; }
    /// <summary>Links to learn more, 20 at most.</summary>
    [MaxLength(20)]
    public IReadOnlyList<FicheLink> Links { get; init; } = [];
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>, for example <c>energie</c>.</summary>
    [MaxLength(13)]
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>Free tags, 30 at most.</summary>
    [MaxLength(30)]
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Ids of related articles.</summary>
    [MaxLength(50)]
    public IReadOnlyList<Guid> RelatedArticles { get; init; } = [];
    /// <summary>Ids of related events.</summary>
    [MaxLength(50)]
    public IReadOnlyList<Guid> RelatedEvents { get; init; } = [];
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
    /// <summary>The picture shown at the top of the fiche.</summary>
    public CoverImage? Cover { get; init; }
}

/// <summary>Where an action takes place.</summary>
public sealed record FicheTerritory
{
    /// <summary>Commune or grouping of communes, for example "Lorient Agglomération".</summary>
    [MaxLength(200)]
    public string? Commune { get; init; }
    /// <summary>Département, for example "Morbihan"; empty abroad.</summary>
    [MaxLength(100)]
    public string? Departement { get; init; }
    /// <summary>INSEE code of the region from <c>GET /api/v1/regions</c>; <c>99</c> for a project abroad, and only then.</summary>
    [MaxLength(2)]
    public string RegionCode { get; init; } = "";
    /// <summary>ISO 3166-1 alpha-2 country code, two uppercase letters; <c>FR</c> when absent.</summary>
    [MaxLength(2)]
    public string Country { get; init; } = "FR";
}

/// <summary>An organisation that carries the action.</summary>
/// <param name="Name">
/// Name of the organisation (200 characters at most). When the actor is a public member of the network, delivery
/// shows the member's name instead, as the directory has it now; this one when it is not (or no longer) public.
/// </param>
/// <param name="Kind">What kind of organisation it is (delivery shows the member's, as for the name).</param>
/// <param name="Role">What it did in the action, for example "maître d'ouvrage" (300 characters at most).</param>
/// <param name="MemberId">The member of the network this actor is (<c>/api/v1/manage/members/{id}</c>), if it is one.</param>
public sealed record FicheActor(
    [property: MaxLength(200)] string Name, ActorKind Kind, [property: MaxLength(300)] string? Role, Guid? MemberId = null);

/// <summary>One measured result.</summary>
/// <param name="Label">What is measured, for example "Consommation d'énergie des bâtiments".</param>
/// <param name="Value">The value, a JSON number (negative for a decrease).</param>
/// <param name="Unit">Its unit, for example "%", "tonnes de CO₂ par an", "logements".</param>
public sealed record FicheIndicator(
    [property: MaxLength(200)] string Label,
    [property: Range(-1_000_000_000_000d, 1_000_000_000_000d)] decimal Value,
    [property: MaxLength(40)] string Unit);

/// <summary>One source of funding.</summary>
/// <param name="Source">Where the money came from.</param>
/// <param name="AmountEuros">Amount in euros, zero or more; null when not disclosed.</param>
/// <param name="Detail">Programme or funder, for example "Appel à projets Démonstrateurs de la ville durable".</param>
public sealed record FicheFinancing(
    FinancingSource Source,
    [property: Range(0d, 100_000_000_000d)] decimal? AmountEuros,
    [property: MaxLength(200)] string? Detail);

/// <summary>When an action ran.</summary>
/// <param name="Start">First day (ISO 8601 date).</param>
/// <param name="End">Last day, after the start; null while the action goes on.</param>
public sealed record FichePeriod(DateOnly Start, DateOnly? End);

/// <summary>Who the public may write to about the action. Published with the fiche by design.</summary>
/// <param name="Name">Name of the person or the team.</param>
/// <param name="Organisation">Organisation they answer for.</param>
/// <param name="Email">Public e-mail address.</param>
/// <param name="Url">Public https web page.</param>
public sealed record FicheContact(
    [property: MaxLength(120)] string Name,
    [property: MaxLength(200)] string Organisation,
    [property: MaxLength(254), EmailAddress] string? Email,
    [property: MaxLength(2000), Url] string? Url);

/// <summary>A link to learn more.</summary>
/// <param name="Label">Text of the link (200 characters at most).</param>
/// <param name="Url">Absolute https URL.</param>
public sealed record FicheLink([property: MaxLength(200)] string Label, [property: MaxLength(2000), Url] string Url);
