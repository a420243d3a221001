using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content.Scheduling;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Content;

/// <summary>Scheduling through the HTTP API, and waiting for the scheduler without sleeping through its time.</summary>
public static class SchedulingSteps
{
    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient client, string segment, Guid id,
        DateTimeOffset? publishAt, DateTimeOffset? unpublishAt = null) =>
        client.PostJsonAsync($"{ContentSteps.Manage(segment)}/{id}/schedule", new ScheduleChange { PublishAt = publishAt, UnpublishAt = unpublishAt });

    public static Task<HttpResponseMessage> CancelScheduleAsync(this HttpClient client, string segment, Guid id) =>
        client.DeleteAsync($"{ContentSteps.Manage(segment)}/{id}/schedule");

    public static ScheduledPublisher Scheduler(this ApiFactory api) => api.Services.GetRequiredService<ScheduledPublisher>();

    /// <summary>
    /// Waits (10 s of real time at most) until <paramref name="done"/> holds, nudging the fake clock by one scheduler
    /// interval each round so that a sweep that started just before the clock moved is followed by another.
    /// </summary>
    public static async Task EventuallyAsync(this ApiFactory api, Func<Task<bool>> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await done()) return;
            api.Clock.Advance(ScheduledPublisher.Interval);
            await Task.Delay(50);
        }
        Assert.Fail($"not within 10 s: {what}");
    }

    /// <summary>Waits until the scheduler has swept at least once entirely after now, moving the clock by its interval.</summary>
    public static async Task SweptAsync(this ApiFactory api)
    {
        var target = api.Scheduler().Sweeps + 2; // the one under way, if any, may have read the clock before
        await api.EventuallyAsync(() => Task.FromResult(api.Scheduler().Sweeps >= target), "a scheduler sweep");
    }
}
