using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Events;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using EventStatus = Vivapolis.Contracts.Events.EventStatus;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>
/// Published events as an RFC 5545 calendar, written by Ical.Net: times in the event's own zone with a VTIMEZONE
/// for each zone used, all-day events as dates, one stable UID per event and a SEQUENCE that grows with each
/// published change, so that subscribed calendars update an event rather than add it again. Cancelled events stay,
/// STATUS:CANCELLED, so that calendars take them off.
/// </summary>
public static class EventCalendar
{
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>How often subscribed calendars should look again (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL).</summary>
    private const string Refresh = "PT1H";

    /// <summary>VTIMEZONE rules valid from this date on; the rules in force since then are the current ones in every zone we meet.</summary>
    private static readonly DateTime ZoneRulesFrom = new(2000, 1, 1);

    public static byte[] Write(IReadOnlyList<EventDelivery> events, AgendaTexts texts)
    {
        var calendar = new Calendar { ProductId = "-//Vivapolis//Agenda//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", texts.CalendarName);
        calendar.AddProperty("NAME", texts.CalendarName);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", Refresh);
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", Refresh);
        foreach (var zone in events.Where(e => !e.AllDay).Select(e => e.TimeZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, ZoneRulesFrom, includeHistoricalData: false));
        foreach (var e in events) calendar.Events.Add(EventOf(e, texts));
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static CalendarEvent EventOf(EventDelivery e, AgendaTexts texts)
    {
        var status = texts.Statuses.GetValueOrDefault(e.EventStatus);
        var ev = new CalendarEvent
        {
            Uid = e.Id.ToString(),
            Sequence = e.Version,
            // The feed publishes what was last revised (RFC 5545 3.8.7.2, without METHOD:REQUEST): the same bytes until a change.
            DtStamp = Utc(e.UpdatedAt),
            Created = Utc(e.PublishedAt),
            LastModified = Utc(e.UpdatedAt),
            // Calendars that ignore STATUS (some subscriptions do) still show the word.
            Summary = status is null ? e.Title : status + texts.Colon + e.Title,
            Description = DescriptionOf(e, texts),
            Location = LocationOf(e, texts),
            Status = e.EventStatus switch
            {
                EventStatus.Cancelled => Ical.Net.EventStatus.Cancelled,
                EventStatus.Postponed => Ical.Net.EventStatus.Tentative,
                _ => Ical.Net.EventStatus.Confirmed,
            },
            Class = "PUBLIC",
        };
        if (e.AllDay)
        {
            ev.DtStart = new CalDateTime(e.StartDate);
            ev.DtEnd = new CalDateTime(e.EndDate.AddDays(1)); // DTEND of a date is exclusive
        }
        else
        {
            ev.DtStart = new CalDateTime(e.Start!.Value.DateTime, e.TimeZone);
            ev.DtEnd = new CalDateTime(e.End!.Value.DateTime, e.TimeZone);
        }
        ev.Categories.Add(texts.Kinds[e.Kind]);
        if (e.Venue is { Latitude: { } lat, Longitude: { } lon }) ev.GeographicLocation = new GeographicLocation(lat, lon);
        if ((e.RegistrationUrl ?? e.OnlineUrl) is { } url) ev.Url = new Uri(url);
        if (e.OnlineUrl is { } online)
        {
            // RFC 7986: how to join, which calendars show as a "join" button.
            var conference = new CalendarProperty("CONFERENCE", online);
            conference.AddParameter("VALUE", "URI");
            conference.AddParameter("FEATURE", "VIDEO");
            ev.AddProperty(conference);
        }
        return ev;
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, CalDateTime.UtcTzId);

    private static string? LocationOf(EventDelivery e, AgendaTexts texts)
    {
        var place = e.Venue is { } v
            ? string.Join(", ", new[] { v.Name, v.Address, string.Join(' ', new[] { v.PostalCode, v.City }.Where(p => !string.IsNullOrEmpty(p))),
                v.Country == "FR" ? null : v.Country }.Where(p => !string.IsNullOrEmpty(p)))
            : null;
        return (place, e.OnlineUrl) switch
        {
            (null, null) => null,
            (null, _) => texts.Online,
            (_, null) => place,
            _ => $"{place} / {texts.Online}",
        };
    }

    private static string DescriptionOf(EventDelivery e, AgendaTexts texts)
    {
        var colon = texts.Colon;
        var parts = new List<string?>
        {
            e.Summary,
            RichText.ToPlainText(e.Description),
            e.Organizer is { } o ? texts.OrganizedBy + colon + o.Name : null,
            e.Price is { } p ? texts.Price + colon + (p.Free ? texts.Free : texts.Amount(p.Amount ?? 0)) + (p.Details is { } d ? $" ({d})" : "") : null,
            e.RegistrationUrl is { } r ? texts.RegisterAt + colon + r : null,
            e.OnlineUrl is { } u ? texts.Online + colon + u : null,
        };
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
