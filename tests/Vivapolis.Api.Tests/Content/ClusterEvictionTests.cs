using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Infrastructure;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// Two API nodes over one database: a publication on one evicts the other's cached answers of that type at once
/// (PostgreSQL NOTIFY at commit), well before their lifetime would have (<see cref="DeliveryCache.Lifetime"/>).
/// </summary>
public class ClusterEvictionTests(ApiFactory api) : ApiTest(api)
{
    // Half the cache's lifetime: seeing the change sooner proves the notification, not the expiry, evicted it.
    private static readonly TimeSpan Soon = DeliveryCache.Lifetime / 2;

    [Fact]
    public async Task A_publication_on_one_node_evicts_that_type_on_the_other_node_and_leaves_the_rest_cached()
    {
        await using var second = new SecondHost(Api);
        await second.InitializeAsync();
        await ListeningAsync(second);
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(EventSteps.Draft("Matinale mobilité", new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.FromHours(1))));
        var reader = second.CreateClient();
        await CachedAsync(reader, ArticleSteps.Delivery);
        await CachedAsync(reader, EventSteps.Delivery);
        await CachedAsync(reader, "/api/v1/search?q=velo");

        var article = await editor.CreatePublishedAsync(ArticleSteps.Draft("Le vélo partagé gagne les bourgs"));

        var seenAfter = await ShowsAsync(reader, ArticleSteps.Delivery, article.Slug);
        await ShowsAsync(reader, "/api/v1/search?q=velo", article.Slug);
        Assert.NotNull((await reader.GetAsync(EventSteps.Delivery)).Headers.Age); // the agenda did not change
        TestContext.Current.TestOutputHelper?.WriteLine($"the other node showed the article {seenAfter.TotalMilliseconds:F0} ms after the publication's answer");
    }

    [Fact]
    public async Task A_node_that_lost_its_listening_connection_listens_again_and_starts_from_an_empty_cache()
    {
        await using var second = new SecondHost(Api);
        await second.InitializeAsync();
        var listener = await ListeningAsync(second);
        var reader = second.CreateClient();
        await CachedAsync(reader, ArticleSteps.Delivery);

        // As a database restart or a network cut would: the server ends both nodes' listening sessions.
        var channel = second.Services.GetRequiredService<ClusterEviction>().Channel;
        await using (var connection = new NpgsqlConnection(ApiFactory.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var kill = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where query = $1", connection);
            kill.Parameters.Add(new NpgsqlParameter { Value = $"listen \"{channel}\"" });
            Assert.Equal(2L, await kill.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        await WaitAsync(() => !listener.Listening, "the node to notice");
        await WaitAsync(() => listener.Listening, "the node to listen again");
        Assert.Null((await reader.GetAsync(ArticleSteps.Delivery)).Headers.Age); // evicted on reconnection

        var editor = await Api.EditorAsync();
        var article = await editor.CreatePublishedAsync(ArticleSteps.Draft("Après la coupure"));
        await ShowsAsync(reader, ArticleSteps.Delivery, article.Slug);
    }

    private static async Task<ClusterEvictionListener> ListeningAsync(ApiFactory host)
    {
        var listener = host.Services.GetRequiredService<ClusterEvictionListener>();
        await WaitAsync(() => listener.Listening, "the node to listen");
        return listener;
    }

    private static async Task CachedAsync(HttpClient client, string url)
    {
        await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.NotNull((await client.GetAsync(url, TestContext.Current.CancellationToken)).Headers.Age);
    }

    /// <summary>Polls in real time (the test clock stays put: a new minute would be a new cache key).</summary>
    private static async Task<TimeSpan> ShowsAsync(HttpClient client, string url, string slug)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Soon)
        {
            if ((await (await client.GetAsync(url, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync()).Contains(slug))
                return watch.Elapsed;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"{url} on the other node still did not show {slug} after {Soon.TotalSeconds} s");
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(15)) throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
