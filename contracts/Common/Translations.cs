using System.ComponentModel.DataAnnotations;

namespace Vivapolis.Contracts.Common;

/// <summary>Another language version of a published item: what a partner needs for an hreflang link.</summary>
/// <param name="Locale">Its language.</param>
/// <param name="Slug">Its slug in that language.</param>
/// <param name="Url">Its public address on this API.</param>
public sealed record AlternateLink(Locale Locale, string Slug, string Url);

/// <summary>A published item that can have versions in other languages (articles, fiches, events).</summary>
public interface ITranslatedDelivery : IDeliveryItem
{
    /// <summary>What the language versions of one item share.</summary>
    Guid TranslationGroup { get; }

    /// <summary>The other published language versions of the item.</summary>
    IReadOnlyList<AlternateLink> Alternates { get; }
}

/// <summary>The language version to make from an item.</summary>
public sealed record TranslationRequest
{
    /// <summary>The new version's language; the group must not have one in it yet.</summary>
    public required Locale Locale { get; init; }

    /// <summary>Its slug; the source's slug when absent (slugs are unique per language).</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
}

/// <summary>One language version of an item, whatever its status.</summary>
public sealed record TranslationSummary
{
    public required Guid Id { get; init; }
    public required Locale Locale { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required ContentStatus Status { get; init; }
    /// <summary>True when it is published and edited since.</summary>
    public required bool HasUnpublishedChanges { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
