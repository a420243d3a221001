using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.Events;

/// <summary>The public agenda: upcoming by default, by start, with the partners' filters.</summary>
/// <remarks>The fake clock only moves forward; tests that do not move it use dates far beyond it, with <c>from</c>.</remarks>
public class EventListTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task By_default_the_list_shows_what_is_not_over_yet_and_moving_the_clock_changes_it()
    {
        var editor = await Api.EditorAsync();
        var now = Api.Clock.GetUtcNow();
        var over = await editor.CreatePublishedAsync(Draft("Déjà terminée", now.AddHours(-3)));
        var running = await editor.CreatePublishedAsync(Draft("En cours", now.AddHours(-1)));
        var soon = await editor.CreatePublishedAsync(Draft("Dans deux jours", now.AddDays(2)));
        var later = await editor.CreatePublishedAsync(Draft("Dans une semaine", now.AddDays(7)));
        var anonymous = Api.CreateClient();

        Assert.Equal([running.Id, soon.Id, later.Id], await anonymous.ListedAsync());

        Api.Clock.Advance(TimeSpan.FromDays(3)); // the delivery cache keys on the app's clock minute: no stale list

        Assert.Equal([later.Id], await anonymous.ListedAsync());
        Assert.Equal([over.Id, running.Id, soon.Id, later.Id], await anonymous.ListedAsync($"from={now.AddDays(-1):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task From_and_to_select_a_window_where_a_day_counts_whole_on_the_Paris_clock()
    {
        var editor = await Api.EditorAsync();
        var may10 = await editor.CreatePublishedAsync(Draft("Le 10 mai", Local("2030-05-10T09:00:00"), Local("2030-05-10T11:00:00")));
        var may20 = await editor.CreatePublishedAsync(Draft("Le 20 mai", Local("2030-05-20T18:00:00"), Local("2030-05-20T20:00:00")));
        var june1 = await editor.CreatePublishedAsync(Draft("Le 1er juin", Local("2030-06-01"), Local("2030-06-01")) with { AllDay = true });
        var june15 = await editor.CreatePublishedAsync(Draft("Le 15 juin", Local("2030-06-15T09:00:00"), Local("2030-06-15T11:00:00")));
        var anonymous = Api.CreateClient();

        Assert.Equal([may20.Id, june1.Id], await anonymous.ListedAsync("from=2030-05-11&to=2030-06-01"));
        Assert.Equal([june1.Id, june15.Id], await anonymous.ListedAsync("from=2030-06-01"));
        Assert.Equal([june15.Id], await anonymous.ListedAsync("from=2030-06-02"));
        Assert.Equal([may10.Id, may20.Id, june1.Id, june15.Id], await anonymous.ListedAsync("from=2030-01-01&to=2030-12-31"));
        // Date-times: with an offset (the '+' encoded, or sent bare and read back), or on the Paris clock.
        Assert.Equal([may20.Id], await anonymous.ListedAsync("from=2030-05-20T18:30:00%2B02:00&to=2030-05-31"));
        Assert.Equal([may20.Id], await anonymous.ListedAsync("from=2030-05-20T18:30:00+02:00&to=2030-05-31"));
        Assert.Equal([may20.Id], await anonymous.ListedAsync("from=2030-05-20T16:30:00Z&to=2030-05-31"));
        Assert.Empty(await anonymous.ListedAsync("from=2030-05-20T20:00:00&to=2030-05-31"));
        Assert.Equal([may10.Id], await anonymous.ListedAsync("from=2030-05-01&to=2030-05-10T09:30:00"));
    }

    [Fact]
    public async Task The_list_is_ordered_by_start_and_replaying_every_page_gives_each_event_once()
    {
        var editor = await Api.EditorAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            var day = 20 - i * 2 % 7; // out of order, and some share a start
            created.Add((await editor.CreatePublishedAsync(
                Draft($"Matinale {i}", Local($"2030-03-{day:00}T09:00:00"), Local($"2030-03-{day:00}T11:00:00")))).Id);
        }
        await editor.CreateAsync(Draft("Brouillon caché", Local("2030-03-15T09:00:00"), Local("2030-03-15T11:00:00")));
        var anonymous = Api.CreateClient();

        var url = $"{Delivery}?from=2030-01-01&limit=4";
        var first = await (await anonymous.GetAsync(url)).ReadAsync<Page<EventDelivery>>();
        var seen = await anonymous.ReadAllPagesAsync<EventDelivery>(url);

        Assert.Equal(4, first.Items.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(created.Order(), seen.Select(e => e.Id).Order());
        Assert.Equal(seen.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
    }

    [Fact]
    public async Task The_list_filters_by_theme_region_city_kind_attendance_mode_status_and_words()
    {
        var editor = await Api.EditorAsync();
        DateTime At(int day, int hour = 9) => Local($"2030-04-{day:00}T{hour:00}:00:00");
        var lyon = await editor.CreatePublishedAsync(Draft("Matinale : rénovation énergétique des écoles", At(1), At(1, 11)) with
        {
            Themes = ["energie", "batiment-habitat"], Venue = Venue("Lyon", "84", "69002"),
        });
        var stEtienne = await editor.CreatePublishedAsync(Draft("Visite d'un réseau de chaleur", At(2), At(2, 11)) with
        {
            Kind = EventKind.Visite, Themes = ["energie"], Venue = Venue("Saint-Étienne", "84", "42000"),
            EventStatus = EventStatus.Cancelled,
        });
        var webinar = await editor.CreatePublishedAsync(Draft("Webinaire sur les données urbaines", At(3), At(3, 10)) with
        {
            Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online, Venue = null,
            OnlineUrl = "https://webinaires.example.org/donnees", Themes = ["numerique-donnees"],
            Description = "<p>Ouvrir les <strong>mobilités</strong> partagées aux données publiques.</p>",
        });
        var paris = await editor.CreatePublishedAsync(Draft("Rencontre mixte à Paris", At(4), At(4, 12)) with
        {
            Kind = EventKind.Rencontre, AttendanceMode = AttendanceMode.Mixed, OnlineUrl = "https://visio.example.org/rencontre",
            Themes = ["mobilite"], EventStatus = EventStatus.Postponed,
        });
        var anonymous = Api.CreateClient();
        Task<List<Guid>> Listed(string filter) => anonymous.ListedAsync($"from=2030-01-01&{filter}");

        Assert.Equal([lyon.Id, stEtienne.Id], await Listed("theme=energie"));
        Assert.Equal([lyon.Id, stEtienne.Id], await Listed("region=84"));
        Assert.Equal([paris.Id], await Listed("region=11"));
        Assert.Equal([stEtienne.Id], await Listed("city=saint-etienne"));
        Assert.Equal([lyon.Id], await Listed("city=LYON"));
        Assert.Equal([stEtienne.Id], await Listed("kind=visite"));
        Assert.Equal([webinar.Id], await Listed("attendanceMode=online"));
        Assert.Equal([lyon.Id, stEtienne.Id], await Listed("attendanceMode=in_person"));
        Assert.Equal([paris.Id], await Listed("attendanceMode=mixed"));
        Assert.Equal([stEtienne.Id], await Listed("status=cancelled"));
        Assert.Equal([paris.Id], await Listed("status=postponed"));
        Assert.Equal([lyon.Id], await Listed("q=renovation%20energetique"));
        Assert.Equal([webinar.Id], await Listed("q=mobilite")); // in the description, accents and plural ignored
        Assert.Equal([lyon.Id], await Listed("theme=energie&kind=matinale&city=lyon"));
        Assert.Empty(await Listed("theme=air"));
    }

    [Fact]
    public async Task A_cancelled_event_stays_listed_with_its_status_until_it_is_unpublished()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Visite annulée", Local("2030-04-01T14:00:00"), Local("2030-04-01T16:00:00")));
        var current = await editor.GetAsync($"{Manage}/{published.Id}");
        await editor.PutAsync(Segment, published.Id, published.Content with { EventStatus = EventStatus.Cancelled }, current.Headers.ETag!.ToString());
        await editor.PostAsync($"{Manage}/{published.Id}/publish", null);
        var anonymous = Api.CreateClient();

        var listed = await (await anonymous.GetAsync($"{Delivery}?from=2030-01-01")).ReadAsync<Page<EventDelivery>>();
        Assert.Equal(EventStatus.Cancelled, Assert.Single(listed.Items).EventStatus);

        await editor.PostAsync($"{Manage}/{published.Id}/unpublish", null);

        Assert.Empty(await anonymous.ListedAsync("from=2030-01-01"));
        await (await anonymous.GetAsync($"{Delivery}/{published.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_are_invisible_in_the_list_and_by_slug()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Matinale en préparation", Local("2030-04-01T09:00:00"), Local("2030-04-01T11:00:00")));
        var anonymous = Api.CreateClient();

        Assert.Empty(await anonymous.ListedAsync("from=2030-01-01"));
        await (await anonymous.GetAsync($"{Delivery}/{draft.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_published_event_is_readable_by_slug_and_findable_by_search()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Matinale sur la qualité de l'air", Local("2030-04-01T09:00:00"), Local("2030-04-01T11:00:00")) with
        {
            Organizer = new EventOrganizer("Observatoire de l'air alpin", "https://air-alpin.example.org"),
        });

        var item = await (await Api.CreateClient().GetAsync($"{Delivery}/{published.Slug}")).ReadAsync<EventDelivery>();
        var entry = await Api.Services.GetRequiredService<IDocumentStore>().QuerySession().LoadAsync<SearchEntry>(published.Id);

        Assert.Equal(published.Id, item.Id);
        Assert.Equal("matinale-sur-la-qualite-de-l-air", item.Slug);
        Assert.Equal(published.Version, item.Version);
        Assert.Equal("event", entry!.Type);
        Assert.Contains("Observatoire de l'air alpin", entry.Text);
    }

    [Theory]
    [InlineData("kind=concert", "kind", "matinale, rencontre, salon, conference, webinaire, visite, atelier")]
    [InlineData("attendanceMode=hybride", "attendanceMode", "in_person, online, mixed")]
    [InlineData("status=annule", "status", "scheduled, cancelled, postponed, rescheduled")]
    [InlineData("kind=7", "kind", "matinale")]
    [InlineData("theme=astrologie", "theme", "mobilite")]
    [InlineData("region=12", "region", "84")]
    [InlineData("from=demain", "from", "2027-03-26")]
    [InlineData("from=0001-01-01T00:00", "from", "2027-03-26")]
    [InlineData("to=2027-13-01", "to", "2027-03-26")]
    [InlineData("from=2027-03-26T25:00:00", "from", "2027-03-26")]
    [InlineData("from=2027-04-01&to=2027-03-31", "to", "from")]
    [InlineData("from=2027-04-01T10:00:00Z&to=2027-04-01T10:00:00Z", "to", "from")]
    [InlineData("limit=0", "limit", "100")]
    public async Task Bad_filter_values_are_a_400_problem_naming_the_parameter_and_what_is_allowed(string query, string field, string allowed)
    {
        var problem = await (await Api.CreateClient().GetAsync($"{Delivery}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(allowed, problem.ErrorsFor(field).Single());
    }
}
