using System.Net;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using EventStatus = Vivapolis.Contracts.Events.EventStatus;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.Feeds;

/// <summary>
/// The agenda as iCalendar: read back by Ical.Net as a calendar application would, and checked line by line against
/// the rules of RFC 5545 that calendar applications are strict about.
/// </summary>
public class EventCalendarTests(ApiFactory api) : ApiTest(api)
{
    private const string Feed = "/feeds/events.ics";

    [Fact]
    public async Task The_feed_holds_exactly_the_events_of_the_delivery_list_with_the_same_filters_in_the_same_order()
    {
        var editor = await Api.EditorAsync();
        var mobility = Draft("Matinale des mobilités", Local("2030-03-12T09:00:00"), Local("2030-03-12T11:00:00")) with { Themes = ["mobilite"] };
        var first = await editor.CreatePublishedAsync(mobility);
        var lyon = await editor.CreatePublishedAsync(mobility with { Title = "Mobilités à Lyon", Venue = Venue("Lyon", "84", "69002"),
                                                                    Start = Local("2030-03-10T14:00:00"), End = Local("2030-03-10T16:00:00") });
        var webinar = await editor.CreatePublishedAsync(mobility with { Title = "Webinaire des mobilités", Kind = EventKind.Webinaire,
            AttendanceMode = AttendanceMode.Online, Venue = null, OnlineUrl = "https://visio.example.org/w",
            Start = Local("2030-03-11T11:00:00"), End = Local("2030-03-11T12:00:00") });
        await editor.CreatePublishedAsync(Draft("Énergie, hors thème", Local("2030-03-11T09:00:00"), Local("2030-03-11T10:00:00")) with { Themes = ["energie"] });
        await editor.CreatePublishedAsync(mobility with { Title = "Trop tard", Start = Local("2030-05-01T09:00:00"), End = Local("2030-05-01T10:00:00") });
        var anonymous = Api.CreateClient();

        foreach (var query in new[] { "theme=mobilite&from=2030-03-01&to=2030-03-31", "theme=mobilite&region=11&from=2030-03-01&to=2030-03-31",
                     "kind=webinaire&from=2030-01-01", "attendanceMode=in_person&city=LYON&from=2030-01-01", "q=mobilités&from=2030-03-01&to=2030-03-31" })
        {
            var listed = await anonymous.ListedAsync(query);
            var calendar = await CalendarAsync(anonymous, $"{Feed}?{query}");
            Assert.NotEmpty(listed);
            Assert.Equal(listed.Select(id => id.ToString()), calendar.Events.Select(e => e.Uid));
        }
        Assert.Equal([lyon.Id, webinar.Id, first.Id], await anonymous.ListedAsync("theme=mobilite&from=2030-03-01&to=2030-03-31"));
    }

    [Fact]
    public async Task By_default_the_feed_is_what_is_coming_like_the_list()
    {
        var editor = await Api.EditorAsync();
        var now = Api.Clock.GetUtcNow();
        await editor.CreatePublishedAsync(Draft("Passée", now.AddDays(-2)));
        var soon = await editor.CreatePublishedAsync(Draft("Bientôt", now.AddDays(2)));

        var calendar = await CalendarAsync(Api.CreateClient(), Feed);

        Assert.Equal([soon.Id.ToString()], calendar.Events.Select(e => e.Uid));
    }

