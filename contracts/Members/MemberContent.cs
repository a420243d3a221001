using System.ComponentModel.DataAnnotations;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Contracts.Members;

/// <summary>
/// What an editor writes about a member of the network: an organisation (a local authority, a company, an
/// association…), never a person, so nothing here is personal data. Fiches' actors and events' organisers link it.
/// </summary>
public sealed record MemberContent : IItemContent
{
    /// <summary>Language of the entry.</summary>
    public Locale Locale { get; init; } = Locale.Fr;
    /// <summary>URL name, lowercase letters, digits and hyphens; made from the name when absent.</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
    /// <summary>Name of the organisation (2 to 200 characters), for example "Ville de Kerlaouen".</summary>
    [StringLength(200, MinimumLength = 2)]
    public string Name { get; init; } = "";
    /// <summary>What kind of organisation it is: the kinds of fiches' actors. Required.</summary>
    public ActorKind? Kind { get; init; }
    /// <summary>
    /// Its logo: an image of the media library (<c>mediaId</c> and its <c>/media/</c> url) or an https URL, with its
    /// alt text (usually "Logo de …").
    /// </summary>
    public CoverImage? Logo { get; init; }
    /// <summary>INSEE code of the region of its head office, from <c>GET /api/v1/regions</c> (<c>99</c> abroad). Required.</summary>
    [MaxLength(2)]
    public string RegionCode { get; init; } = "";
    /// <summary>Its https website.</summary>
    [MaxLength(2000), Url]
    public string? Website { get; init; }
    /// <summary>What it does, in a few plain-text sentences (1,000 characters at most).</summary>
    [MaxLength(1000)]
    public string? Description { get; init; }
    /// <summary>The year it joined the network (the network was founded in 2016).</summary>
    [Range(2016, 2100)]
    public int? MemberSince { get; init; }
    /// <summary>
    /// Whether the public directory shows it once published (true when absent). A member that is not public is
    /// delivered nowhere: not in the directory, not in search, not in sync, and the fiches and events that link it
    /// show only the name their editors wrote, without a link.
    /// </summary>
    public bool IsPublic { get; init; } = true;
    /// <summary>Theme codes from <c>GET /api/v1/themes</c> it works on, for example <c>energie</c>.</summary>
    [MaxLength(13)]
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
}
