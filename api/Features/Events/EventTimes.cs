using System.Globalization;
using System.Text.RegularExpressions;

namespace Vivapolis.Api.Features.Events;

/// <summary>
/// The agenda's clock arithmetic. Editors give local times as on a poster plus an IANA zone; the offset is worked
/// out for each instant, so 9:00 in Paris is +01:00 in March before the change to summer time and +02:00 after.
/// </summary>
public static partial class EventTimes
{
    public const string DefaultZone = "Europe/Paris";

    /// <summary>Dates further out are typing mistakes, and would overflow the day arithmetic.</summary>
    public const int FirstYear = 1900, LastYear = 2200;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>An IANA id the system knows ("Europe/Paris"), not a Windows one ("Romance Standard Time").</summary>
    public static bool IsIanaZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static bool InRange(DateTime value) => value.Year is >= FirstYear and <= LastYear;

    /// <summary>False for the local times the change to summer time skips (02:30 on the last Sunday of March in Paris).</summary>
    public static bool Exists(DateTime local, string zoneId) =>
        !TimeZoneInfo.FindSystemTimeZoneById(zoneId).IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    /// <summary>
    /// A local time with the offset in force then. A time the autumn change repeats is read as standard time (the
    /// second pass); a skipped one moves to the first time that exists, which only computed midnights can meet.
    /// </summary>
    public static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Where an event sits in time, every way delivery shows it.</summary>
    public static EventSpan SpanOf(DateTime start, DateTime end, string zoneId, bool allDay)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (startDate, endDate) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        if (allDay)
            return new EventSpan(null, null, startDate, endDate,
                AtLocal(startDate.ToDateTime(TimeOnly.MinValue), zone).ToUniversalTime(),
                AtLocal(endDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).ToUniversalTime());
        var (from, to) = (AtLocal(start, zone), AtLocal(end, zone));
        return new EventSpan(from, to, startDate, endDate, from.ToUniversalTime(), to.ToUniversalTime());
    }

    /// <summary>
    /// A <c>from</c> or <c>to</c> filter value as an instant. A day (<c>2027-03-26</c>) is read on the Paris clock:
    /// its first instant for <c>from</c>, the first instant after it for <c>to</c>, so <c>to</c> includes that day.
    /// A date-time takes its offset (<c>Z</c>, <c>+01:00</c>), or the Paris clock without one.
    /// </summary>
    public static bool TryParseBound(string? text, bool isEnd, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // An unencoded '+' in a query string arrives as a space: "09:00:00 01:00" meant "09:00:00+01:00".
        text = text.Trim().Replace(' ', '+');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is < FirstYear or > LastYear) return false;
            instant = AtLocal((isEnd ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), Paris).ToUniversalTime();
            return true;
        }
        var shape = DateTimeShape().Match(text);
        if (!shape.Success) return false;
        if (shape.Groups["offset"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)) return false;
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (!InRange(local)) return false; // before AtLocal: year 1 minus an offset is no time at all
            instant = AtLocal(local, Paris);
        }
        else return false;
        instant = instant.ToUniversalTime();
        return instant.Year is >= FirstYear and <= LastYear;
    }

    /// <summary>A local day as ISO 8601: <c>2027-03-26</c>.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A local time with its offset as ISO 8601, to the second: <c>2027-03-26T09:00:00+01:00</c>.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimeShape();
}

/// <summary>An event's times: with offsets (null all day), local days, and UTC instants to order and filter by.</summary>
public readonly record struct EventSpan(
    DateTimeOffset? Start, DateTimeOffset? End, DateOnly StartDate, DateOnly EndDate, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool EndsBeforeStart => EndDate < StartDate || EndsAt < StartsAt;
}
