using Npgsql;
using Polly.Contrib.WaitAndRetry;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>
/// When a failed attempt is tried again: exponential backoff with jitter (Polly's "decorrelated jitter" V2, the one
/// Polly 8 uses, from Polly.Contrib.WaitAndRetry), from about 10 seconds, each delay at most 2 hours, for at least
/// <see cref="Window"/> (24 hours by default, <c>Vivapolis:Webhooks:RetryHours</c>) after the delivery's first
/// attempt: an attempt that fails within the window is retried, so the last one is made after the window has passed.
/// The schedule lives in the outbox row, not in memory: it survives restarts and is shared by every node.
/// </summary>
public sealed class WebhookRetries(IConfiguration config)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(2);

    public TimeSpan Window { get; } = TimeSpan.FromHours(config.GetValue("Vivapolis:Webhooks:RetryHours", 24.0));

    /// <summary>The next attempt after failed attempt number <paramref name="attempt"/>, or null: give up.</summary>
    public DateTimeOffset? NextAfter(int attempt, DateTimeOffset windowStartedAt, DateTimeOffset now)
    {
        if (now - windowStartedAt >= Window) return null;
        var delay = Backoff.DecorrelatedJitterBackoffV2(FirstDelay, retryCount: Math.Min(attempt, 40)).Last();
        return now + (delay < MaxDelay ? delay : MaxDelay);
    }
}

/// <summary>
/// Sends the outbox's deliveries. Wakes when a commit NOTIFYs (a change or a ping, on any node) and every
/// <see cref="PollInterval"/> of the app's <see cref="TimeProvider"/> (for retries that fall due, and to be safe),
/// claims due deliveries a few at a time (<see cref="WebhookOutbox.ClaimAsync"/>: one node per attempt), sends
/// them in parallel and records each result. Off when <c>Vivapolis:Webhooks:Delivery</c> is false (the test host
/// turns it off except for the webhooks' own tests, so that no background write lands in another test's snapshot).
/// </summary>
public sealed class WebhookDispatcher(
    WebhookOutbox outbox, WebhookSender sender, WebhookRetries retries, NpgsqlDataSource db, DatabasePreparation preparation,
    TimeProvider clock, IConfiguration config, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private const int Parallelism = 8;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>How long settled deliveries stay in the log (<c>Vivapolis:Webhooks:LogRetentionDays</c>, 30).</summary>
    public TimeSpan LogRetention { get; } = TimeSpan.FromDays(config.GetValue("Vivapolis:Webhooks:LogRetentionDays", 30));
    private long _sweeps;
    private long _attempts;

    public bool Enabled { get; } = config.GetValue("Vivapolis:Webhooks:Delivery", true);

    /// <summary>Sweeps completed (tests wait on it to know the dispatcher looked after they moved the clock).</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    /// <summary>Attempts this process recorded.</summary>
    public long AttemptsMade => Interlocked.Read(ref _attempts);

    /// <summary>Wakes the dispatcher now (the NOTIFY listener does; so may a test).</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { } // already awake
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        var listening = ListenAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await preparation.EnsureAsync(ct);
                await SweepAsync(ct);
                await PruneAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "The webhook delivery sweep failed; the next one retries.");
            }
            Interlocked.Increment(ref _sweeps);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                await Task.WhenAny(_wake.WaitAsync(timer.Token), Task.Delay(PollInterval, clock, timer.Token));
            }
            finally
            {
                await timer.CancelAsync();
            }
        }
        await listening;
    }

    /// <summary>Every due delivery, <see cref="Parallelism"/> at a time, until none is due.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var batch = await outbox.ClaimAsync(Parallelism, ct);
            if (batch.Count == 0) return;
            await Parallel.ForEachAsync(batch, ct, async (delivery, token) =>
            {
                var result = await sender.SendAsync(delivery, token);
                var next = result.Delivered ? null : retries.NextAfter(delivery.Attempts + 1, delivery.WindowStartedAt, clock.GetUtcNow());
                // Recorded even while stopping: the attempt was made. (Cancelled before an answer, nothing is
                // recorded and the claim's lease runs out: another node tries again, under the same webhook-id.)
                if (await outbox.RecordAsync(delivery, result, next, CancellationToken.None)) Interlocked.Increment(ref _attempts);
                if (!result.Delivered)
                    log.LogInformation("Webhook delivery {Delivery} to {Webhook} failed: {Error}; next attempt {Next}.",
                        delivery.Id, delivery.WebhookId, result.Error, next?.ToString("O") ?? "none (given up)");
            });
        }
    }

    /// <summary>Once an hour (of the app's clock), the settled deliveries older than <see cref="LogRetention"/> go.</summary>
    private async Task PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _prunedAt < TimeSpan.FromHours(1)) return;
        _prunedAt = now;
        var removed = await outbox.PruneAsync(now - LogRetention, ct);
        if (removed > 0) log.LogInformation("Webhook log retention removed {Count} deliveries.", removed);
    }

    /// <summary>LISTEN on a connection of its own; reconnects after a failure (the poll covers the gap).</summary>
    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"listen \"{outbox.Channel}\"", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                Wake(); // anything committed before the LISTEN is swept now
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Listening for webhook notifications failed; polling until it reconnects.");
                try { await Task.Delay(TimeSpan.FromSeconds(2), ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
