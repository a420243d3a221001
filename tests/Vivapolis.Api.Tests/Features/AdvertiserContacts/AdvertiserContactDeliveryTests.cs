using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>The public side: published public contacts only, by display order, with their public fields only.</summary>
public class AdvertiserContactDeliveryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Only_contacts_that_are_published_and_public_are_listed_or_readable_by_slug()
    {
        var editor = await Api.SalesAsync();
        var shown = await editor.CreatePublishedAsync(Contact("Hélène Marivaux"));
        var notPublic = await editor.CreatePublishedAsync(Contact("Karim Benali") with { IsPublic = false });
        var (draft, _) = await editor.CreateAsync(Contact("Léa Fontaine"));
        var unpublished = await editor.CreatePublishedAsync(Contact("Marc Olivier"));
        await editor.PostAsync($"{Manage}/{unpublished.Id}/unpublish", null);
        var anonymous = Api.CreateClient();

        var listed = await anonymous.ReadAllPagesAsync<AdvertiserContactDelivery>(Delivery);

        Assert.Equal([shown.Id], listed.Select(c => c.Id));
        Assert.Equal(ContentStatus.Published, notPublic.Status); // published, yet never delivered
        foreach (var slug in new[] { notPublic.Slug, draft.Slug, unpublished.Slug })
            await (await anonymous.GetAsync($"{Delivery}/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shared_caches_must_revalidate_contacts_every_time_while_articles_may_be_kept_a_minute()
    {
        var contact = await (await Api.SalesAsync()).CreatePublishedAsync(Contact("Hélène Marivaux"));
        var article = await (await Api.EditorAsync()).CreatePublishedAsync(Articles.ArticleSteps.Segment, Articles.ArticleSteps.Draft("Un article"));
        var anonymous = Api.CreateClient();

        foreach (var url in new[] { Delivery, $"{Delivery}/{contact.Slug}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, no-cache", response.Header("Cache-Control"));
            // Revalidating stays cheap.
            var again = await anonymous.GetAsync(url, ("If-None-Match", response.Headers.ETag!.ToString()));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }
        var articleResponse = await anonymous.GetAsync($"{Articles.ArticleSteps.Delivery}/{article.Slug}");
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", articleResponse.Header("Cache-Control"));
    }

    [Fact]
    public async Task Making_a_published_contact_private_and_publishing_again_removes_it_from_delivery()
    {
        var editor = await Api.SalesAsync();
        var (created, _) = await editor.CreateAsync(Contact("Hélène Marivaux"));
        var (published, etag) = await editor.PublishAsync(created.Id);
        var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{Delivery}/{published.Slug}")).StatusCode);

        await editor.PutAsync(created.Id, Contact("Hélène Marivaux") with { IsPublic = false }, etag);
        await editor.PublishAsync(created.Id);

        await (await anonymous.GetAsync($"{Delivery}/{published.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await anonymous.ReadAllPagesAsync<AdvertiserContactDelivery>(Delivery));
    }

    [Fact]
    public async Task The_list_follows_the_display_order_across_pages_whatever_the_publication_order()
    {
        var editor = await Api.SalesAsync();
        var orders = new[] { 30, 10, 20, 10, 0, 50 };
        var ids = new List<(int Order, Guid Id)>();
        foreach (var (order, i) in orders.Select((o, i) => (o, i)))
        {
            ids.Add((order, (await editor.CreatePublishedAsync(Contact($"Contact numéro {i}", order))).Id));
            Api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var listed = await Api.CreateClient().ReadAllPagesAsync<AdvertiserContactDelivery>($"{Delivery}?limit=2");

        Assert.Equal(ids.OrderBy(x => x.Order).ThenBy(x => x.Id).Select(x => x.Id), listed.Select(c => c.Id));
        Assert.Equal(orders.Order(), listed.Select(c => c.DisplayOrder));
    }

    [Fact]
    public async Task The_list_filters_by_region_and_by_sector()
    {
        var editor = await Api.SalesAsync();
        var paris = await editor.CreatePublishedAsync(Contact("Hélène Marivaux") with { Regions = ["11"], Sectors = ["mobilité"] });
        var lyon = await editor.CreatePublishedAsync(Contact("Karim Benali") with { Regions = ["84", "93"], Sectors = ["énergie", "eau"] });
        var anonymous = Api.CreateClient();

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await anonymous.ReadAllPagesAsync<AdvertiserContactDelivery>($"{Delivery}?{query}")).Select(c => c.Id);

        Assert.Equal([paris.Id], await Ids("region=11"));
        Assert.Equal([lyon.Id], await Ids("region=93"));
        Assert.Equal([lyon.Id], await Ids("sector=%C3%A9nergie"));
        Assert.Equal([paris.Id], await Ids("sector=mobilit%C3%A9&region=11"));
        Assert.Empty(await Ids("sector=mobilit%C3%A9&region=84"));
    }

    [Theory]
    [InlineData("region=12", "region")]
    [InlineData("limit=0", "limit")]
    [InlineData("locale=de", "locale")]
    public async Task Bad_filters_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var problem = await (await Api.CreateClient().GetAsync($"{Delivery}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_delivered_contact_has_its_public_fields_and_nothing_else()
    {
        var editor = await Api.SalesAsync();
        var published = await editor.CreatePublishedAsync(Contact("Hélène Marivaux"));
        var anonymous = Api.CreateClient();

        var one = JsonNode.Parse(await anonymous.GetStringAsync($"{Delivery}/{published.Slug}"))!.AsObject();
        var listed = JsonNode.Parse(await anonymous.GetStringAsync(Delivery))!["items"]![0]!.AsObject();

        string[] expected = ["id", "locale", "slug", "fullName", "jobTitle", "company", "email", "phone", "sectors", "regions",
                             "displayOrder", "publishedAt", "updatedAt", "version"];
        Assert.Equal(expected.Order(), one.Select(p => p.Key).Order());
        Assert.Equal(expected.Order(), listed.Select(p => p.Key).Order());
        Assert.Equal("helene.marivaux@example.org", one["email"]!.GetValue<string>());
        Assert.Equal("+33199001234", one["phone"]!.GetValue<string>());
    }
}
