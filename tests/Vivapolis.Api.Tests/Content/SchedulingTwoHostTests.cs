using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Articles = Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// A second API process on the first one's database schema, with the same clock: what two API instances behind a
/// load balancer are. Disposing it leaves the shared schema to the first host.
/// </summary>
public sealed class SecondHost(ApiFactory first) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vivapolis:Database:Schema", first.Schema);
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(first.Clock); // both hosts' schedulers wake when the test moves the clock
}

public class SchedulingTwoHostTests(ApiFactory api) : ApiTest(api)
{
    private const string Segment = Articles.Segment;

    [Fact]
    public async Task Two_api_hosts_on_one_database_publish_each_scheduled_item_exactly_once()
    {
        await using var second = new SecondHost(Api);
        await second.InitializeAsync();
        var editors = new[] { await Api.EditorAsync(), await second.EditorAsync() };
        var publishAt = Api.Clock.GetUtcNow().AddHours(1);
        var items = new List<Managed<ArticleContent>>();
        for (var i = 0; i < 20; i++)
        {
            var editor = editors[i % 2];
            var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft($"Article simultané numéro {i}"));
            items.Add(await (await editor.ScheduleAsync(Segment, draft.Id, publishAt)).ReadAsync<Managed<ArticleContent>>());
        }
        var doneBefore = Api.Scheduler().Done + second.Scheduler().Done;

        Api.Clock.Advance(TimeSpan.FromHours(1)); // the one clock of both hosts
        var store = Api.Services.GetRequiredService<IDocumentStore>();
        await Api.EventuallyAsync(async () =>
        {
            await using var query = store.QuerySession();
            return await query.Query<Vivapolis.Api.Features.Articles.Article>().CountAsync(a => a.Status == ContentStatus.Published) == items.Count;
        }, "all 20 articles published");
        var secondTarget = second.Scheduler().Sweeps + 2;
        await Api.SweptAsync();
        await Api.EventuallyAsync(() => Task.FromResult(second.Scheduler().Sweeps >= secondTarget), "a sweep of the second host");

        await using var session = store.QuerySession();
        foreach (var item in items)
        {
            var stream = await session.Events.FetchStreamAsync(item.Id);
            var publication = Assert.Single(stream, e => e.Data is ItemPublished);
            Assert.Equal(stream.Count, publication.Version); // the last event, nothing after it
            var doc = await session.LoadAsync<Vivapolis.Api.Features.Articles.Article>(item.Id);
            Assert.Equal(ContentStatus.Published, doc!.Status);
            Assert.Equal(item.Version + 1, doc.Version);
            Assert.Equal(doc.Version, ((ItemPublished)publication.Data).Version);
            Assert.Equal(doc.Version, doc.PublishedVersion);
            Assert.Null(doc.PublishAt);
        }
        var first = Api.Scheduler().Done;
        var other = second.Scheduler().Done;
        Assert.Equal(items.Count, first + other - doneBefore);
        Assert.Equal(0, await session.Query<Vivapolis.Api.Content.Scheduling.ScheduledJob>().CountAsync());
        TestContext.Current.TestOutputHelper?.WriteLine($"publications by host 1: {first}, by host 2: {other}");
    }

    [Fact]
    public async Task A_schedule_outlives_the_host_that_set_it()
    {
        Managed<ArticleContent> draft;
        var publishAt = Api.Clock.GetUtcNow().AddHours(1);
        await using (var gone = new SecondHost(Api))
        {
            await gone.InitializeAsync();
            var editor = await gone.EditorAsync();
            (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Programmé par un hôte arrêté depuis"));
            await (await editor.ScheduleAsync(Segment, draft.Id, publishAt)).ReadAsync<Managed<ArticleContent>>();
        }

        Api.Clock.Advance(TimeSpan.FromHours(1));
        await Api.EventuallyAsync(async () =>
            (await Api.CreateClient().GetAsync($"{Articles.Delivery}/{draft.Slug}")).StatusCode == System.Net.HttpStatusCode.OK,
            "published by the host still running");
    }
}
