using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Contracts.Members;

/// <summary>A public member of the network, as the members directory publishes it.</summary>
/// <remarks>Stored in this shape when published, so delivery streams it from the database as is.</remarks>
public sealed record MemberDelivery : IDeliveryItem
{
    /// <summary>Stable identifier; the <c>member</c> filter of the fiche and event lists takes it.</summary>
    public required Guid Id { get; init; }
    /// <summary>Language of the entry.</summary>
    public required Locale Locale { get; init; }
    /// <summary>URL name, unique per locale.</summary>
    public required string Slug { get; init; }
    /// <summary>Name of the organisation.</summary>
    public required string Name { get; init; }
    /// <summary>What kind of organisation it is.</summary>
    public required ActorKind Kind { get; init; }
    /// <summary>Its logo.</summary>
    public CoverImage? Logo { get; init; }
    /// <summary>INSEE code of the region of its head office (<c>99</c> abroad).</summary>
    public required string RegionCode { get; init; }
    /// <summary>Its https website.</summary>
    public string? Website { get; init; }
    /// <summary>What it does, in plain text.</summary>
    public string? Description { get; init; }
    /// <summary>The year it joined the network.</summary>
    public int? MemberSince { get; init; }
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>.</summary>
    public required IReadOnlyList<string> Themes { get; init; }
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
    /// <summary>The media library image of its logo, with its widths for <c>srcset</c>; absent when the logo is a plain URL or there is none.</summary>
    public IReadOnlyList<Vivapolis.Contracts.Media.MediaImage>? Images { get; init; }
    /// <summary>The published fiches one of whose actors is this member: <c>GET /api/v1/fiches?member={id}</c>.</summary>
    public required string FichesUrl { get; init; }
    /// <summary>The upcoming published events it organises: <c>GET /api/v1/events?member={id}</c> (add <c>from</c> for past ones).</summary>
    public required string EventsUrl { get; init; }
    /// <summary>When it was first published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>When this published version was made.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Version number of the published content.</summary>
    public required int Version { get; init; }
}

/// <summary>
/// A public member of the network that a fiche's actor or an event's organiser is, as the directory publishes it
/// now: renaming the member, changing its slug, making it private or unpublishing it changes every published item
/// that links it, in the same transaction (each such item appears in the change feed as <c>republished</c>).
/// </summary>
/// <param name="Id">The member's id.</param>
/// <param name="Slug">Its slug in the directory.</param>
/// <param name="Name">Its name.</param>
/// <param name="Url">Its public address on this API: <c>/api/v1/members/{slug}</c>.</param>
public sealed record MemberLink(Guid Id, string Slug, string Name, string Url);
