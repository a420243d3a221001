using System.Net;
using System.Net.Http.Headers;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

/// <summary>The partners' side: published articles only, newest first, cacheable.</summary>
public class ArticleDeliveryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_list_pages_newest_first_and_replaying_every_page_gives_each_published_article_once()
    {
        var editor = await Api.EditorAsync();
        var published = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            published.Add((await editor.CreatePublishedAsync(Draft($"Publié {i}"))).Id);
            if (i % 3 == 0) Api.Clock.Advance(TimeSpan.FromMinutes(1)); // some share a publication time
        }
        await editor.CreateAsync(Draft("Brouillon caché"));
        var anonymous = Api.CreateClient();

        var seen = new List<ArticleDelivery>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await anonymous.GetAsync($"{Delivery}?limit=4" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ReadAsync<Page<ArticleDelivery>>();
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(published.Order(), seen.Select(a => a.Id).Order());
        Assert.Equal(seen.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id), seen.Select(a => a.Id));
    }

    [Fact]
    public async Task The_list_filters_by_theme_tag_and_locale()
    {
        var editor = await Api.EditorAsync();
        var mobility = await editor.CreatePublishedAsync(Draft("Vélo en ville", "mobilite") with { Tags = ["vélo"] });
        var energy = await editor.CreatePublishedAsync(Draft("Chaleur renouvelable", "energie") with { Tags = ["réseau de chaleur"] });
        var english = await editor.CreatePublishedAsync(Draft("Cycling in town", "mobilite") with { Locale = Locale.En });
        var anonymous = Api.CreateClient();

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await (await anonymous.GetAsync($"{Delivery}?{query}")).ReadAsync<Page<ArticleDelivery>>()).Items.Select(a => a.Id);

        Assert.Equal([mobility.Id], await Ids("theme=mobilite"));
        Assert.Equal([energy.Id], await Ids("tag=r%C3%A9seau%20de%20chaleur"));
        Assert.Equal([english.Id], await Ids("locale=en&theme=mobilite"));
        Assert.Equal(2, (await Ids("")).Count()); // French by default
    }

    [Fact]
    public async Task By_slug_reads_the_requested_locale()
    {
        var editor = await Api.EditorAsync();
        var french = await editor.CreatePublishedAsync(Draft("Même slug") with { Slug = "meme-slug" });
        var english = await editor.CreatePublishedAsync(Draft("Same slug") with { Slug = "meme-slug", Locale = Locale.En });
        var anonymous = Api.CreateClient();

        var fr = await (await anonymous.GetAsync($"{Delivery}/meme-slug")).ReadAsync<ArticleDelivery>();
        var en = await (await anonymous.GetAsync($"{Delivery}/meme-slug?locale=en")).ReadAsync<ArticleDelivery>();

        Assert.Equal(french.Id, fr.Id);
        Assert.Equal(english.Id, en.Id);
    }

    [Fact]
    public async Task Responses_carry_a_strong_etag_and_cache_control_and_a_matching_if_none_match_gets_a_bodiless_304()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Article en cache"));
        var anonymous = Api.CreateClient();

        foreach (var url in new[] { $"{Delivery}/{published.Slug}", Delivery })
        {
            var first = await anonymous.GetAsync(url);
            var etag = first.Headers.ETag!;
            Assert.False(etag.IsWeak);
            Assert.True(first.Headers.CacheControl!.Public);
            Assert.True(first.Headers.CacheControl.MaxAge > TimeSpan.Zero);

            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await anonymous.SendAsync(again);

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, notModified.Headers.ETag);
        }
    }

    [Fact]
    public async Task Republishing_a_change_changes_the_etag_so_caches_revalidate_to_the_new_version()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Avant"));
        var anonymous = Api.CreateClient();
        var before = (await anonymous.GetAsync($"{Delivery}/{published.Slug}")).Headers.ETag!;

        var current = await editor.GetAsync($"{Manage}/{published.Id}");
        await editor.PutAsync(published.Id, Draft("Après"), current.Headers.ETag!.ToString());
        await editor.PublishAsync(published.Id);

        var request = new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/{published.Slug}");
        request.Headers.IfNoneMatch.Add(before);
        var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, response.Headers.ETag);
        Assert.Equal("Après", (await response.ReadAsync<ArticleDelivery>()).Title);
    }

    [Fact]
    public async Task Publishing_and_unpublishing_show_at_once_even_though_public_reads_are_served_from_memory()
    {
        var editor = await Api.EditorAsync();
        var first = await editor.CreatePublishedAsync(Draft("Premier article"));
        var anonymous = Api.CreateClient();
        Assert.Single((await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>()).Items);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{Delivery}/{first.Slug}")).StatusCode);

        var second = await editor.CreatePublishedAsync(Draft("Second article"));
        Assert.Equal(2, (await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>()).Items.Count);

        await editor.PostAsync($"{Manage}/{first.Id}/unpublish", null);
        Assert.Equal([second.Id], (await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>()).Items.Select(a => a.Id));
        await (await anonymous.GetAsync($"{Delivery}/{first.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Compressed_and_plain_readers_each_get_their_own_bytes_from_the_cache()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Article compressé"));
        var anonymous = Api.CreateClient();

        var gzipRequest = new HttpRequestMessage(HttpMethod.Get, Delivery);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzip = await anonymous.SendAsync(gzipRequest);
        var plain = await anonymous.GetAsync(Delivery);

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("Article compressé", (await plain.ReadAsync<Page<ArticleDelivery>>()).Items.Single().Title);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("cursor=!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "cursor")]
    [InlineData("theme=astrologie", "theme")]
    [InlineData("locale=de", "locale")]
    public async Task Bad_query_values_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var problem = await (await Api.CreateClient().GetAsync($"{Delivery}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task An_empty_list_is_an_empty_page_not_an_error()
    {
        var page = await (await Api.CreateClient().GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>();

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }
}
