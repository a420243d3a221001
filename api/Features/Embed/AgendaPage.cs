using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Embed;

/// <summary>
/// The agenda as one small HTML page for an iframe, for partners whose CMS allows no script: the same events as
/// <c>&lt;vivapolis-agenda&gt;</c> with the same filters, in the same words and the same markup (a list, a heading per
/// event, <c>&lt;time datetime&gt;</c>), with its style inline and nothing else to load.
/// </summary>
public static class AgendaPage
{
    public const string MediaType = "text/html; charset=utf-8";

    /// <summary>Light by default, dark when the reader's system is; colours keep 4.5:1 contrast or more on both.</summary>
    private const string Style =
        ":root{color-scheme:light dark;--accent:#005f73;--fg:#1b1b1b;--muted:#4d4d4d;--line:#d6d6d6;--alert:#a4001d;--bg:#fff;" +
        "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
        "@media (prefers-color-scheme:dark){:root{--accent:#7fd3e0;--fg:#ececec;--muted:#c2c2c2;--line:#444;--alert:#ff9e9e;--bg:#121212}}" +
        "body{margin:0;padding:.5rem 1rem;background:var(--bg);color:var(--fg)}" +
        ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}" +
        "ul{list-style:none;margin:0;padding:0}li{padding:.75rem 0;border-bottom:1px solid var(--line)}" +
        "h2{font-size:1.125rem;margin:.125rem 0}p{margin:.25rem 0}.meta,.where{color:var(--muted);font-size:.9375rem}" +
        ".status{color:var(--alert);font-weight:700}.cancelled h2{text-decoration:line-through}" +
        "a{color:var(--accent)}a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}.links a{margin-right:1rem}";

    /// <summary>The page's policy: its one inline style by hash, no script, and any site may frame it.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors *";

    /// <param name="calendarLink">Where one event's .ics is, from its slug.</param>
    /// <param name="moreLink">The page that shows more, when there are more events.</param>
    public static byte[] Write(IReadOnlyList<EventDelivery> events, AgendaTexts texts, AgendaLayout layout,
        Func<EventDelivery, string> calendarLink, string? moreLink)
    {
        var language = Json.Name(texts.Locale);
        var page = new StringBuilder(4096)
            .Append("<!doctype html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(E(texts.CalendarName))
            .Append("</title><style>").Append(Style).Append("</style></head><body><h1 class=\"vh\">").Append(E(texts.CalendarName)).Append("</h1>");
        if (events.Count == 0) page.Append("<p>").Append(E(texts.Empty)).Append("</p>");
        else
        {
            page.Append("<ul>");
            foreach (var e in events) Item(page, e, texts, layout, calendarLink(e));
            page.Append("</ul>");
        }
        if (moreLink is not null) page.Append("<p><a href=\"").Append(E(moreLink)).Append("\">").Append(E(texts.More)).Append("</a></p>");
        // The events' JSON-LD: Json.Options writes < > & as \u escapes, so nothing can close the script element.
        var jsonLd = events.Select(e => e.JsonLd).OfType<EventJsonLd>().ToList();
        if (jsonLd.Count > 0)
            page.Append("<script type=\"application/ld+json\">").Append(JsonSerializer.Serialize(jsonLd, Json.Options)).Append("</script>");
        page.Append("</body></html>");
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    private static void Item(StringBuilder page, EventDelivery e, AgendaTexts texts, AgendaLayout layout, string calendarLink)
    {
        var status = texts.Statuses.GetValueOrDefault(e.EventStatus);
        page.Append("<li").Append(e.EventStatus == EventStatus.Cancelled ? " class=\"cancelled\"" : "").Append('>');
        page.Append("<p class=\"meta\"><span>").Append(E(texts.Kinds[e.Kind])).Append("</span>");
        if (status is not null) page.Append(" · <span class=\"status\">").Append(E(status)).Append("</span>");
        page.Append("</p><h2>").Append(E(e.Title)).Append("</h2><p class=\"when\">");
        foreach (var (text, datetime, separator) in AgendaDates.Of(e, texts))
            page.Append(E(separator)).Append("<time datetime=\"").Append(datetime).Append("\">").Append(E(text)).Append("</time>");
        page.Append("</p>");
        if (PlaceOf(e, texts) is { } place) page.Append("<p class=\"where\">").Append(E(place)).Append("</p>");
        if (layout == AgendaLayout.List && e.Summary is { } summary) page.Append("<p class=\"summary\">").Append(E(summary)).Append("</p>");
        page.Append("<p class=\"links\">");
        if (e.RegistrationUrl is { } register && e.EventStatus != EventStatus.Cancelled)
            Link(page, register, texts.Register, e.Title, newTab: true);
        Link(page, calendarLink, texts.AddToCalendar, e.Title, newTab: false);
        page.Append("</p></li>");
    }

    /// <summary>A link whose words say where it goes, even read alone by a screen reader ("S'inscrire : Matinale…").</summary>
    private static void Link(StringBuilder page, string href, string label, string title, bool newTab) =>
        page.Append("<a href=\"").Append(E(href)).Append('"').Append(newTab ? " target=\"_blank\" rel=\"noopener\"" : "").Append('>')
            .Append(E(label)).Append("<span class=\"vh\"> : ").Append(E(title)).Append("</span></a>");

    /// <summary>"Maison de la ville durable, Paris", "…, Toronto (CA)", "… · En ligne", or "En ligne".</summary>
    public static string? PlaceOf(EventDelivery e, AgendaTexts texts)
    {
        var venue = e.Venue is { } v ? $"{v.Name}, {v.City}" + (v.Country == "FR" ? "" : $" ({v.Country})") : null;
        return (venue, e.OnlineUrl) switch
        {
            (null, null) => null,
            (null, _) => texts.Online,
            (_, null) => venue,
            _ => $"{venue} · {texts.Online}",
        };
    }

    private static string E(string text) => RichText.Encode(text);
}

/// <summary>
/// When an event takes place, in its own zone, as the agenda writes it: "vendredi 26 mars 2027, 09:00" then
/// "11:00" on the same day, the whole end otherwise, and the zone after the end when it is not Paris's; days only
/// for all-day events. The element formats the same parts
/// with Intl (fr-FR, en-GB) and joins them the same way.
/// </summary>
public static class AgendaDates
{
    private const string DayFormat = "dddd d MMMM yyyy", TimeFormat = "HH:mm";

    /// <summary>Each part: its text, its <c>datetime</c> attribute (ISO 8601), and what goes before it.</summary>
    public static IEnumerable<(string Text, string DateTime, string Before)> Of(EventDelivery e, AgendaTexts texts)
    {
        var culture = CultureInfo.GetCultureInfo(texts.Locale == Locale.En ? "en-GB" : "fr-FR");
        var zone = e.TimeZone == EventTimes.DefaultZone ? "" : $" ({e.TimeZone})";
        if (e.AllDay)
        {
            yield return (e.StartDate.ToString(DayFormat, culture), EventTimes.Iso(e.StartDate), "");
            if (e.EndDate != e.StartDate) yield return (e.EndDate.ToString(DayFormat, culture), EventTimes.Iso(e.EndDate), " – ");
            yield break;
        }
        var (start, end) = (e.Start!.Value, e.End!.Value);
        var endDay = start.Date == end.Date ? "" : end.ToString(DayFormat, culture) + ", ";
        yield return ($"{start.ToString(DayFormat, culture)}, {start.ToString(TimeFormat, culture)}", EventTimes.Iso(start), "");
        yield return (endDay + end.ToString(TimeFormat, culture) + zone, EventTimes.Iso(end), " – ");
    }
}
