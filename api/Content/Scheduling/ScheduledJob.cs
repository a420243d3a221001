namespace Vivapolis.Api.Content.Scheduling;

public enum ScheduledAction { Publish, Unpublish }

/// <summary>
/// One thing the scheduler must do to one item at one time, stored in PostgreSQL so that it survives restarts and is
/// claimed by exactly one API process (<c>for update skip locked</c>). Deleted in the transaction that does it.
/// </summary>
public sealed class ScheduledJob
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The content type's name (<c>article</c>), to find its lifecycle.</summary>
    public string Type { get; set; } = "";

    public ScheduledAction Action { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Who scheduled it: the publication is recorded on their behalf.</summary>
    public string By { get; set; } = "";
}
