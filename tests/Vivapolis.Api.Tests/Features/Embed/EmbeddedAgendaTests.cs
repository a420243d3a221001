using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Events;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.Embed;

/// <summary>
/// The agenda for an iframe: the events of the delivery list, server-rendered, self-contained, and the one page
/// that other sites may frame.
/// </summary>
public class EmbeddedAgendaTests(ApiFactory api) : ApiTest(api)
{
    private const string Page = "/embed/agenda";

    [Fact]
    public async Task The_page_shows_exactly_the_events_of_the_delivery_list_with_the_same_filters()
    {
        var editor = await Api.EditorAsync();
        var mobility = Draft("Matinale des mobilités", Local("2030-03-12T09:00:00"), Local("2030-03-12T11:00:00")) with { Themes = ["mobilite"] };
        await editor.CreatePublishedAsync(mobility);
        await editor.CreatePublishedAsync(mobility with { Title = "Mobilités à Lyon", Venue = Venue("Lyon", "84", "69002"),
                                                         Start = Local("2030-03-10T14:00:00"), End = Local("2030-03-10T16:00:00") });
        await editor.CreatePublishedAsync(Draft("Énergie", Local("2030-03-11T09:00:00"), Local("2030-03-11T10:00:00")) with { Themes = ["energie"] });
        var anonymous = Api.CreateClient();

        foreach (var query in new[] { "theme=mobilite&from=2030-01-01", "region=84&from=2030-01-01", "city=lyon&from=2030-01-01", "from=2030-03-11&to=2030-03-11" })
        {
            var listed = await anonymous.ReadAllPagesAsync<EventDelivery>($"{Delivery}?{query}");
            var page = await PageAsync(anonymous, $"{Page}?{query}");
            Assert.NotEmpty(listed);
            Assert.Equal(listed.Select(e => e.Title), page.QuerySelectorAll("li h2").Select(h => h.TextContent));
            Assert.Equal(listed.Select(e => EventTimes(e)), page.QuerySelectorAll("li").Select(li => li.QuerySelector("time")!.GetAttribute("datetime")));
        }
    }

