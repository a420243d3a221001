using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Events;
using FastEndpoints;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content.Delivery;
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

    [Fact]
    public async Task Only_the_contracts_own_parameters_make_a_cache_entry_whatever_their_order_or_case()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article à mettre en cache"));
        var anonymous = Api.CreateClient();
        Assert.Null((await anonymous.GetAsync($"{ArticleSteps.Delivery}?locale=fr&limit=5")).Headers.Age);

        // Cache-busters, another order, another case: the same answer, from the same entry.
        foreach (var same in new[] { "?limit=5&locale=fr", "?locale=fr&limit=5&x=1", $"?utm_source={Guid.NewGuid()}&LIMIT=5&Locale=fr" })
            Assert.True((await anonymous.GetAsync(ArticleSteps.Delivery + same)).Headers.Age is not null, $"{same} missed the cache");
        // A declared parameter with another value is another answer.
        Assert.Null((await anonymous.GetAsync($"{ArticleSteps.Delivery}?locale=fr&limit=6")).Headers.Age);
        Assert.Null((await anonymous.GetAsync($"{ArticleSteps.Delivery}?locale=en&limit=5")).Headers.Age);
    }

    [Fact]
    public void Every_cached_endpoint_declares_each_query_parameter_it_binds()
    {
        // The cache key holds the [QueryParam] properties only: one the binding reads without the attribute would
        // let two different answers share an entry.
        var cached = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IOutputCachePolicy>() is not null || e.Metadata.Any(m => m.GetType().Name.Contains("OutputCache")))
            .Select(e => (Route: (e as RouteEndpoint)?.RoutePattern, Definition: e.Metadata.GetMetadata<EndpointDefinition>()))
            .Where(e => e.Definition is not null && e.Route is not null)
            .ToList();
        Assert.True(cached.Count >= 10, $"only {cached.Count} cached endpoints found");
        foreach (var (route, definition) in cached)
        {
            var routeNames = route!.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var undeclared = definition!.ReqDtoType.GetProperties()
                .Where(p => p.CanWrite && !routeNames.Contains(p.Name) && !ContractQuery.NamesOf(definition.ReqDtoType).Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => p.Name).ToList();
            Assert.True(undeclared.Count == 0, $"{route.RawText} binds {string.Join(", ", undeclared)} without [QueryParam]");
        }
    }
}
