using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Sync;

/// <summary>
/// One page of the change feed. Start without a token (an initial sync: the current published state), then pass
/// <c>next</c> back as <c>token</c>, for ever: after the initial pages come every change since, in commit order.
/// Keep pulling while <c>hasMore</c> is true; when it is false, wait a little and pull again with <c>next</c>.
/// </summary>
public sealed record SyncPage
{
    /// <summary>The entries of this page, in order: apply them one after the other.</summary>
    public required IReadOnlyList<SyncEntry> Entries { get; init; }

    /// <summary>The token of the next page: opaque, signed; never empty, even on a page without entries.</summary>
    public required string Next { get; init; }

    /// <summary>True when more entries are waiting now: pull again at once.</summary>
    public required bool HasMore { get; init; }
}

/// <summary>What happened to one published item.</summary>
public sealed record SyncEntry
{
    /// <summary>The content type's name (the content types are listed in the description of this contract).</summary>
    public required string Type { get; init; }

    /// <summary>The item's id: a mirror's key.</summary>
    public required Guid Id { get; init; }

    /// <summary>Its language; null for an erasure.</summary>
    public Locale? Locale { get; init; }

    /// <summary>Its public slug; null for an erasure (the slug may name the person).</summary>
    public string? Slug { get; init; }

    /// <summary>upsert: store <c>item</c> under <c>type</c> and <c>id</c>; delete: forget the item.</summary>
    public required SyncOp Op { get; init; }

    /// <summary>Why: published, republished, slug_changed, unpublished, deleted, erased or withdrawn; null on initial-sync entries, which give the current state.</summary>
    public ChangeKind? Kind { get; init; }

    /// <summary>The item's version after the change.</summary>
    public required int Version { get; init; }

    /// <summary>When the change was made.</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>For an upsert, the item exactly as <c>GET /api/v1/{type}/{slug}</c> delivers it (the shape of its type); null for a delete.</summary>
    public object? Item { get; init; }
}
