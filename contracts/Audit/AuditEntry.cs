namespace Vivapolis.Contracts.Audit;

/// <summary>One thing someone did, read from the append-only event log.</summary>
public sealed record AuditEntry
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who did it: the account's email.</summary>
    public required string By { get; init; }

    /// <summary>
    /// What was done: created, edited, submitted, published, unpublished, scheduled, unscheduled, deleted, restored,
    /// erased or draft_discarded to content; api_key_created or api_key_revoked to a partner's API key (the item);
    /// kinds of events added later appear under their event type's name.
    /// </summary>
    public required string Action { get; init; }

    /// <summary>The content type's name (listed in the description of this contract); null for an API key.</summary>
    public string? Type { get; init; }

    /// <summary>The item acted on.</summary>
    public required Guid ItemId { get; init; }

    /// <summary>The item's version after the change; null when the event records none (an erasure).</summary>
    public int? Version { get; init; }
}
