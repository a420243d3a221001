using Marten;
using Vivapolis.Api.Content.Scheduling;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// Scheduled publishing: setting and cancelling an item's schedule, with the jobs the scheduler claims
// (see ScheduledPublisher), which run through PublishAsync and UnpublishAsync.
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    /// <summary>Sets the item's schedule, replacing any earlier one: the document, its jobs and the event commit together.</summary>
    public async Task<TDoc> ScheduleAsync(Guid id, string? ifMatch, ScheduleChange schedule, string by, CancellationToken ct)
    {
        var (publishAt, unpublishAt) = ScheduleRules.Valid(schedule, clock.GetUtcNow());
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct);
        var doc = item.Doc;
        if (publishAt is null && doc.Status != ContentStatus.Published)
            throw ProblemException.Conflict(Text.Of(
                $"Seul un élément publié peut être programmé pour dépublication seule ; celui-ci est à l'état « {Json.Name(doc.Status)} ». Programmez aussi sa publication.",
                $"Only a published item can be scheduled for unpublishing alone; this one is '{Json.Name(doc.Status)}'. Schedule its publication too."));
        // What will be published must be publishable: said now, not when the scheduler finds out in the night.
        if (publishAt is not null) await media.RequireUsableAsync(doc.Content, ct);
        doc.PublishAt = publishAt;
        doc.UnpublishAt = unpublishAt;
        if (publishAt is not null && doc.Status != ContentStatus.Scheduled) doc.StatusBeforeSchedule = doc.Status;
        if (publishAt is not null) doc.Status = ContentStatus.Scheduled;
        ReplaceJobs(doc, by);
        return await CommitAsync(item, new Change(RevisionAction.Scheduled), by, ct);
    }

    /// <summary>Cancels the item's schedule; a scheduled item goes back to where it stood. Nothing scheduled: nothing changes.</summary>
    public async Task<TDoc> CancelScheduleAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct);
        var doc = item.Doc;
        if (doc.PublishAt is null && doc.UnpublishAt is null && doc.Status != ContentStatus.Scheduled) return doc;
        doc.PublishAt = null;
        doc.UnpublishAt = null;
        if (doc.Status == ContentStatus.Scheduled)
            doc.Status = doc.PublishedVersion is not null ? ContentStatus.Published
                : doc.StatusBeforeSchedule ?? (doc.PublishedAt is not null ? ContentStatus.Unpublished : ContentStatus.Draft);
        doc.StatusBeforeSchedule = null;
        ReplaceJobs(doc, by);
        return await CommitAsync(item, new Change(RevisionAction.Unscheduled), by, ct);
    }

    /// <summary>One job per scheduled action; the earlier ones of the item go in the same unit of work.</summary>
    private void ReplaceJobs(TDoc doc, string by)
    {
        session.DeleteWhere<ScheduledJob>(j => j.ItemId == doc.Id);
        foreach (var (action, due) in new[] { (ScheduledAction.Publish, doc.PublishAt), (ScheduledAction.Unpublish, doc.UnpublishAt) })
            if (due is { } at)
                session.Store(new ScheduledJob { Id = Guid.CreateVersion7(), ItemId = doc.Id, Type = type.Name, Action = action, DueAt = at, By = by });
    }
}
