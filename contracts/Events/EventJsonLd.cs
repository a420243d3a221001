using System.Text.Json.Serialization;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Events;

/// <summary>
/// The event as a schema.org <c>Event</c> in JSON-LD, ready to be put as is in a script element of type
/// <c>application/ld+json</c> in the page that shows it. Absent parts are left out, never written as null.
/// </summary>
public sealed record EventJsonLd
{
    /// <summary>Always <c>https://schema.org</c>.</summary>
    [JsonPropertyName("@context")]
    public string Context { get; init; } = SchemaOrg.Context;

    /// <summary>Always <c>Event</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "Event";

    /// <summary>The event's id as a URN: <c>urn:uuid:…</c>.</summary>
    [JsonPropertyName("@id")]
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Name { get; init; }

    /// <summary>The summary, plain text; absent when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Local start with its offset (<c>2027-03-26T09:00:00+01:00</c>), or the first day of an all-day event (<c>2027-03-26</c>).</summary>
    public required string StartDate { get; init; }

    /// <summary>Local end with its offset, or the last day of an all-day event.</summary>
    public required string EndDate { get; init; }

    /// <summary><c>https://schema.org/EventScheduled</c>, <c>…/EventCancelled</c>, <c>…/EventPostponed</c> or <c>…/EventRescheduled</c>.</summary>
    public required string EventStatus { get; init; }

    /// <summary><c>https://schema.org/OfflineEventAttendanceMode</c> (on site), <c>…/OnlineEventAttendanceMode</c> or <c>…/MixedEventAttendanceMode</c>.</summary>
    public required string EventAttendanceMode { get; init; }

    /// <summary>Where it takes place: the venue as a <c>Place</c>, the online address as a <c>VirtualLocation</c>, or both for a mixed event.</summary>
    public required IReadOnlyList<JsonLdLocation> Location { get; init; }

    /// <summary>Who organises it; absent when not stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdOrganization? Organizer { get; init; }

    /// <summary>The price and where to register; absent when neither is stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdOffer? Offers { get; init; }

    /// <summary>True for a free event; absent when the price is not stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsAccessibleForFree { get; init; }

    /// <summary>URL of the cover picture; absent without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Image { get; init; }

    /// <summary>Language of the texts: <c>fr</c> or <c>en</c>.</summary>
    public required string InLanguage { get; init; }
}

/// <summary>
/// Where an event takes place, as schema.org has it: a <c>Place</c> (name, postal address, coordinates) or a
/// <c>VirtualLocation</c> (the URL to attend online).
/// </summary>
public sealed record JsonLdLocation
{
    /// <summary><c>Place</c> or <c>VirtualLocation</c>.</summary>
    [JsonPropertyName("@type")]
    public required string Type { get; init; }

    /// <summary>The venue's name (a <c>Place</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>The venue's postal address (a <c>Place</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdPostalAddress? Address { get; init; }

    /// <summary>The venue's coordinates, when known (a <c>Place</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdGeoCoordinates? Geo { get; init; }

    /// <summary>The https URL to attend online (a <c>VirtualLocation</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}

/// <summary>A schema.org <c>PostalAddress</c>.</summary>
public sealed record JsonLdPostalAddress
{
    /// <summary>Always <c>PostalAddress</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "PostalAddress";

    /// <summary>Street address, when given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StreetAddress { get; init; }

    /// <summary>Postal code, when given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PostalCode { get; init; }

    /// <summary>City.</summary>
    public required string AddressLocality { get; init; }

    /// <summary>The region's name, for a venue in France.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AddressRegion { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public required string AddressCountry { get; init; }
}

/// <summary>A schema.org <c>GeoCoordinates</c>, in degrees (WGS 84).</summary>
public sealed record JsonLdGeoCoordinates
{
    /// <summary>Always <c>GeoCoordinates</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "GeoCoordinates";

    /// <summary>Latitude.</summary>
    public required double Latitude { get; init; }

    /// <summary>Longitude.</summary>
    public required double Longitude { get; init; }
}

/// <summary>A schema.org <c>Offer</c>: what attending costs and where to register.</summary>
public sealed record JsonLdOffer
{
    /// <summary>Always <c>Offer</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "Offer";

    /// <summary>The price in <c>priceCurrency</c>; 0 for a free event; absent when not stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Price { get; init; }

    /// <summary><c>EUR</c>, with a price.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PriceCurrency { get; init; }

    /// <summary>Anything else about the price, for example "tarif réduit pour les adhérents".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Where to register, when stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}
