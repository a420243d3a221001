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

/// <summary>
/// Scheduled publishing, written once for every content type: setting and cancelling an item's schedule (with the
/// jobs the scheduler claims), and running a due job through the type's <see cref="ContentLifecycle{TDoc,TContent,TDelivery}"/>.
/// </summary>
public sealed class ContentScheduling<TDoc, TContent, TDelivery>(
    ContentType<TDoc, TContent, TDelivery> type, ContentLifecycle<TDoc, TContent, TDelivery> lifecycle,
    IDocumentSession session, TimeProvider clock) : IScheduledActions
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class
{
    public string TypeName => type.Name;

    /// <summary>Sets the item's schedule, replacing any earlier one: the document, its jobs and the event commit together.</summary>
    public async Task<TDoc> ScheduleAsync(Guid id, string? ifMatch, ScheduleChange change, string by, CancellationToken ct)
    {
        var now = clock.Now();
        var publishAt = Micro(change.PublishAt);
        var unpublishAt = Micro(change.UnpublishAt);
        Validate(publishAt, unpublishAt, now);
        var doc = await LoadAsync(id, ct);
        var expected = Expected(doc, ifMatch);
        if (publishAt is null && doc.Status != ContentStatus.Published)
            throw ProblemException.Conflict(Text.Of(
                $"Seul un élément publié peut être programmé pour dépublication seule ; celui-ci est à l'état « {Json.Name(doc.Status)} ». Programmez aussi sa publication.",
                $"Only a published item can be scheduled for unpublishing alone; this one is '{Json.Name(doc.Status)}'. Schedule its publication too."));

        doc.PublishAt = publishAt;
        doc.UnpublishAt = unpublishAt;
        if (publishAt is not null && doc.Status != ContentStatus.Scheduled) doc.StatusBeforeSchedule = doc.Status;
        if (publishAt is not null) doc.Status = ContentStatus.Scheduled;
        Touch(doc, expected, by, now);
        ReplaceJobs(doc, by);
        session.Insert(ContentRevision.Of(doc, type.Name, RevisionAction.Scheduled, by, now)); // every change is a revision
        session.Events.Append(doc.Id, new ItemScheduled(type.Name, doc.Slug, doc.Locale, doc.Version, by, now, publishAt, unpublishAt));
        await session.SaveChangesAsync(ct);
        return doc;
    }

    /// <summary>Cancels the item's schedule; a scheduled item goes back to where it stood. Nothing scheduled: nothing changes.</summary>
    public async Task<TDoc> CancelAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        var expected = Expected(doc, ifMatch);
        if (doc.PublishAt is null && doc.UnpublishAt is null && doc.Status != ContentStatus.Scheduled) return doc;
        var now = clock.Now();
        doc.PublishAt = null;
        doc.UnpublishAt = null;
        if (doc.Status == ContentStatus.Scheduled)
            doc.Status = doc.PublishedVersion is not null ? ContentStatus.Published
                : doc.StatusBeforeSchedule ?? (doc.PublishedAt is not null ? ContentStatus.Unpublished : ContentStatus.Draft);
        doc.StatusBeforeSchedule = null;
        Touch(doc, expected, by, now);
        ReplaceJobs(doc, by);
        session.Insert(ContentRevision.Of(doc, type.Name, RevisionAction.Unscheduled, by, now));
        session.Events.Append(doc.Id, new ItemUnscheduled(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        return doc;
    }

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

    /// <summary>One job per scheduled action; the earlier ones of the item go in the same unit of work.</summary>
    private void ReplaceJobs(TDoc doc, string by)
    {
        session.DeleteWhere<ScheduledJob>(j => j.ItemId == doc.Id);
        if (doc.PublishAt is { } publishAt)
            session.Store(new ScheduledJob
            {
                Id = Guid.CreateVersion7(), ItemId = doc.Id, Type = type.Name, Action = ScheduledAction.Publish, DueAt = publishAt, By = by,
            });
        if (doc.UnpublishAt is { } unpublishAt)
            session.Store(new ScheduledJob
            {
                Id = Guid.CreateVersion7(), ItemId = doc.Id, Type = type.Name, Action = ScheduledAction.Unpublish, DueAt = unpublishAt, By = by,
            });
    }

    private static void Validate(DateTimeOffset? publishAt, DateTimeOffset? unpublishAt, DateTimeOffset now)
    {
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
    }

    /// <summary>UTC, cut to the microsecond PostgreSQL keeps, so the job's due time equals the item's.</summary>
    private static DateTimeOffset? Micro(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().AddTicks(-(t.Ticks % 10)) : null;

    private async Task<TDoc> LoadAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();

    /// <summary>The version acted on: the one named by If-Match (412 when stale), else the current one.</summary>
    private static int Expected(TDoc doc, string? ifMatch)
    {
        if (ifMatch is null) return doc.Version;
        var version = ETags.VersionFrom(ifMatch);
        if (version != doc.Version)
            throw ProblemException.Stale(doc.Version);
        return doc.Version;
    }

    /// <summary>
    /// Raise the version; Marten refuses the write if the stored one moved on since we read it. A schedule is not an
    /// edit of the content: a public version that was current stays current.
    /// </summary>
    private void Touch(TDoc doc, int expected, string by, DateTimeOffset now)
    {
        var inStep = doc.PublishedVersion == doc.Version;
        doc.Version = expected + 1;
        if (inStep) doc.PublishedVersion = doc.Version;
        doc.UpdatedAt = now;
        doc.UpdatedBy = by;
        session.UpdateRevision(doc, doc.Version);
    }
}
