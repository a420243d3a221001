using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Fiches;

/// <summary>A published fiche (exemplary action), as partners and the aggregator receive it.</summary>
/// <remarks>Stored in this shape when published, so delivery streams it from the database as is.</remarks>
public sealed record FicheDelivery : ITranslatedDelivery
{
    /// <summary>Stable identifier.</summary>
    public required Guid Id { get; init; }
    /// <summary>Language of the fiche.</summary>
    public required Locale Locale { get; init; }
    /// <summary>Shared by the French and English versions of the same fiche.</summary>
    /// <summary>Shared by the language versions of the same item.</summary>
    public required Guid TranslationGroup { get; init; }
    /// <summary>The other published language versions of this item, for hreflang links.</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];
    /// <summary>URL name, unique per locale.</summary>
    public required string Slug { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Short plain-text summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Where the action takes place.</summary>
    public required FicheTerritory Territory { get; init; }
    /// <summary>Who carries the action.</summary>
    public required IReadOnlyList<FicheActor> Actors { get; init; }
    /// <summary>The challenge the action answers; sanitised HTML.</summary>
    public string? Challenge { get; init; }
    /// <summary>What was done; sanitised HTML.</summary>
    public string? Actions { get; init; }
    /// <summary>What came of it; sanitised HTML.</summary>
    public string? Results { get; init; }
    /// <summary>Measured results.</summary>
    public required IReadOnlyList<FicheIndicator> Indicators { get; init; }
    /// <summary>Who paid for the action.</summary>
    public required IReadOnlyList<FicheFinancing> Financing { get; init; }
    /// <summary>When the action ran.</summary>
    public FichePeriod? Period { get; init; }
    /// <summary>The fiche's published contact.</summary>
    public FicheContact? Contact { get; init; }
    /// <summary>Links to learn more.</summary>
    public required IReadOnlyList<FicheLink> Links { get; init; }
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>.</summary>
    public required IReadOnlyList<string> Themes { get; init; }
    /// <summary>Free tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Ids of related articles.</summary>
    public required IReadOnlyList<Guid> RelatedArticles { get; init; }
    /// <summary>Ids of related events.</summary>
    public required IReadOnlyList<Guid> RelatedEvents { get; init; }
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
    /// <summary>The picture shown at the top of the fiche.</summary>
    public CoverImage? Cover { get; init; }
    /// <summary>
    /// The images of the media library it shows, with their widths for <c>srcset</c>: its cover (matched by
    /// <c>cover.mediaId</c>) and the images of its rich text (matched by their URL). Absent when it shows none.
    /// </summary>
    public IReadOnlyList<Vivapolis.Contracts.Media.MediaImage>? Images { get; init; }
    /// <summary>When it was first published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>When this published version was made.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Version number of the published content.</summary>
    public required int Version { get; init; }
}
