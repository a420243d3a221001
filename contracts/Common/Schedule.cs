namespace Vivapolis.Contracts.Common;

/// <summary>
/// When an item goes public and when it stops being public, on its own. Either or both; both in the future,
/// and the unpublication after the publication. Replaces any earlier schedule of the item.
/// </summary>
public sealed record ScheduleChange
{
    /// <summary>When to publish the current version; the item is <c>scheduled</c> until then.</summary>
    public DateTimeOffset? PublishAt { get; init; }
    /// <summary>When to unpublish; alone, only for an item already published.</summary>
    public DateTimeOffset? UnpublishAt { get; init; }
}
