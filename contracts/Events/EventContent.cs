using System.ComponentModel.DataAnnotations;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Events;

/// <summary>What an editor writes about an event of the agenda.</summary>
/// <remarks>
/// Start and end are the local date and time at the event, as on a poster, without an offset
/// (<c>2027-03-26T09:00:00</c>); <see cref="TimeZone"/> says where that clock hangs. The offset is worked out
/// for each instant, so an event on either side of a daylight-saving change comes out right.
/// </remarks>
public sealed record EventContent : IItemContent
{
    /// <summary>Language of the event's texts.</summary>
    public Locale Locale { get; init; } = Locale.Fr;
    /// <summary>Shared by the French and English versions of the same event; a new group when absent.</summary>
    public Guid? TranslationGroup { get; init; }
    /// <summary>URL name, lowercase letters, digits and hyphens; made from the title when absent.</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
    /// <summary>Title (3 to 200 characters).</summary>
    [StringLength(200, MinimumLength = 3)]
    public string Title { get; init; } = "";
    /// <summary>What kind of event it is; required.</summary>
    public EventKind? Kind { get; init; }
    /// <summary>A short presentation shown in lists (1,000 characters at most).</summary>
    [MaxLength(1000)]
    public string? Summary { get; init; }
    /// <summary>Rich text (HTML): programme, speakers, practical details. Sanitised on write with an allow-list.</summary>
    [MaxLength(200_000)]
    public string? Description { get; init; }
    /// <summary>
    /// Local start, without offset: <c>2027-03-26T09:00:00</c>. For an all-day event, the first day only
    /// (<c>2027-03-26</c>, no time). Required.
    /// </summary>
    public DateTime? Start { get; init; }
    /// <summary>
    /// Local end, without offset, not before the start. For an all-day event, the last day only (no time). Required.
    /// </summary>
    public DateTime? End { get; init; }
    /// <summary>IANA time zone of the start and end, for example <c>Europe/Paris</c> (the default) or <c>America/Toronto</c>.</summary>
    [MaxLength(64)]
    public string TimeZone { get; init; } = "Europe/Paris";
    /// <summary>True when the event takes whole days: start and end are then dates without a time.</summary>
    public bool AllDay { get; init; }
    /// <summary>How people attend; decides what is required: a venue, an online URL, or both.</summary>
    public AttendanceMode AttendanceMode { get; init; } = AttendanceMode.InPerson;
    /// <summary>Where it takes place; required for <c>in_person</c> and <c>mixed</c> events.</summary>
    public EventVenue? Venue { get; init; }
    /// <summary>https URL to attend online; required for <c>online</c> and <c>mixed</c> events.</summary>
    [MaxLength(2000), Url]
    public string? OnlineUrl { get; init; }
    /// <summary>Who organises it.</summary>
    public EventOrganizer? Organizer { get; init; }
    /// <summary>https URL where people register.</summary>
    [MaxLength(2000), Url]
    public string? RegistrationUrl { get; init; }
    /// <summary>What it costs: free, or an amount in euros. Absent when not stated.</summary>
    public EventPrice? Price { get; init; }
    /// <summary>Name of the recurring series the event belongs to, for example "Rencontres du financement de la ville durable".</summary>
    [MaxLength(200)]
    public string? Series { get; init; }
    /// <summary>Edition number within the series, from 1: 3 for the "3ème édition".</summary>
    [Range(1, 999)]
    public int? Edition { get; init; }
    /// <summary>Whether the event takes place as announced; <c>scheduled</c> by default.</summary>
    public EventStatus EventStatus { get; init; } = EventStatus.Scheduled;
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>, for example <c>mobilite</c>.</summary>
    [MaxLength(13)]
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
    /// <summary>The picture shown at the top of the event.</summary>
    public CoverImage? Cover { get; init; }
}

/// <summary>The place where an event takes place.</summary>
public sealed record EventVenue
{
    /// <summary>Name of the place, for example "Maison de la ville durable".</summary>
    [MaxLength(200)]
    public string Name { get; init; } = "";
    /// <summary>Street address.</summary>
    [MaxLength(300)]
    public string? Address { get; init; }
    /// <summary>Postal code: five digits in France.</summary>
    [MaxLength(12)]
    public string? PostalCode { get; init; }
    /// <summary>City.</summary>
    [MaxLength(100)]
    public string City { get; init; } = "";
    /// <summary>Region code from <c>GET /api/v1/regions</c> (INSEE code, <c>99</c> abroad).</summary>
    [MaxLength(2)]
    public string? RegionCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code; <c>FR</c> by default.</summary>
    [MaxLength(2)]
    public string Country { get; init; } = "FR";
    /// <summary>Latitude in degrees (−90 to 90), with the longitude.</summary>
    [Range(-90d, 90d)]
    public double? Latitude { get; init; }
    /// <summary>Longitude in degrees (−180 to 180), with the latitude.</summary>
    [Range(-180d, 180d)]
    public double? Longitude { get; init; }
}

/// <summary>Who organises an event.</summary>
/// <param name="Name">
/// Name of the organisation. When it is a public member of the network, delivery shows the member's name instead, as
/// the directory has it now; this one when it is not (or no longer) public.
/// </param>
/// <param name="Url">Its https website; delivery shows the member's website when this is absent.</param>
/// <param name="MemberId">The member of the network that organises it (<c>/api/v1/manage/members/{id}</c>), if it is one.</param>
public sealed record EventOrganizer(
    [property: MaxLength(200)] string Name, [property: MaxLength(2000), Url] string? Url, Guid? MemberId = null);

/// <summary>What attending costs.</summary>
/// <param name="Free">True when attending is free; then there is no amount.</param>
/// <param name="Amount">Price in euros (0 or more, cents at most) when not free.</param>
/// <param name="Details">Anything else about the price, for example "tarif réduit pour les adhérents".</param>
public sealed record EventPrice(bool Free, [property: Range(0d, 100_000d)] decimal? Amount, [property: MaxLength(300)] string? Details);
