using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// One stream per item (stream id = item id). History, audit, the change feed and webhooks read these.
// Each event is appended in the same SaveChanges as the document change it records.

public sealed record ItemCreated(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemEdited(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemPublished(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemUnpublished(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

/// <summary>A publication and/or unpublication was scheduled (replacing any earlier schedule).</summary>
public sealed record ItemScheduled(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At,
    DateTimeOffset? PublishAt, DateTimeOffset? UnpublishAt);

/// <summary>The schedule was cancelled: nothing will happen on its own any more.</summary>
public sealed record ItemUnscheduled(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemDeleted(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

/// <summary>Personal data was erased: the item's earlier stream is gone, and this, without the data, starts its new one.</summary>
public sealed record ItemErased(string Type, string By, DateTimeOffset At);

/// <summary>Sent for review: the item is in review until it is published.</summary>
public sealed record ItemSubmitted(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

/// <summary>A new version was made from an earlier one's content (<paramref name="From"/>); history is not rewritten.</summary>
public sealed record ItemRestored(string Type, string Slug, Locale Locale, int Version, int From, string By, DateTimeOffset At);

/// <summary>The pending draft of a published item was dropped: its content is the published version's again.</summary>
public sealed record ItemDraftDiscarded(string Type, string Slug, Locale Locale, int Version, int PublishedVersion, string By, DateTimeOffset At);

public static class ContentEvents
{
    /// <summary>The event that records <paramref name="action"/> (the same action as the change's revision).</summary>
    public static object Of(RevisionAction action, string type, string slug, Locale locale, int version, string by,
        DateTimeOffset at, int? from, DateTimeOffset? publishAt, DateTimeOffset? unpublishAt) => action switch
    {
        RevisionAction.Created => new ItemCreated(type, slug, locale, version, by, at),
        RevisionAction.Edited => new ItemEdited(type, slug, locale, version, by, at),
        RevisionAction.Submitted => new ItemSubmitted(type, slug, locale, version, by, at),
        RevisionAction.Scheduled => new ItemScheduled(type, slug, locale, version, by, at, publishAt, unpublishAt),
        RevisionAction.Unscheduled => new ItemUnscheduled(type, slug, locale, version, by, at),
        RevisionAction.Published => new ItemPublished(type, slug, locale, version, by, at),
        RevisionAction.Unpublished => new ItemUnpublished(type, slug, locale, version, by, at),
        RevisionAction.Restored => new ItemRestored(type, slug, locale, version, from!.Value, by, at),
        RevisionAction.Discarded => new ItemDraftDiscarded(type, slug, locale, version, from!.Value, by, at),
        RevisionAction.Deleted => new ItemDeleted(type, slug, locale, version, by, at),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No event records this action."),
    };
}
