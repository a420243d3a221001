using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>
/// Keeps every API node's delivery cache in step with the published set. Each change record also queues a
/// <c>pg_notify</c> in its transaction: PostgreSQL delivers it when, and only if, the transaction commits, to every
/// node listening on the schema's channel (<see cref="ClusterEvictionListener"/>), which evicts the type's entries.
/// The node that wrote has already evicted its own (no round trip); the echo it also gets costs one more eviction.
/// </summary>
public sealed class ClusterEviction(IDocumentStore store) : IChangeLogListener
{
    /// <summary>One channel per schema, as the change log has one lock per schema (tests each have their own).</summary>
    public string Channel { get; } = $"vivapolis_delivery_{store.Options.DatabaseSchemaName}";

    public void OnAppended(IDocumentSession session, ContentChange change, string positionSql) =>
        // Within a transaction, PostgreSQL folds identical notifications into one.
        session.QueueSqlCommand("select pg_notify(?, ?)", Channel, change.Type);
}

/// <summary>
/// Listens on <see cref="ClusterEviction.Channel"/> on a connection of its own and evicts what each notification
/// names. A notification sent while this node was not listening is lost, so every (re)connection starts by evicting
/// the whole delivery cache: a node that lost the database for a while serves nothing older than its reconnection.
/// When delivery reads go to a standby (<see cref="Database.ReadsConnectionString"/>), an eviction can come before
/// the standby has replayed the change, and a read in between would cache the old answer again: each eviction is
/// repeated after <c>Vivapolis:Database:ReplicaEvictionDelay</c> (2 s by default), more than a healthy standby lags.
/// </summary>
public sealed class ClusterEvictionListener(
    NpgsqlDataSource db, ClusterEviction eviction, IOutputCacheStore cache, ContentTypes types, IConfiguration config,
    ILogger<ClusterEvictionListener> log) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
    private readonly ConcurrentQueue<string> _named = new();

    private TimeSpan? ReplicaDelay { get; } = Database.ReadsConnectionString(config) is null
        ? null
        : config.GetValue("Vivapolis:Database:ReplicaEvictionDelay", TimeSpan.FromSeconds(2));

    /// <summary>How many notifications this node has acted on (tests wait on it).</summary>
    public int Received { get; private set; }

    /// <summary>Whether the listening connection is up (tests wait for it before they write).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        for (var failures = 0; !ct.IsCancellationRequested; failures++)
        {
            try
            {
                await ListenAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                Listening = false;
                log.LogWarning(e, "Lost the cache eviction channel; listening again shortly.");
                await Task.Delay(Backoff[Math.Min(failures, Backoff.Length - 1)], ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        connection.Notification += (_, e) => _named.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen \"{eviction.Channel}\"", connection))
            await listen.ExecuteNonQueryAsync(ct);
        Listening = true;
        await cache.EvictAsync(ct); // whatever was sent before this connection listened
        while (true)
        {
            await connection.WaitAsync(ct);
            var tags = new HashSet<string>();
            while (_named.TryDequeue(out var type)) tags.UnionWith(TagsOf(type));
            await EvictAsync(tags, ct);
            if (ReplicaDelay is { } delay) _ = EvictLaterAsync(tags, delay, ct);
        }
    }

    private IEnumerable<string> TagsOf(string type)
    {
        if (types.Named(type) is not { } info) return [DeliveryCache.Tag]; // a type this node does not know: everything
        return info.Searchable ? [info.CacheTag, DeliveryCache.SearchTag] : [info.CacheTag];
    }

    private async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags) await cache.EvictByTagAsync(tag, ct);
        Received++;
    }

    private async Task EvictLaterAsync(IEnumerable<string> tags, TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            foreach (var tag in tags) await cache.EvictByTagAsync(tag, ct);
        }
        catch (OperationCanceledException) { }
    }
}
