using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>What the schema.org JSON-LD of every delivered type shares.</summary>
public static class JsonLdNodes
{
    /// <summary>A node's <c>@id</c>: the item's stable id as a URN, which needs no web address of ours.</summary>
    public static string IdOf(Guid id) => $"urn:uuid:{id}";

    /// <summary>BCP 47 language of an item: <c>fr</c> or <c>en</c>.</summary>
    public static string LanguageOf(Locale locale) => Json.Name(locale);

    /// <summary>Who publishes everything delivered here.</summary>
    public static readonly JsonLdOrganization Publisher = new() { Name = "Vivapolis" };
}
