using System.Net;
using System.Xml.Linq;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Fiches;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Tests.Features.Feeds;

/// <summary>Articles and fiches as Atom, read as RFC 4287 XML (the web client's tests read them again with rss-parser).</summary>
public class AtomFeedTests(ApiFactory api) : ApiTest(api)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_articles_feed_has_one_entry_per_published_article_newest_first_with_the_list_filters()
    {
        var editor = await Api.EditorAsync();
        var older = await editor.CreatePublishedAsync(ArticleSteps.Draft("Les mobilités douces", "mobilite"));
        Api.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await editor.CreatePublishedAsync(ArticleSteps.Draft("Le vélo en ville", "mobilite") with
        {
            Authors = ["Claire Dupont", "Marc Lefèvre"],
            Body = "<p>Des pistes <strong>cyclables</strong> &amp; des parkings.</p>",
            Standfirst = "Un chapô.",
        });
        await editor.CreatePublishedAsync(ArticleSteps.Draft("L'eau potable", "eau"));
        await editor.CreateAsync(ArticleSteps.Segment, ArticleSteps.Draft("Un brouillon", "mobilite"));
        var anonymous = Api.CreateClient();

        var feed = await FeedAsync(anonymous, "/feeds/articles.atom?theme=mobilite");
        var listed = await anonymous.ReadAllPagesAsync<ArticleDelivery>("/api/v1/articles?theme=mobilite");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(listed.Select(a => $"urn:uuid:{a.Id}"), entries.Select(e => (string)e.Element(Atom + "id")!));
        Assert.Equal([newer.Id, older.Id], listed.Select(a => a.Id));
        var entry = entries[0];
        Assert.Equal("Le vélo en ville", (string)entry.Element(Atom + "title")!);
        Assert.Equal("Un chapô.", (string)entry.Element(Atom + "summary")!);
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("html", (string)content.Attribute("type")!);
        Assert.Equal(listed[0].Body, (string)content); // the sanitised HTML, as delivery has it
        Assert.Equal(["Claire Dupont", "Marc Lefèvre"], entry.Elements(Atom + "author").Select(a => (string)a.Element(Atom + "name")!));
        Assert.Equal("mobilite", (string)entry.Element(Atom + "category")!.Attribute("term")!);
        Assert.Equal("Mobilité", (string)entry.Element(Atom + "category")!.Attribute("label")!);
        Assert.Equal(listed[0].UpdatedAt, DateTimeOffset.Parse((string)entry.Element(Atom + "updated")!));
        Assert.EndsWith($"/api/v1/articles/{newer.Slug}", (string)entry.Element(Atom + "link")!.Attribute("href")!);
        Assert.Equal("fr", (string)feed.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal(entries.Max(e => DateTimeOffset.Parse((string)e.Element(Atom + "updated")!)), DateTimeOffset.Parse((string)feed.Element(Atom + "updated")!));
    }

    [Fact]
    public async Task An_entry_keeps_its_id_when_republished_and_its_updated_moves()
    {
        var editor = await Api.EditorAsync();
        var article = await editor.CreatePublishedAsync(ArticleSteps.Draft("Une première version", "energie"));
        var anonymous = Api.CreateClient();
        var before = (await FeedAsync(anonymous, "/feeds/articles.atom")).Element(Atom + "entry")!;

        Api.Clock.Advance(TimeSpan.FromMinutes(3));
        var put = await editor.PutAsync(article.Id, ArticleSteps.Draft("Une seconde version", "energie") with { Slug = article.Slug }, $"\"v{article.Version}\"");
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await editor.PublishAsync(article.Id);
        var after = (await FeedAsync(anonymous, "/feeds/articles.atom")).Element(Atom + "entry")!;

        Assert.Equal((string)before.Element(Atom + "id")!, (string)after.Element(Atom + "id")!);
        Assert.Equal("Une seconde version", (string)after.Element(Atom + "title")!);
        Assert.True(DateTimeOffset.Parse((string)after.Element(Atom + "updated")!) > DateTimeOffset.Parse((string)before.Element(Atom + "updated")!));
        Assert.Equal((string)before.Element(Atom + "published")!, (string)after.Element(Atom + "published")!);
    }

    [Fact]
    public async Task Pages_follow_RFC_5005_next_links_and_give_every_article_once()
    {
        var editor = await Api.EditorAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await editor.CreatePublishedAsync(ArticleSteps.Draft($"Article numéro {i}", "eau"))).Id);
            Api.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        var anonymous = Api.CreateClient();

        var seen = new List<string>();
        var feedIds = new HashSet<string>();
        string? url = "/feeds/articles.atom?limit=2";
        while (url is not null)
        {
            var feed = await FeedAsync(anonymous, url);
            feedIds.Add((string)feed.Element(Atom + "id")!);
            seen.AddRange(feed.Elements(Atom + "entry").Select(e => (string)e.Element(Atom + "id")!));
            Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
            var next = feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "next");
            url = next is null ? null : new Uri((string)next.Attribute("href")!).PathAndQuery;
        }

        Assert.Equal(Enumerable.Reverse(ids).Select(id => $"urn:uuid:{id}"), seen);
        Assert.Single(feedIds); // one feed, whichever page is read
    }

    [Fact]
    public async Task The_fiches_feed_takes_the_fiche_filters_and_carries_their_three_texts()
    {
        var editor = await Api.EditorAsync();
        var brittany = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Un réseau de chaleur", "energie") with
        {
            Actions = "<p>Une chaufferie bois.</p>", Results = "<p>Moitié moins de fioul.</p>",
        });
        await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Un tramway à Rabat", "mobilite") with
        {
            Territory = FicheSteps.Abroad("Rabat", "MA"),
        });

        var feed = await FeedAsync(Api.CreateClient(), "/feeds/fiches.atom?region=53");

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal($"urn:uuid:{brittany.Id}", (string)entry.Element(Atom + "id")!);
        Assert.Equal("<h2>Enjeu</h2><p>Un enjeu local.</p><h2>Actions</h2><p>Une chaufferie bois.</p><h2>Résultats</h2><p>Moitié moins de fioul.</p>",
            (string)entry.Element(Atom + "content")!);
    }

    [Fact]
    public async Task Feeds_are_public_cacheable_atom_with_304_and_bad_filters_are_400_problems()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article", "eau"));
        var anonymous = Api.CreateClient();

        var response = await anonymous.GetAsync("/feeds/articles.atom", ("Origin", "https://www.salon-exemple.fr"));
        var revalidated = await anonymous.GetAsync("/feeds/articles.atom", ("If-None-Match", response.Headers.ETag!.ToString()));

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("public", response.Header("Cache-Control"));
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        await (await anonymous.GetAsync("/feeds/articles.atom?theme=inconnu")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/feeds/fiches.atom?limit=0")).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await anonymous.GetAsync("/feeds/fiches.atom?country=France", ("Accept-Language", "en"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("two letters", english.ErrorsFor("country")[0]);
    }

    [Fact]
    public async Task An_empty_feed_is_still_a_valid_feed()
    {
        var feed = await FeedAsync(Api.CreateClient(), "/feeds/articles.atom?locale=en");

        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.NotNull(feed.Element(Atom + "updated"));
        Assert.Equal("Vivapolis: articles", (string)feed.Element(Atom + "title")!);
    }

    private static async Task<XElement> FeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 4.1.1: a feed has an id, a title and an updated; so does each entry (4.1.2).
        foreach (var element in feed.Elements(Atom + "entry").Prepend(feed))
            foreach (var required in new[] { "id", "title", "updated" })
                Assert.NotNull(element.Element(Atom + required));
        return feed;
    }
}
