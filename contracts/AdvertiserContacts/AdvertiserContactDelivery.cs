using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.AdvertiserContacts;

/// <summary>A public advertiser contact, with its public fields only.</summary>
/// <remarks>
/// Stored in this shape when a public contact is published, so delivery streams it from the database as is.
/// Internal notes and the consent record have no place here on purpose: what is not in this record cannot leak.
/// </remarks>
public sealed record AdvertiserContactDelivery : IDeliveryItem
{
    public required Guid Id { get; init; }
    public required Locale Locale { get; init; }
    public required string Slug { get; init; }
    public required string FullName { get; init; }
    public string? JobTitle { get; init; }
    public string? Company { get; init; }
    public required string Email { get; init; }
    /// <summary>E.164, for example "+33199001234".</summary>
    public string? Phone { get; init; }
    public required IReadOnlyList<string> Sectors { get; init; }
    /// <summary>Region codes from <c>GET /api/v1/regions</c>.</summary>
    public required IReadOnlyList<string> Regions { get; init; }
    /// <summary>Position in the list, smallest first; the list is already in this order.</summary>
    public required int DisplayOrder { get; init; }
    /// <summary>When it was first published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>When this published version was made.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Version number of the published content.</summary>
    public required int Version { get; init; }
}
