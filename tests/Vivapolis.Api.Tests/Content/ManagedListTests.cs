using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Features.Fiches;

namespace Vivapolis.Api.Tests.Content;

/// <summary>The management lists' theme and region filters and their orders, over the types that have them.</summary>
public class ManagedListTests(ApiFactory api) : ApiTest(api)
{
    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url) =>
        (await client.ReadAllPagesAsync<ManagedSummary>(url)).Select(s => s.Id).ToList();

    [Fact]
    public async Task Fiches_filter_by_theme_and_by_the_region_of_their_territory()
    {
        var editor = await Api.EditorAsync();
        var (breton, _) = await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Chaleur bretonne", "energie"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1)); // most recently edited first: one after the other
        var (lyon, _) = await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Chaleur lyonnaise", "energie") with
        {
            Territory = new FicheTerritory { Commune = "Lyon", RegionCode = "84" },
        });
        await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Vélos bretons", "mobilite"));

        Assert.Equal([lyon.Id, breton.Id], await IdsAsync(editor, $"{FicheSteps.Manage}?theme=energie"));
        Assert.Equal([breton.Id], await IdsAsync(editor, $"{FicheSteps.Manage}?theme=energie&region=53"));
    }

    [Fact]
    public async Task Events_filter_by_the_region_of_their_venue_and_sort_by_start_soonest_first_across_pages()
    {
        var editor = await Api.EditorAsync();
        var ids = new List<Guid>();
        foreach (var day in new[] { 20, 5, 12, 28, 1 })
        {
            var start = new DateTime(2027, 3, day, 9, 0, 0);
            ids.Add((await editor.CreateAsync(EventSteps.Segment, EventSteps.Draft($"Matinale du {day} mars", start, start.AddHours(2)))).Item.Id);
        }
        var (lille, _) = await editor.CreateAsync(EventSteps.Segment, EventSteps.Draft("Rencontre à Lille",
            new DateTime(2027, 2, 1, 9, 0, 0), new DateTime(2027, 2, 1, 11, 0, 0)) with { Venue = EventSteps.Venue("Lille", "32", "59000") });

        var soonestFirst = await editor.ReadAllPagesAsync<ManagedSummary>($"{EventSteps.Manage}?sort=start&region=11&limit=2");

        Assert.Equal([ids[4], ids[1], ids[2], ids[0], ids[3]], soonestFirst.Select(s => s.Id));
        Assert.Equal(new DateTime(2027, 3, 1, 9, 0, 0), soonestFirst[0].Start);
        Assert.Equal([lille.Id], await IdsAsync(editor, $"{EventSteps.Manage}?region=32"));
    }

    [Fact]
    public async Task Sorting_by_title_ignores_case_and_walks_every_item_once_across_pages()
    {
        var editor = await Api.EditorAsync();
        foreach (var title in new[] { "delta", "Alpha", "charlie", "Bravo", "écho" })
            await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft($"{title} durable"));

        var titles = (await editor.ReadAllPagesAsync<ManagedSummary>($"{FicheSteps.Manage}?sort=title&limit=2")).Select(s => s.Title);

        Assert.Equal(["Alpha durable", "Bravo durable", "charlie durable", "delta durable", "écho durable"], titles);
    }

    [Fact]
    public async Task Advertiser_contacts_filter_by_the_regions_they_work_in()
    {
        var sales = await Api.SalesAsync();
        var (paris, _) = await sales.CreateAsync(AdvertiserContactSteps.Contact("Hélène Marivaux"));
        await sales.CreateAsync(AdvertiserContactSteps.Contact("Paul Breton") with { Regions = ["53"] });

        Assert.Equal([paris.Id], await IdsAsync(sales, $"{AdvertiserContactSteps.Manage}?region=11"));
    }

    [Fact]
    public async Task List_lines_say_who_created_the_item()
    {
        var author = await Api.AuthorAsync();
        await author.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Une fiche d'auteur"));

        var page = await (await author.GetAsync(FicheSteps.Manage)).ReadAsync<Page<ManagedSummary>>();
        var line = Assert.Single(page.Items);

        Assert.Equal(ApiFactory.AuthorEmail, line.CreatedBy);
        Assert.Null(line.Start);
    }

    [Theory]
    [InlineData("articles", "region=53", "region")]
    [InlineData("fiches", "sort=start", "sort")]
    [InlineData("advertiser-contacts", "theme=mobilite", "theme")]
    [InlineData("events", "theme=astrologie", "theme")]
    [InlineData("events", "region=00", "region")]
    public async Task A_filter_or_order_the_type_does_not_have_is_a_400_naming_it(string segment, string query, string parameter)
    {
        var client = await Api.ManagerAsync(segment);

        var problem = await (await client.GetAsync($"{ContentSteps.Manage(segment)}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(parameter));
    }
}
