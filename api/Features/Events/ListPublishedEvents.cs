using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

/// <summary>
/// Filters of the public agenda. The JSON list, the iCalendar feed and the embedded agenda take exactly these, and
/// <see cref="ListPublishedEvents.FilterFor"/> turns them into SQL for all three.
/// </summary>
public class EventFilters
{
    /// <summary>Language version to list.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;

    /// <summary>
    /// Only events not over yet at this moment; now when absent, so the list shows what is coming. A day
    /// (<c>2027-03-26</c>, from its first instant) or a date-time (<c>2027-03-26T09:00:00+01:00</c>); without an
    /// offset, read on the Paris clock. Encode <c>+</c> as <c>%2B</c>; a bare one, read as a space, is understood too.
    /// </summary>
    [QueryParam]
    public string? From { get; init; }

    /// <summary>
    /// Only events that start before this moment, which must be after <c>from</c>. A day includes the whole day
    /// (<c>to=2027-03-31</c>: up to the end of 31 March); a date-time is read as for <c>from</c>.
    /// </summary>
    [QueryParam]
    public string? To { get; init; }

    /// <summary>Only events filed under this theme code (see <c>/api/v1/themes</c>).</summary>
    [QueryParam]
    public string? Theme { get; init; }

    /// <summary>Only events whose venue is in this region (INSEE code, see <c>/api/v1/regions</c>).</summary>
    [QueryParam]
    public string? Region { get; init; }

    /// <summary>Only events whose venue is in this city, whatever the case and accents.</summary>
    [QueryParam]
    public string? City { get; init; }

    /// <summary>Only events of this kind.</summary>
    [QueryParam]
    public EventKind? Kind { get; init; }

    /// <summary>Only events attended exactly this way (<c>in_person</c> does not include <c>mixed</c>).</summary>
    [QueryParam]
    public AttendanceMode? AttendanceMode { get; init; }

    /// <summary>Only events in this status, for example <c>cancelled</c>.</summary>
    [QueryParam]
    public EventStatus? Status { get; init; }

    /// <summary>Words to find in the title, summary or description, the French way (stems, accents ignored).</summary>
    [QueryParam]
    public string? Q { get; init; }
}

/// <summary>
/// A page of the agenda: its filters, and the paging every delivery list takes (as in <see cref="PageRequest"/>,
/// which a class deriving from <see cref="EventFilters"/> cannot also derive from).
/// </summary>
public class EventListRequest : EventFilters, IDeliveryListRequest, ITranslatedListRequest
{
    /// <inheritdoc cref="ITranslatedListRequest.Fallback"/>
    [QueryParam]
    public Locale? Fallback { get; init; }

    /// <summary>How many items per page, 1 to 100.</summary>
    [QueryParam]
    public int Limit { get; init; } = 20;

    /// <summary>The <c>next</c> value of the previous page.</summary>
    [QueryParam]
    public string? Cursor { get; init; }
}

/// <summary>The checks of the agenda's filters, wherever they are taken (the feed binds them alone).</summary>
public sealed class EventFiltersValidator : Validator<EventFilters>
{
    public EventFiltersValidator()
    {
        RuleFor(x => x.From).Must(v => string.IsNullOrWhiteSpace(v) || EventTimes.TryParseBound(v, isEnd: false, out _)).WithMessage(BadTime);
        RuleFor(x => x.To).Must(v => string.IsNullOrWhiteSpace(v) || EventTimes.TryParseBound(v, isEnd: true, out _)).WithMessage(BadTime);
        // Unreadable values are reported above; two readable ones must make a window.
        RuleFor(x => x.To)
            .Must((r, to) => !EventTimes.TryParseBound(r.From, isEnd: false, out var start)
                             || !EventTimes.TryParseBound(to, isEnd: true, out var end) || end > start)
            .WithMessage(_ => Text.Of("« to » doit être après « from ».", "'to' must be after 'from'."));
        RuleFor(x => x.Theme).KnownTheme();
        RuleFor(x => x.Region).KnownRegion();
        RuleFor(x => x.City).MaximumLength(100);
        // Kind, attendance mode and status need no rule: binding refuses any value but their contract names.
        RuleFor(x => x.Q).MaximumLength(200);
    }

    private static string BadTime(EventFilters _) => Text.Of(
        "Date invalide : donnez un jour (2027-03-26) ou une date et heure ISO 8601 (2027-03-26T09:00:00+01:00), entre 1900 et 2200.",
        "Invalid date: give a day (2027-03-26) or an ISO 8601 date-time (2027-03-26T09:00:00+01:00), between 1900 and 2200.");
}

public sealed class EventListValidator : Validator<EventListRequest>
{
    public EventListValidator()
    {
        Include(new PageRules());
        Include(new EventFiltersValidator());
    }
}

/// <summary>GET /api/v1/events: the agenda, upcoming events first by start; past ones with <c>from</c>.</summary>
public sealed class ListPublishedEvents(TimeProvider clock) : ListPublished<AgendaEvent, EventListRequest, EventDelivery>
{
    /// <summary>Text search reads the texts a reader sees; the tags of the HTML description are not words to PostgreSQL's parser.</summary>
    private const string Texts = "coalesce(data ->> 'title', '') || ' ' || coalesce(data ->> 'summary', '') || ' ' || coalesce(data ->> 'description', '')";

    public override void Configure()
    {
        base.Configure();
        Summary(s =>
        {
            s.Summary = "List published events, by start, upcoming by default";
            s.Description = "Events not over yet at `from` (now by default) and starting before `to`, earliest start first. " +
                            "Cancelled and postponed events stay listed with their `eventStatus` until they are unpublished.";
        });
    }

    /// <summary>Earliest start first, the order of every view of the agenda.</summary>
    public static readonly DeliveryOrder ByStart = DeliveryOrder.ByTime("starts_at", descending: false);

    protected override DeliveryOrder Order(EventListRequest request) => ByStart;

    protected override DeliveryFilter Filter(EventListRequest r) => FilterFor(r, clock.Now());

    /// <summary>
    /// The agenda's filters as SQL, like a calendar's window: an event is in [from, to) when it ends after from
    /// (<paramref name="now"/> when absent) and starts before to.
    /// </summary>
    public static DeliveryFilter FilterFor(EventFilters r, DateTimeOffset now)
    {
        var from = EventTimes.TryParseBound(r.From, isEnd: false, out var given) ? given : now;
        var filter = new DeliveryFilter().Where("ends_at > {0}", from.ToUniversalTime());
        if (EventTimes.TryParseBound(r.To, isEnd: true, out var to)) filter.Where("starts_at < {0}", to);
        filter.ArrayContains("themes", r.Theme);
        if (!string.IsNullOrEmpty(r.Region)) filter.Contains(new { venue = new { regionCode = r.Region } });
        if (!string.IsNullOrWhiteSpace(r.City))
            filter.Where("lower(public.unaccent(data -> 'venue' ->> 'city')) = lower(public.unaccent({0}))", r.City.Trim());
        if (r.Kind is { } kind) filter.Contains(new { kind });
        if (r.AttendanceMode is { } attendanceMode) filter.Contains(new { attendanceMode });
        if (r.Status is { } eventStatus) filter.Contains(new { eventStatus });
        return filter.Matches(Texts, r.Q);
    }
}
