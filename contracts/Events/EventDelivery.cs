using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Events;

/// <summary>A published event, as partners, the agenda widget and the aggregator receive it.</summary>
/// <remarks>
/// Times come three ways. <c>start</c>/<c>end</c>: the local time with the offset in force at that instant in
/// <c>timeZone</c> (<c>2027-03-26T09:00:00+01:00</c>, then <c>2027-03-29T09:00:00+02:00</c> after the change to
/// summer time); null for all-day events, which have no time. <c>startDate</c>/<c>endDate</c>: the local days,
/// always present (for an all-day event, the first and last day). <c>startsAt</c>/<c>endsAt</c>: the same instants
/// in UTC, which the list is ordered and filtered by. Stored in this shape when published and streamed as is.
/// </remarks>
public sealed record EventDelivery : ITranslatedDelivery
{
    /// <summary>Stable identifier.</summary>
    public required Guid Id { get; init; }
    /// <summary>Language of the event's texts.</summary>
    public required Locale Locale { get; init; }
    /// <summary>Shared by the language versions of the same event.</summary>
    /// <summary>Shared by the language versions of the same item.</summary>
    public required Guid TranslationGroup { get; init; }
    /// <summary>The other published language versions of this item, for hreflang links.</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];
    /// <summary>URL name of the event.</summary>
    public required string Slug { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>What kind of event it is.</summary>
    public required EventKind Kind { get; init; }
    /// <summary>A short presentation shown in lists.</summary>
    public string? Summary { get; init; }
    /// <summary>Sanitised HTML.</summary>
    public string? Description { get; init; }
    /// <summary>Local start with its offset (ISO 8601); null for an all-day event.</summary>
    public DateTimeOffset? Start { get; init; }
    /// <summary>Local end with its offset (ISO 8601); null for an all-day event.</summary>
    public DateTimeOffset? End { get; init; }
    /// <summary>Local day of the start (the first day of an all-day event).</summary>
    public required DateOnly StartDate { get; init; }
    /// <summary>Local day of the end (the last day of an all-day event, included).</summary>
    public required DateOnly EndDate { get; init; }
    /// <summary>IANA time zone of the event, for example <c>Europe/Paris</c>.</summary>
    public required string TimeZone { get; init; }
    /// <summary>True when the event takes whole days; <c>start</c> and <c>end</c> are then null.</summary>
    public required bool AllDay { get; init; }
    /// <summary>The start in UTC; for an all-day event, midnight local time at the start of the first day.</summary>
    public required DateTimeOffset StartsAt { get; init; }
    /// <summary>The end in UTC; for an all-day event, midnight local time at the end of the last day.</summary>
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>How people attend.</summary>
    public required AttendanceMode AttendanceMode { get; init; }
    /// <summary>Where it takes place; null for online events.</summary>
    public EventVenue? Venue { get; init; }
    /// <summary>https URL to attend online; null for in-person events.</summary>
    public string? OnlineUrl { get; init; }
    /// <summary>Who organises it.</summary>
    public EventOrganizer? Organizer { get; init; }
    /// <summary>https URL where people register.</summary>
    public string? RegistrationUrl { get; init; }
    /// <summary>What it costs: free, or an amount in euros; null when not stated.</summary>
    public EventPrice? Price { get; init; }
    /// <summary>Name of the recurring series the event belongs to.</summary>
    public string? Series { get; init; }
    /// <summary>Edition number within the series, from 1.</summary>
    public int? Edition { get; init; }
    /// <summary>The edition as people write it, in the event's language: "3ème édition", "1re édition", "3rd edition".</summary>
    public string? EditionLabel { get; init; }
    /// <summary>Whether the event takes place as announced: cancelled and postponed events stay listed with their status.</summary>
    public required EventStatus EventStatus { get; init; }
    /// <summary>Theme codes from <c>GET /api/v1/themes</c>.</summary>
    public required IReadOnlyList<string> Themes { get; init; }
    /// <summary>What search engines and link previews show.</summary>
    public SeoFields? Seo { get; init; }
    /// <summary>The picture shown at the top of the event.</summary>
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
    /// The event as schema.org JSON-LD, for the page that shows it. Null only for an event published before the
    /// API wrote it, until its next publication.
    /// </summary>
    public EventJsonLd? JsonLd { get; init; }
}
