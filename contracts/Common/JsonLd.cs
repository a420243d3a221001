using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Common;

/// <summary>
/// The schema.org vocabulary (https://schema.org) that the <c>jsonLd</c> of delivered items is written in. A partner
/// page puts that object as is in a <c>&lt;script type="application/ld+json"&gt;</c> element, and search engines read
/// the item from it.
/// </summary>
public static class SchemaOrg
{
    /// <summary>The JSON-LD <c>@context</c> of every node we write.</summary>
    public const string Context = "https://schema.org";
}

/// <summary>A schema.org <c>Organization</c>: who organises an event, who publishes an article, where someone works.</summary>
public sealed record JsonLdOrganization
{
    /// <summary>Always <c>Organization</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "Organization";

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its website; absent when not known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}

/// <summary>A schema.org <c>Person</c>: an author, or the person an interview is about.</summary>
public sealed record JsonLdPerson
{
    /// <summary>Always <c>Person</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "Person";

    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>What they do, for example "directrice générale"; absent when not known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JobTitle { get; init; }

    /// <summary>Where they work; absent when not known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdOrganization? WorksFor { get; init; }
}
