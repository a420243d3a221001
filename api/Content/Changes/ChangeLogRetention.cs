namespace Vivapolis.Api.Content.Changes;

/// <summary>
/// Keeps the change log to <c>Vivapolis:Sync:RetentionDays</c> days (30 by default): once an hour (of the app's
/// <see cref="TimeProvider"/>), older records go. Safe on several nodes at once: a delete and a raised horizon.
/// </summary>
public sealed class ChangeLogRetention(ChangeLog log, TimeProvider clock, IConfiguration config, ILogger<ChangeLogRetention> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public TimeSpan Retention { get; } = TimeSpan.FromDays(config.GetValue("Vivapolis:Sync:RetentionDays", 30));

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, ct);
                var removed = await log.PruneAsync(clock.GetUtcNow() - Retention, ct);
                if (removed > 0) logger.LogInformation("Change log retention removed {Count} records.", removed);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Change log retention failed; it runs again in an hour.");
            }
        }
    }
}
