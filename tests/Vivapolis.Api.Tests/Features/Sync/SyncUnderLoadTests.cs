using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Features.Fiches;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Tests.Features.Sync;

/// <summary>
/// The aggregator's way: 8 writers create, edit, publish, unpublish and delete across every type for a while, a
/// mirror pulls the feed every 100-200 ms, the API restarts in the middle, and at the end the mirror holds exactly
/// the published set.
/// </summary>
public class SyncUnderLoadTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>Acknowledged writes each writer makes before the restart, and in all: a count, not a time, so a slow machine only takes longer.</summary>
    private const int BeforeRestart = 10, InAll = 25;

    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_mirror_pulling_while_8_writers_work_and_the_api_restarts_ends_equal_to_the_published_set()
    {
        var host = new Host(new SecondHost(Api));
        await host.StartAsync();
        var key = (await (await Api.AdminAsync()).CreateApiKeyAsync("Institut de la ville durable", ApiKeyScopes.SyncRead)).Key;
        var mirror = new SyncMirror(limit: 50);
        using var stop = new CancellationTokenSource(AtMost);
        var acknowledged = new int[8];

        var writers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var random = new Random(n);
            var mine = new List<(string Segment, Guid Id, string ETag)>();
            while (!stop.IsCancellationRequested && Volatile.Read(ref acknowledged[n]) < InAll)
            {
                // Between the two halves the writer waits for the restart, so that every writer works on both processes.
                if (acknowledged[n] == BeforeRestart && !host.Restarted) { await Task.Delay(20); continue; }
                var ok = await host.TryAsync(async () => await StepAsync(await host.ClientAsync(n % 4 == 3), n % 4 == 3, random, mine));
                if (ok) Interlocked.Increment(ref acknowledged[n]);
            }
        })).ToList();
        var pulls = 0;
        var writing = Task.WhenAll(writers);
        var reader = Task.Run(async () =>
        {
            var random = new Random(42);
            while (!writing.IsCompleted)
            {
                if (await host.TryAsync(async () => await mirror.PullAsync(host.WithKey(key)))) pulls++;
                await Task.Delay(random.Next(100, 200));
            }
        });

        while (acknowledged.Any(a => a < BeforeRestart) && !stop.IsCancellationRequested) await Task.Delay(20);
        await host.RestartAsync(new SecondHost(Api)); // writers and the mirror carry on against the new process
        await Task.WhenAll(writers.Append(reader));
        await mirror.CatchUpAsync(host.WithKey(key));
        await host.DisposeAsync();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Sum()} writes acknowledged, {pulls} pulls, {mirror.Entries.Count} entries applied, {mirror.Items.Count} items mirrored");
        Assert.False(stop.IsCancellationRequested, $"the writers did not finish within {AtMost}");
        Assert.Equal(8 * InAll, acknowledged.Sum());
        Assert.True(pulls > 5, $"only {pulls} pulls");
        var published = await Api.PublishedSetAsync();
        Assert.True(published.Count > 5, $"only {published.Count} items published at the end");
        await Api.AssertMirrorsAsync(mirror);
    }

    /// <summary>One random step of a writer on its own items: create, edit, publish, unpublish or delete.</summary>
    private static async Task StepAsync(HttpClient client, bool sales, Random random, List<(string Segment, Guid Id, string ETag)> mine)
    {
        var segment = sales ? AdvertiserContactSteps.Segment
            : new[] { ArticleSteps.Segment, FicheSteps.Segment, EventSteps.Segment }[random.Next(3)];
        var roll = random.Next(100);
        if (mine.Count == 0 || roll < 25)
        {
            var response = await client.PostJsonAsync(ContentSteps.Manage(segment), Content(segment, random, sales ? 0 : random.Next(2)));
            var created = JsonNode.Parse(await Ok(response))!;
            mine.Add((segment, created["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString()));
            return;
        }
        var index = random.Next(mine.Count);
        var (itemSegment, id, etag) = mine[index];
        var url = $"{ContentSteps.Manage(itemSegment)}/{id}";
        HttpResponseMessage answer;
        if (roll < 45)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = System.Net.Http.Json.JsonContent.Create(Content(itemSegment, random, random.Next(2)), options: HttpAssertions.JsonOptions),
            };
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
            answer = await client.SendAsync(request);
        }
        else if (roll < 75) answer = await client.PostAsync($"{url}/publish", null);
        else if (roll < 88) answer = await client.PostAsync($"{url}/unpublish", null);
        else
        {
            Assert.True((await client.DeleteAsync(url)).IsSuccessStatusCode);
            mine.RemoveAt(index);
            return;
        }
        // A transition that does not apply now (publishing what is published) is refused; anything else must succeed.
        if (answer.StatusCode == HttpStatusCode.Conflict) return;
        await Ok(answer);
        mine[index] = (itemSegment, id, answer.Headers.ETag!.ToString());
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>A valid body of the type; a contact is public or not at random, so some edits withdraw it.</summary>
    private static object Content(string segment, Random random, int variant)
    {
        var title = $"Écrit sous charge {Guid.NewGuid():N}"[..40] + $" {variant}";
        return segment switch
        {
            ArticleSteps.Segment => ArticleSteps.Draft(title, variant == 0 ? "mobilite" : "energie"),
            FicheSteps.Segment => FicheSteps.Draft(title),
            EventSteps.Segment => EventSteps.Draft(title, new DateTimeOffset(2027, 5, 12, 9, 0, 0, TimeSpan.FromHours(2))),
            _ => AdvertiserContactSteps.Contact(title) with { IsPublic = random.Next(3) > 0 },
        };
    }

    /// <summary>The API process the writers talk to; replaced in the middle of the run.</summary>
    private sealed class Host(SecondHost first) : IAsyncDisposable
    {
        private volatile SecondHost _current = first;

        public bool Restarted { get; private set; }
        private readonly Dictionary<(SecondHost, bool), Task<HttpClient>> _clients = new();

        public async Task StartAsync() => await _current.InitializeAsync();

        public Task<HttpClient> ClientAsync(bool sales)
        {
            var host = _current;
            lock (_clients)
            {
                if (!_clients.TryGetValue((host, sales), out var client))
                    _clients[(host, sales)] = client = sales ? host.SalesAsync() : host.EditorAsync();
                return client;
            }
        }

        public HttpClient WithKey(string key) => _current.ClientWithKey(key);

        /// <summary>A new process on the same database, then the old one stops: requests in flight to it fail.</summary>
        public async Task RestartAsync(SecondHost next)
        {
            await next.InitializeAsync();
            var old = _current;
            _current = next;
            Restarted = true;
            await old.DisposeAsync();
        }

        /// <summary>Runs a step; one cut short by the restart (its process went away) is not an acknowledged write.</summary>
        public async Task<bool> TryAsync(Func<Task> step)
        {
            try
            {
                await step();
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                return false;
            }
        }

        public ValueTask DisposeAsync() => _current.DisposeAsync();
    }
}