    [Fact]
    public async Task Each_event_reads_with_its_kind_status_dates_place_and_links_in_the_words_of_its_language()
    {
        var editor = await Api.EditorAsync();
        var cancelled = await editor.CreatePublishedAsync(Draft("Visite de l'écoquartier", Local("2030-03-29T09:00:00"), Local("2030-03-29T11:30:00")) with
        {
            Kind = EventKind.Visite, EventStatus = EventStatus.Cancelled, RegistrationUrl = "https://www.example.org/visite",
        });
        var webinar = await editor.CreatePublishedAsync(Draft("Webinar on open data", Local("2030-04-02T16:00:00"), Local("2030-04-03T10:00:00")) with
        {
            Locale = Contracts.Common.Locale.En, Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online, Venue = null,
            OnlineUrl = "https://visio.example.org/data", TimeZone = "America/Toronto", RegistrationUrl = "https://www.example.org/webinar",
        });
        var anonymous = Api.CreateClient();

        var french = (await PageAsync(anonymous, $"{Page}?from=2030-01-01")).QuerySelector("li")!;
        var english = await PageAsync(anonymous, $"{Page}?from=2030-01-01&locale=en&layout=compact");
        var item = english.QuerySelector("li")!;

        Assert.Equal("Visite · Annulé", french.QuerySelector(".meta")!.TextContent);
        Assert.Equal("cancelled", french.ClassName);
        Assert.Equal("vendredi 29 mars 2030, 09:00 – 11:30", french.QuerySelector(".when")!.TextContent);
        Assert.Equal(["2030-03-29T09:00:00+01:00", "2030-03-29T11:30:00+01:00"], french.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Equal("Maison de la ville durable, Paris", french.QuerySelector(".where")!.TextContent);
        Assert.Equal("Un résumé de démonstration.", french.QuerySelector(".summary")!.TextContent);
        // No registration for a cancelled event; "add to my calendar" names the event for screen readers.
        var calendarLink = Assert.Single(french.QuerySelectorAll(".links a"));
        Assert.Equal($"/feeds/events/{cancelled.Slug}.ics", calendarLink.GetAttribute("href"));
        Assert.Equal("Ajouter à mon agenda : Visite de l'écoquartier", calendarLink.TextContent);

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Webinar", item.QuerySelector(".meta")!.TextContent);
        Assert.Equal("Tuesday 2 April 2030, 16:00 – Wednesday 3 April 2030, 10:00 (America/Toronto)", item.QuerySelector(".when")!.TextContent);
        Assert.Equal("Online", item.QuerySelector(".where")!.TextContent);
        Assert.Null(item.QuerySelector(".summary")); // compact: no summary
        Assert.Equal(["https://www.example.org/webinar", $"/feeds/events/{webinar.Slug}.ics?locale=en"],
            item.QuerySelectorAll(".links a").Select(a => a.GetAttribute("href")));
        Assert.Equal("_blank", item.QuerySelector(".links a")!.GetAttribute("target"));
    }

    [Fact]
    public async Task With_nothing_to_show_the_page_says_so()
    {
        var page = await PageAsync(Api.CreateClient(), $"{Page}?from=2030-01-01");

        Assert.Empty(page.QuerySelectorAll("li"));
        Assert.Equal("Aucun événement à venir.", page.Body!.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task More_shows_twice_as_many_events_until_every_one_is_shown()
    {
        var editor = await Api.EditorAsync();
        for (var day = 1; day <= 3; day++)
            await editor.CreatePublishedAsync(Draft($"Matinale du {day} mai", Local($"2030-05-0{day}T09:00:00"), Local($"2030-05-0{day}T10:00:00")));
        var anonymous = Api.CreateClient();

        var counts = new List<int>();
        string? url = $"{Page}?from=2030-01-01&limit=1";
        while (url is not null)
        {
            var page = await PageAsync(anonymous, url);
            counts.Add(page.QuerySelectorAll("li").Length);
            url = page.Body!.Children.LastOrDefault(e => e.LocalName == "p")?.QuerySelector("a")?.GetAttribute("href");
        }

        Assert.Equal([1, 2, 3], counts);
    }

    [Fact]
    public async Task The_page_loads_nothing_its_one_style_is_allowed_by_its_hash_and_any_site_may_frame_it()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Matinale", Local("2030-06-01T09:00:00"), Local("2030-06-01T10:00:00")));
        var anonymous = Api.CreateClient();

        var response = await anonymous.GetAsync($"{Page}?from=2030-01-01");
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        var revalidated = await anonymous.GetAsync($"{Page}?from=2030-01-01", ("If-None-Match", response.Headers.ETag!.ToString()));

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var policy = response.Header("Content-Security-Policy")!;
        Assert.Contains("frame-ancestors *", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Null(response.Header("X-Frame-Options"));
        var style = Assert.Single(page.QuerySelectorAll("style")).TextContent;
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy);
        // Nothing to fetch and nothing to run: only the JSON-LD data block.
        Assert.Empty(page.QuerySelectorAll("[src], link, img, iframe, [style]"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Null(revalidated.Header("X-Frame-Options")); // a 304's headers update the page the browser kept
    }

    [Fact]
    public void Only_the_embedded_agenda_is_declared_framable_of_every_endpoint_of_the_app()
    {
        var endpoints = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var framable = endpoints.Where(e => e.Metadata.GetMetadata<FramablePage>() is not null).Select(e => (e as RouteEndpoint)?.RoutePattern.RawText);

        Assert.True(endpoints.Count > 100, $"{endpoints.Count} endpoints");
        Assert.Equal([Page], framable);
    }

    [Fact]
    public async Task Every_other_kind_of_answer_forbids_framing_and_so_do_the_embedded_agenda_problems()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Matinale", Local("2030-06-01T09:00:00"), Local("2030-06-01T10:00:00")));
        var anonymous = Api.CreateClient();
        var json = await anonymous.GetAsync($"{Delivery}/{published.Slug}");

        var responses = new[]
        {
            json, await anonymous.GetAsync($"{Delivery}/{published.Slug}", ("If-None-Match", json.Headers.ETag!.ToString())),
            await editor.GetAsync($"{Manage}/{published.Id}"), await anonymous.GetAsync($"/feeds/events/{published.Slug}.ics"),
            await anonymous.GetAsync("/feeds/articles.atom"), await anonymous.GetAsync("/embed/agenda.js"),
            await anonymous.GetAsync("/swagger/index.html"), await anonymous.GetAsync("/health/live"), await anonymous.GetAsync("/nothing-here"),
            await anonymous.GetAsync($"{Page}?layout=grid"), await anonymous.GetAsync($"{Page}?from=2030-05-10&to=2030-05-01"),
        };

        Assert.Equal([200, 304, 200, 200, 200, 200, 200, 200, 404, 400, 400], responses.Select(r => (int)r.StatusCode));
        Assert.All(responses, r => Assert.True(ForbidsFraming(r), $"{r.RequestMessage!.RequestUri}: {r.Header("X-Frame-Options")} / {r.Header("Content-Security-Policy")}"));
        await responses[^1].ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Text_from_the_query_or_from_editors_never_comes_back_as_markup()
    {
        var editor = await Api.EditorAsync();
        const string title = "Atelier <b>« gras »</b> & \"citations\" </h2><script>alert(1)</script>";
        await editor.CreatePublishedAsync(Draft(title, Local("2030-06-01T09:00:00"), Local("2030-06-01T10:00:00")) with { Themes = ["eau"] });
        await editor.CreatePublishedAsync(Draft("Seconde matinale", Local("2030-06-02T09:00:00"), Local("2030-06-02T10:00:00")) with { Themes = ["eau"] });
        var anonymous = Api.CreateClient();
        const string hostile = "\"><script>alert(1)</script>";

        var response = await anonymous.GetAsync($"{Page}?from=2030-01-01&limit=1&theme=eau&q=atelier&city=&layout=list");
        var html = await response.Content.ReadAsStringAsync();
        var searched = await (await anonymous.GetAsync($"{Page}?q={Uri.EscapeDataString(hostile)}&city={Uri.EscapeDataString(hostile)}")).Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Equal(title, page.QuerySelector("li h2")!.TextContent);
        Assert.DoesNotContain("<script>", searched);
        Assert.DoesNotContain(hostile, searched);
    }

    [Fact]
    public async Task The_agenda_script_is_served_to_every_site_as_javascript_with_an_etag()
    {
        var anonymous = Api.CreateClient();
        var stub = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Embed", "agenda-stub.js"));

        var response = await anonymous.GetAsync("/embed/agenda.js", ("Origin", "https://www.ville-exemple.fr"));
        var revalidated = await anonymous.GetAsync("/embed/agenda.js", ("If-None-Match", response.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(stub, await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin")); // a module script from another origin needs it
        Assert.StartsWith("public", response.Header("Cache-Control"));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task A_server_deployed_without_the_agenda_script_says_so_with_a_404_problem()
    {
        await using var without = Api.WithWebHostBuilder(b => b.UseSetting("Vivapolis:Embed:AgendaScript", "/nowhere/agenda.js"));

        var problem = await (await without.CreateClient().GetAsync("/embed/agenda.js")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("npm run build:agenda", problem["detail"]!.GetValue<string>());
    }

    private static bool ForbidsFraming(HttpResponseMessage response) =>
        response.Header("X-Frame-Options") == "DENY"
        && (response.StatusCode == HttpStatusCode.NotModified || response.Header("Content-Security-Policy")!.Contains("frame-ancestors 'none'"));

    private static string EventTimes(EventDelivery e) => e.AllDay
        ? e.StartDate.ToString("yyyy-MM-dd")
        : e.Start!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        return new HtmlParser().ParseDocument(html);
    }
}
