using System.Text.Json.Serialization;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.Articles;

/// <summary>
/// The article as a schema.org <c>Article</c> in JSON-LD, ready to be put as is in a script element of type
/// <c>application/ld+json</c> in the page that shows it. Absent parts are left out, never written as null.
/// </summary>
public sealed record ArticleJsonLd
{
    /// <summary>Always <c>https://schema.org</c>.</summary>
    [JsonPropertyName("@context")]
    public string Context { get; init; } = SchemaOrg.Context;

    /// <summary>Always <c>Article</c>.</summary>
    [JsonPropertyName("@type")]
    public string Type { get; init; } = "Article";

    /// <summary>The article's id as a URN: <c>urn:uuid:…</c>.</summary>
    [JsonPropertyName("@id")]
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Headline { get; init; }

    /// <summary>The standfirst (or the SEO description), plain text; absent when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>The authors, as people.</summary>
    public required IReadOnlyList<JsonLdPerson> Author { get; init; }

    /// <summary>When it was first published, with its offset.</summary>
    public required DateTimeOffset DatePublished { get; init; }

    /// <summary>When this published version was made, with its offset.</summary>
    public required DateTimeOffset DateModified { get; init; }

    /// <summary>Language of the article: <c>fr</c> or <c>en</c>.</summary>
    public required string InLanguage { get; init; }

    /// <summary>The rubric, for example "Écosystème"; absent without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ArticleSection { get; init; }

    /// <summary>The tags, separated by commas; absent without tags.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Keywords { get; init; }

    /// <summary>URL of the cover picture; absent without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Image { get; init; }

    /// <summary>The Vivapolis network.</summary>
    public required JsonLdOrganization Publisher { get; init; }

    /// <summary>The person an interview is with; absent for other articles.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonLdPerson? About { get; init; }
}
