using System.ComponentModel.DataAnnotations;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Articles;

/// <summary>What an editor writes in an article (magazine interview or news).</summary>
public sealed record ArticleContent : IItemContent
{
    /// <summary>Language of the article.</summary>
    public Locale Locale { get; init; } = Locale.Fr;
    /// <summary>Shared by the French and English versions of the same article; a new group when absent.</summary>
    public Guid? TranslationGroup { get; init; }
    /// <summary>URL name, lowercase letters, digits and hyphens; made from the title when absent.</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
    /// <summary>Title (3 to 200 characters).</summary>
    [StringLength(200, MinimumLength = 3)]
    public string Title { get; init; } = "";
    /// <summary>Chapô: the short introduction under the title.</summary>
    [MaxLength(1000)]
    public string? Standfirst { get; init; }
    /// <summary>Rich text (HTML). Sanitised on write with an allow-list: scripts, event handlers and unsafe URLs are removed.</summary>
    [MaxLength(200_000)]
    public string? Body { get; init; }
    /// <summary>Magazine section, for example "Écosystème".</summary>
    [MaxLength(100)]
    public string? Rubric { get; init; }
    /// <summary>Names of the authors.</summary>
    [MaxLength(20)]
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The person interviewed, for interviews.</summary>
    public Interviewee? Interviewee { get; init; }
    /// <summary>Free tags.</summary>
    [MaxLength(30)]
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>, for example <c>mobilite</c>.</summary>
    [MaxLength(13)]
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>Ids of related fiches.</summary>
    [MaxLength(50)]
    public IReadOnlyList<Guid> RelatedFiches { get; init; } = [];
    /// <summary>Ids of related events.</summary>
    [MaxLength(50)]
    public IReadOnlyList<Guid> RelatedEvents { get; init; } = [];
    public SeoFields? Seo { get; init; }
    public CoverImage? Cover { get; init; }
}

/// <summary>The person an interview is with.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Role">Job title, for example "directrice générale".</param>
/// <param name="Organisation">Organisation they speak for.</param>
public sealed record Interviewee(
    [property: MaxLength(120)] string Name,
    [property: MaxLength(200)] string? Role,
    [property: MaxLength(200)] string? Organisation);
