using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

/// <summary>The editors' list: every status, filters, keyset paging.</summary>
public class ArticleListTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_list_shows_every_status_most_recently_edited_first()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Un brouillon"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var published = await editor.CreatePublishedAsync(Draft("Un article publié"));

        var page = await (await editor.GetAsync(Manage)).ReadAsync<Page<ManagedSummary>>();

        Assert.Equal([published.Id, draft.Id], page.Items.Select(i => i.Id));
        Assert.Equal([ContentStatus.Published, ContentStatus.Draft], page.Items.Select(i => i.Status));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_by_words_of_the_title_in_any_case()
    {
        var editor = await Api.EditorAsync();
        await editor.CreateAsync(Draft("Énergie citoyenne à Lyon"));
        var published = await editor.CreatePublishedAsync(Draft("Énergie solaire à Lille"));
        await editor.CreateAsync(Draft("Mobilité douce"));

        var drafts = await (await editor.GetAsync($"{Manage}?status=draft")).ReadAsync<Page<ManagedSummary>>();
        var energy = await (await editor.GetAsync($"{Manage}?q=ÉNERGIE")).ReadAsync<Page<ManagedSummary>>();
        var publishedEnergy = await (await editor.GetAsync($"{Manage}?q=énergie&status=published")).ReadAsync<Page<ManagedSummary>>();

        Assert.Equal(2, drafts.Items.Count);
        Assert.All(drafts.Items, i => Assert.Equal(ContentStatus.Draft, i.Status));
        Assert.Equal(2, energy.Items.Count);
        Assert.Equal(published.Id, Assert.Single(publishedEnergy.Items).Id);
    }

    [Fact]
    public async Task Like_wildcards_in_the_search_text_are_taken_literally()
    {
        var editor = await Api.EditorAsync();
        await editor.CreateAsync(Draft("Cent pour cent"));

        var page = await (await editor.GetAsync($"{Manage}?q=%25")).ReadAsync<Page<ManagedSummary>>();

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Paging_with_the_next_cursor_walks_every_item_once()
    {
        var editor = await Api.EditorAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await editor.CreateAsync(Draft($"Article numéro {i}"))).Item.Id);
            if (i % 2 == 0) Api.Clock.Advance(TimeSpan.FromSeconds(1)); // some share a timestamp: the id breaks ties
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await editor.GetAsync($"{Manage}?limit=3" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ReadAsync<Page<ManagedSummary>>();
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next;
        } while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem_listing_the_allowed_values()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.GetAsync($"{Manage}?status=archived")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("in_review", problem.ErrorsFor("status").Single());
    }

    [Fact]
    public async Task Management_responses_are_never_stored_by_shared_caches()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.GetAsync(Manage);

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.True(response.Headers.CacheControl?.Private);
    }
}
