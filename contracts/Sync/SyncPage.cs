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
    /// <example>czF8MTI4fHx8MTI4fA.Vb3GJ9xgk2a1oKQ5R7o0Jm8yYk1Xb2hvQ0xjRTJpSm9hQQ</example>
    public required string Next { get; init; }

    /// <summary>True when more entries are waiting now: pull again at once.</summary>
    /// <example>false</example>
    public required bool HasMore { get; init; }
}

/// <summary>What happened to one published item.</summary>
public sealed record SyncEntry
{
    /// <summary>The content type: article, fiche, event or advertiser-contact (see <c>GET /api/v1/content-types</c>).</summary>
    /// <example>article</example>
    public required string Type { get; init; }

    /// <summary>The item's id: a mirror's key.</summary>
    /// <example>01939a2e-6f4b-7c1d-9a3e-5b2f8c0d4e61</example>
    public required Guid Id { get; init; }

    /// <summary>Its language; null for an erasure.</summary>
    public Locale? Locale { get; init; }

    /// <summary>Its public slug; null for an erasure (the slug may name the person).</summary>
    /// <example>vers-un-modele-francais-de-la-ville-durable</example>
    public string? Slug { get; init; }

    /// <summary>upsert: store <c>item</c> under <c>type</c> and <c>id</c>; delete: forget the item.</summary>
    public required SyncOp Op { get; init; }

    /// <summary>Why: published, republished, slug_changed, unpublished, deleted, erased or withdrawn; null on initial-sync entries, which give the current state.</summary>
    public ChangeKind? Kind { get; init; }

    /// <summary>The item's version after the change.</summary>
    /// <example>4</example>
    public required int Version { get; init; }

    /// <summary>When the change was made.</summary>
    /// <example>2026-12-03T09:30:00+00:00</example>
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>For an upsert, the item exactly as <c>GET /api/v1/{type}/{slug}</c> delivers it (the shape of its type); null for a delete.</summary>
    public object? Item { get; init; }
}
