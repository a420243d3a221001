using Marten;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Scheduling;

/// <summary>
/// Publishes and unpublishes on time. Every few seconds (of the app's <see cref="TimeProvider"/>, so tests drive it
/// by moving their clock) it claims due jobs one at a time with <c>select … for update skip locked</c> in a
/// transaction, does each through the content type's lifecycle and deletes it in that same transaction. A job is
/// therefore done once whatever the number of API processes, and never lost: if a process dies before committing,
/// the lock goes with its transaction and another sweep takes the job.
/// </summary>
public sealed class ScheduledPublisher(IServiceProvider services, TimeProvider clock, ILogger<ScheduledPublisher> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private long _sweeps;
    private long _done;

    /// <summary>Jobs this process carried out (not the stale or refused ones it dropped).</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>Sweeps completed since start (tests wait on it to know the worker looked after they moved the clock).</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await SweepAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "The scheduled publishing sweep failed; the next one retries.");
            }
            Interlocked.Increment(ref _sweeps);
        }
    }

    /// <summary>Every job due now, each in its own transaction; one that fails is left for the next sweep.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        await services.GetRequiredService<DatabasePreparation>().EnsureAsync(ct);
        var failed = new List<Guid>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(failed, ct)) return;
            }
            catch (Exception e) when (e is not OperationCanceledException && e.Data["job"] is Guid id)
            {
                log.LogWarning(e, "Scheduled job {Job} failed; it is retried at the next sweep.", id);
                failed.Add(id);
            }
        }
    }

    private async Task<bool> RunNextAsync(List<Guid> skip, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        await session.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var jobs = await session.QueryAsync<ScheduledJob>(
            "where due_at <= ? and not (id = any(?)) order by due_at, id limit 1 for update skip locked",
            ct, now, skip.ToArray());
        if (jobs.Count == 0) return false; // disposing the session rolls the empty transaction back
        var job = jobs[0];
        try
        {
            var actions = scope.ServiceProvider.GetServices<IScheduledActions>().FirstOrDefault(a => a.TypeName == job.Type);
            if (actions is null)
            {
                log.LogWarning("Scheduled job {Job} names an unknown content type {Type}; dropped.", job.Id, job.Type);
                session.Delete(job);
                await session.SaveChangesAsync(ct);
                return true;
            }
            try
            {
                if (await actions.RunAsync(job, ct)) Interlocked.Increment(ref _done);
                log.LogInformation("Scheduled {Action} of {Type} {Item} done.", job.Action, job.Type, job.ItemId);
            }
            catch (ProblemException refused)
            {
                // The lifecycle refuses (the item is no longer in a state this action applies to): drop the job.
                log.LogWarning("Scheduled {Action} of {Type} {Item} refused: {Reason}; dropped.",
                    job.Action, job.Type, job.ItemId, refused.Detail ?? refused.Title);
                session.EjectAllPendingChanges();
                session.Delete(job);
                await session.SaveChangesAsync(ct);
            }
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            e.Data["job"] = job.Id;
            throw;
        }
    }
}

public static class SchedulingRegistration
{
    public static IServiceCollection AddScheduledPublishing(this IServiceCollection services)
    {
        services.ConfigureMarten(o => o.Schema.For<ScheduledJob>().Duplicate(x => x.DueAt).Index(x => x.ItemId));
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }
}
