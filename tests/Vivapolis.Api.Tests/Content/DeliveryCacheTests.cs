using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Infrastructure;

namespace Vivapolis.Api.Tests.Content;

/// <summary>A change to one type's published set evicts that type's cached answers (and search's), not everyone's.</summary>
public class DeliveryCacheTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Publishing_an_article_evicts_the_article_list_and_search_but_not_the_agenda()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Premier article sur la mobilité"));
        await editor.CreatePublishedAsync(EventSteps.Draft("Matinale mobilité", new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.FromHours(1))));
        var anonymous = Api.CreateClient();
        string[] urls = [ArticleSteps.Delivery, EventSteps.Delivery, "/api/v1/search?q=mobilite"];
        foreach (var url in urls) await anonymous.GetAsync(url);
        foreach (var url in urls) Assert.NotNull((await anonymous.GetAsync(url)).Headers.Age); // all three are cached

        var second = await editor.CreatePublishedAsync(ArticleSteps.Draft("Second article sur la mobilité"));

        var articles = await anonymous.GetAsync(ArticleSteps.Delivery);
        Assert.Null(articles.Headers.Age);
        Assert.Contains(second.Slug, await articles.Content.ReadAsStringAsync());
        var search = await anonymous.GetAsync("/api/v1/search?q=mobilite");
        Assert.Null(search.Headers.Age);
        Assert.Contains(second.Slug, await search.Content.ReadAsStringAsync());
        Assert.NotNull((await anonymous.GetAsync(EventSteps.Delivery)).Headers.Age); // the agenda did not change
    }
}
