namespace Vivapolis.Contracts.Common;

/// <summary>An item as the editors see it: what the system keeps about it, and the editable content.</summary>
/// <remarks>To update it, send <c>content</c> back with <c>PUT</c> and the <c>ETag</c> in <c>If-Match</c>.</remarks>
public sealed record Managed<TContent> where TContent : class
{
    /// <summary>Stable identifier.</summary>
    public required Guid Id { get; init; }
    /// <summary>Content type: article, fiche, event or advertiser-contact.</summary>
    public required string Type { get; init; }
    /// <summary>The slug in use: the one given in content, or the one made from the French title.</summary>
    public required string Slug { get; init; }
    /// <summary>Where the item stands in the editorial lifecycle.</summary>
    public required ContentStatus Status { get; init; }
    /// <summary>Version number, raised by every change; the ETag is made from it.</summary>
    public required int Version { get; init; }
    /// <summary>True when the item is published and edited since: the public still sees the published version.</summary>
    public required bool HasUnpublishedChanges { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    /// <summary>When it was first published; null if never.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>When the item will be published by the scheduler (status <c>scheduled</c>); null when no publication is scheduled.</summary>
    public DateTimeOffset? PublishAt { get; init; }
    /// <summary>When the item will be unpublished by the scheduler; null when no unpublication is scheduled.</summary>
    public DateTimeOffset? UnpublishAt { get; init; }
    /// <summary>The editable content.</summary>
    public required TContent Content { get; init; }
}

/// <summary>One line of a management list, whatever the type.</summary>
public sealed record ManagedSummary
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required Locale Locale { get; init; }
    public required ContentStatus Status { get; init; }
    public required int Version { get; init; }
    public required bool HasUnpublishedChanges { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Who created the item (e-mail); authors edit only their own drafts.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>Events only: the local start at the event, without offset (see the event's <c>timeZone</c>); null for other types.</summary>
    public DateTime? Start { get; init; }
    /// <summary>The languages the item has a version in (its own included): the translation status a list shows.</summary>
    public IReadOnlyList<Locale> Translations { get; init; } = [];
}

/// <summary>The order of a management list.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ManagedSort>))]
public enum ManagedSort
{
    /// <summary>Most recently edited first.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("updated")] Updated,
    /// <summary>By title, A to Z, whatever the case.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("title")] Title,
    /// <summary>By start, soonest first; events only. Items without a start come last.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("start")] Start,
}
