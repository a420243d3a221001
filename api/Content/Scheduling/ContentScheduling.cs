using FluentValidation;
using FluentValidation.Results;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Scheduling;

/// <summary>What the scheduler can do to an item of some type, without knowing the type at compile time.</summary>
public interface IScheduledActions
{
    /// <summary>The content type's name, as in <see cref="ScheduledJob.Type"/>.</summary>
    string TypeName { get; }

    /// <summary>
    /// Does the job in the session's open transaction, which it commits together with the job's deletion. A job whose
    /// item is gone or whose schedule has changed since is only deleted. Throws <see cref="ProblemException"/> when
    /// the lifecycle refuses (the caller then drops the job).
    /// </summary>
    /// <returns>True when the job was carried out, false when it was stale and only dropped.</returns>
    Task<bool> RunAsync(ScheduledJob job, CancellationToken ct);
}

/// <summary>A type's due jobs, carried out through its <see cref="ContentLifecycle{TDoc,TContent,TDelivery}"/>.</summary>
public sealed class ContentScheduling<TDoc, TContent, TDelivery>(
    ContentType<TDoc, TContent, TDelivery> type, ContentLifecycle<TDoc, TContent, TDelivery> lifecycle, IDocumentSession session)
    : IScheduledActions
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public string TypeName => type.Name;

    public async Task<bool> RunAsync(ScheduledJob job, CancellationToken ct)
    {
        session.Delete(job);
        var doc = await session.LoadAsync<TDoc>(job.ItemId, ct);
        var current = doc is not null && job.Action switch
        {
            ScheduledAction.Publish => doc.PublishAt == job.DueAt,
            ScheduledAction.Unpublish => doc.UnpublishAt == job.DueAt,
            _ => false,
        };
        if (!current)
        {
            await session.SaveChangesAsync(ct); // stale: the item is gone or was rescheduled; drop the job
            return false;
        }
        // The lifecycle's SaveChanges commits the job's deletion with the publication and its event.
        if (job.Action == ScheduledAction.Publish) await lifecycle.PublishAsync(job.ItemId, null, job.By, ct);
        else await lifecycle.UnpublishAsync(job.ItemId, null, job.By, ct);
        return true;
    }
}

/// <summary>What a schedule must be: at least one date, in the future, the unpublication after the publication.</summary>
public static class ScheduleRules
{
    /// <summary>The schedule's dates in UTC to the microsecond PostgreSQL keeps (so a job's due time equals the item's), or a 400.</summary>
    public static (DateTimeOffset? PublishAt, DateTimeOffset? UnpublishAt) Valid(ScheduleChange change, DateTimeOffset now)
    {
        var publishAt = Micro(change.PublishAt);
        var unpublishAt = Micro(change.UnpublishAt);
        var failures = new List<ValidationFailure>();
        void Fail(string field, string french, string english) =>
            failures.Add(new ValidationFailure(field, Text.Of(french, english)) { ErrorCode = "schedule" });
        if (publishAt is null && unpublishAt is null)
            Fail("publishAt", "Indiquez une date de publication, de dépublication, ou les deux.",
                "Give a publication date, an unpublication date, or both.");
        if (publishAt <= now)
            Fail("publishAt", "La date de publication doit être dans le futur.", "The publication date must be in the future.");
        if (unpublishAt <= now)
            Fail("unpublishAt", "La date de dépublication doit être dans le futur.", "The unpublication date must be in the future.");
        else if (publishAt is not null && unpublishAt <= publishAt)
            Fail("unpublishAt", "La date de dépublication doit être postérieure à la date de publication.",
                "The unpublication date must come after the publication date.");
        if (failures.Count > 0) throw new ValidationException(failures);
        return (publishAt, unpublishAt);
    }

    private static DateTimeOffset? Micro(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().AddTicks(-(t.Ticks % 10)) : null;
}