    [Fact]
    public async Task Each_event_keeps_its_uid_its_sequence_grows_with_each_published_change_and_the_feed_shows_it_at_once()
    {
        var editor = await Api.EditorAsync();
        var content = Draft("Matinale à venir", Local("2030-04-02T09:00:00"), Local("2030-04-02T11:00:00"));
        var published = await editor.CreatePublishedAsync(content);
        var anonymous = Api.CreateClient();
        var before = Single(await CalendarAsync(anonymous, $"{Feed}?from=2030-01-01"));

        var edited = await PutAsync(editor, published.Id, content with { Title = "Matinale avancée", Start = Local("2030-04-02T08:30:00") }, published);
        await editor.PublishAsync<EventContent>(Segment, edited.Id);
        var after = Single(await CalendarAsync(anonymous, $"{Feed}?from=2030-01-01"));

        Assert.Equal(published.Id.ToString(), before.Uid);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} then {after.Sequence}");
        Assert.Equal("Matinale avancée", after.Summary);
        Assert.Equal(new DateTime(2030, 4, 2, 8, 30, 0), after.DtStart!.Value);
        Assert.True(after.LastModified!.AsUtc >= before.LastModified!.AsUtc);
    }

    [Fact]
    public async Task Times_are_in_the_event_zone_with_a_vtimezone_for_each_zone_and_all_day_events_are_dates()
    {
        var editor = await Api.EditorAsync();
        var paris = await editor.CreatePublishedAsync(Draft("À Paris", Local("2030-03-29T09:00:00"), Local("2030-03-29T11:00:00")));
        var toronto = await editor.CreatePublishedAsync(Draft("À Toronto", Local("2030-03-30T10:00:00"), Local("2030-03-30T18:00:00")) with
        {
            TimeZone = "America/Toronto",
            Venue = new EventVenue { Name = "Centre des congrès", City = "Toronto", Country = "CA", Latitude = 43.64, Longitude = -79.38 },
        });
        var salon = await editor.CreatePublishedAsync(Draft("Salon sur trois jours", Local("2030-03-31"), Local("2030-04-02")) with
        {
            AllDay = true, Kind = EventKind.Salon,
        });
        var anonymous = Api.CreateClient();
        var text = await TextAsync(anonymous, $"{Feed}?from=2030-03-01");
        var calendar = Calendar.Load(text)!;

        Assert.Equal(["America/Toronto", "Europe/Paris"], calendar.TimeZones.Select(z => z.TzId).Order());
        Assert.Contains("DTSTART;TZID=Europe/Paris:20300329T090000\r\n", text);
        Assert.Contains("DTSTART;TZID=America/Toronto:20300330T100000\r\n", text);
        Assert.Contains("DTSTART;VALUE=DATE:20300331\r\n", text);
        Assert.Contains("DTEND;VALUE=DATE:20300403\r\n", text); // the day after the last one: DTEND of a date is exclusive
        foreach (var (item, ev) in new[] { (paris, Event(calendar, paris.Id)), (toronto, Event(calendar, toronto.Id)) })
        {
            var delivered = await anonymous.DeliveredJsonAsync(item.Slug);
            // The same instants as delivery gives, once Ical.Net has applied the VTIMEZONE.
            Assert.Equal(delivered["startsAt"]!.GetValue<DateTimeOffset>().UtcDateTime, ev.DtStart!.AsUtc);
            Assert.Equal(delivered["endsAt"]!.GetValue<DateTimeOffset>().UtcDateTime, ev.DtEnd!.AsUtc);
        }
        var allDay = Event(calendar, salon.Id);
        Assert.True(allDay.IsAllDay);
        Assert.Equal("Salon", Assert.Single(allDay.Categories));
        Assert.Equal(43.64, Event(calendar, toronto.Id).GeographicLocation!.Latitude);
        Assert.Equal("Centre des congrès, Toronto, CA", Event(calendar, toronto.Id).Location);
    }

    [Fact]
    public async Task A_cancelled_event_stays_in_the_feed_as_cancelled_and_a_postponed_one_as_tentative()
    {
        var editor = await Api.EditorAsync();
        var cancelled = await editor.CreatePublishedAsync(Draft("Visite annulée", Local("2030-06-01T09:00:00"), Local("2030-06-01T10:00:00")) with
        {
            EventStatus = EventStatus.Cancelled,
        });
        var postponed = await editor.CreatePublishedAsync(Draft("Atelier reporté", Local("2030-06-02T09:00:00"), Local("2030-06-02T10:00:00")) with
        {
            EventStatus = EventStatus.Postponed,
        });

        var calendar = await CalendarAsync(Api.CreateClient(), $"{Feed}?from=2030-01-01");

        Assert.Equal("CANCELLED", Event(calendar, cancelled.Id).Status);
        Assert.Equal("Annulé : Visite annulée", Event(calendar, cancelled.Id).Summary);
        Assert.Equal("TENTATIVE", Event(calendar, postponed.Id).Status);
    }

    [Fact]
    public async Task The_calendar_follows_RFC_5545_lines_of_75_octets_ended_by_CRLF_and_escaped_text()
    {
        var editor = await Api.EditorAsync();
        var title = "Atelier « eau, air ; sol » \\ bilan 🌱 — une édition très attendue où l'on parle d'économie circulaire, de réemploi et d'ingénierie";
        var published = await editor.CreatePublishedAsync(Draft(title, Local("2030-07-01T09:00:00"), Local("2030-07-01T12:00:00")) with
        {
            Summary = "Trois temps ; deux tables rondes, un buffet.",
            Description = "<p>Accueil à 8 h 30.</p><ul><li>Table ronde, 9 h</li><li>Buffet &amp; échanges</li></ul>",
            OnlineUrl = null,
            RegistrationUrl = "https://www.example.org/inscription?evenement=atelier&source=agenda",
            Price = new EventPrice(false, 12.5m, "tarif réduit, adhérents"),
        });
        var response = await Api.CreateClient().GetAsync($"{Feed}?from=2030-01-01");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); // valid UTF-8, no line cut inside a character
        Assert.EndsWith("\r\n", text);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        Assert.All(lines, line => Assert.DoesNotContain('\r', line));
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var folded = lines.Count(l => l.StartsWith(' '));
        Assert.True(folded > 0, "the long title must be folded");

        // Unfolded, the texts are escaped as RFC 5545 3.3.11 says: \\ \; \, and \n for a line break.
        var unfolded = text.Replace("\r\n ", "").Split("\r\n");
        Assert.Contains("SUMMARY:" + title.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,"), unfolded);
        var description = Assert.Single(unfolded, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.True(description.Contains("Trois temps \\; deux tables rondes\\, un buffet.\\n\\nAccueil à 8 h 30.\\n\\n• Table ronde\\, 9 h\\n• Buffet & échanges"), description);

        // And a calendar reading it gets the texts back exactly.
        var ev = Event(Calendar.Load(text)!, published.Id);
        Assert.Equal(title, ev.Summary);
        Assert.StartsWith("Trois temps ; deux tables rondes, un buffet.\n\nAccueil à 8 h 30.\n\n• Table ronde, 9 h\n• Buffet & échanges", ev.Description);
        Assert.Contains("Tarif : 12,50\u00a0€ (tarif réduit, adhérents)", ev.Description);
        Assert.DoesNotContain("<", ev.Description); // plain text, no markup
        Assert.Equal("https://www.example.org/inscription?evenement=atelier&source=agenda", ev.Url!.ToString());
    }

    [Fact]
    public async Task The_feed_is_a_public_cacheable_calendar_that_answers_304_to_its_etag_and_is_open_to_every_site()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Matinale", Local("2030-09-01T09:00:00"), Local("2030-09-01T11:00:00")));
        var anonymous = Api.CreateClient();
        var url = $"{Feed}?from=2030-01-01";

        var response = await anonymous.GetAsync(url, ("Origin", "https://www.ville-exemple.fr"));
        var revalidated = await anonymous.GetAsync(url, ("If-None-Match", response.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("public", response.Header("Cache-Control"));
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task One_event_calendar_is_the_event_as_in_the_feed_and_404_once_unpublished()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Matinale à ajouter", Local("2030-10-01T09:00:00"), Local("2030-10-01T11:00:00")));
        var anonymous = Api.CreateClient();
        var inFeed = Single(await CalendarAsync(anonymous, $"{Feed}?from=2030-01-01"));

        var response = await anonymous.GetAsync($"/feeds/events/{published.Slug}.ics");
        var alone = Single(Calendar.Load(await response.Content.ReadAsStringAsync())!);
        await editor.PostAsync($"{Manage}/{published.Id}/unpublish", null);
        var gone = await anonymous.GetAsync($"/feeds/events/{published.Slug}.ics?locale=fr");

        Assert.Equal($"attachment; filename=\"{published.Slug}.ics\"", response.Header("Content-Disposition"));
        Assert.Equal((inFeed.Uid, inFeed.Sequence, inFeed.Summary, inFeed.DtStart), (alone.Uid, alone.Sequence, alone.Summary, alone.DtStart));
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/feeds/events/no-such-event.ics")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task English_events_come_in_an_english_calendar()
    {
        var editor = await Api.EditorAsync();
        var english = await editor.CreatePublishedAsync(Draft("Morning meeting on mobility", Local("2030-11-01T09:00:00"), Local("2030-11-01T11:00:00")) with
        {
            Locale = Locale.En, EventStatus = EventStatus.Cancelled, Price = new EventPrice(true, null, null),
        });
        await editor.CreatePublishedAsync(Draft("Matinale en français", Local("2030-11-01T09:00:00"), Local("2030-11-01T11:00:00")));

        var text = await TextAsync(Api.CreateClient(), $"{Feed}?from=2030-01-01&locale=en");
        var ev = Single(Calendar.Load(text)!);

        Assert.Equal(english.Id.ToString(), ev.Uid);
        Assert.Equal("Cancelled: Morning meeting on mobility", ev.Summary);
        Assert.Contains("Price: Free", ev.Description);
        Assert.Contains("X-WR-CALNAME:Vivapolis agenda\r\n", text);
    }

    [Fact]
    public async Task Bad_filters_are_the_same_400_problems_as_the_list_in_french_or_english()
    {
        var anonymous = Api.CreateClient();

        var french = await (await anonymous.GetAsync($"{Feed}?from=2030-05-10&to=2030-05-01")).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await anonymous.GetAsync($"{Feed}?theme=inconnu", ("Accept-Language", "en"))).ProblemAsync(HttpStatusCode.BadRequest);
        var list = await (await anonymous.GetAsync($"{Delivery}?from=2030-05-10&to=2030-05-01")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(list["errors"]!.ToJsonString(), french["errors"]!.ToJsonString());
        Assert.Contains("« to » doit être après « from ».", french.ErrorsFor("to"));
        Assert.NotEmpty(english.ErrorsFor("theme"));
        Assert.DoesNotContain("thème", english.ErrorsFor("theme")[0]);
    }

    private static async Task<Managed<EventContent>> PutAsync(HttpClient editor, Guid id, EventContent content, Managed<EventContent> current) =>
        await (await editor.PutAsync(Segment, id, content, $"\"v{current.Version}\"")).ReadAsync<Managed<EventContent>>();

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    private static async Task<Calendar> CalendarAsync(HttpClient client, string url) => Calendar.Load(await TextAsync(client, url))!;

    private static CalendarEvent Single(Calendar calendar) => Assert.Single(calendar.Events);

    private static CalendarEvent Event(Calendar calendar, Guid id) => Assert.Single(calendar.Events, e => e.Uid == id.ToString());
}
