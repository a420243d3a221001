using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Articles;

/// <summary>A published article, as partners and the aggregator receive it.</summary>
/// <remarks>Stored in this shape when published, so delivery streams it from the database as is.</remarks>
public sealed record ArticleDelivery : ITranslatedDelivery
{
    public required Guid Id { get; init; }
    public required Locale Locale { get; init; }
    /// <summary>Shared by the language versions of the same item.</summary>
    public required Guid TranslationGroup { get; init; }
    /// <summary>The other published language versions of this item, for hreflang links.</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Standfirst { get; init; }
    /// <summary>Sanitised HTML.</summary>
    public string? Body { get; init; }
    public string? Rubric { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public Interviewee? Interviewee { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<string> Themes { get; init; }
    public required IReadOnlyList<Guid> RelatedFiches { get; init; }
    public required IReadOnlyList<Guid> RelatedEvents { get; init; }
    public SeoFields? Seo { get; init; }
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
    /// <summary>
    /// The article as schema.org JSON-LD, for the page that shows it. Null only for an article published before the
    /// API wrote it, until its next publication.
    /// </summary>
    public ArticleJsonLd? JsonLd { get; init; }
}
