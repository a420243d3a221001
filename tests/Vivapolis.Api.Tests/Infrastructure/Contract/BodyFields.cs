using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>One field of a JSON body, found by walking its schema beside a valid example.</summary>
/// <param name="Path">Property names and list indexes from the root, as <see cref="Set"/> follows them.</param>
/// <param name="Required">Required by its object and not nullable (false for list items).</param>
/// <param name="Name">The property's name (for a list item, the list's).</param>
public sealed record BodyField(object[] Path, SchemaView Schema, JsonNode? Current, bool Required, string Name)
{
    /// <summary>Fields whose value has a shape (a slug, a URL, a code) even where the contract gives no format.</summary>
    public static readonly IReadOnlySet<string> ShapedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "slug", "email", "url", "onlineUrl", "registrationUrl", "phone", "timeZone", "regionCode", "country", "postalCode",
        "themes", "regions", "locale", "scopes", "events", "contentTypes",
        // Secrets: any other value of the same length is simply the wrong one.
        "currentPassword", "refreshToken", "resetToken",
    };

    /// <summary>The field as the API names it in a problem's <c>errors</c>: <c>interviewee.name</c>, <c>actors[0].kind</c>.</summary>
    public string Display
    {
        get
        {
            var text = new StringBuilder();
            foreach (var part in Path)
            {
                if (part is int index) text.Append('[').Append(index).Append(']');
                else text.Append(text.Length > 0 ? "." : "").Append(part);
            }
            return text.ToString();
        }
    }

    /// <summary>A value whose shape matters: a format, an enum, a pattern, or a name that says so.</summary>
    public bool IsShaped =>
        Schema.Format is "uuid" or "date-time" or "date" or "uri" or "email"
        || Schema.Enum.Count > 0 || Schema.Pattern is not null || ShapedNames.Contains(Name);

    /// <summary>The text the example holds here, or <paramref name="otherwise"/>.</summary>
    public string Text(string otherwise = "x") => Current is JsonValue v && v.TryGetValue<string>(out var s) ? s : otherwise;

    /// <summary>A deep copy of <paramref name="body"/> with this field set to <paramref name="value"/>.</summary>
    public JsonNode With(JsonNode body, JsonNode? value)
    {
        var copy = body.DeepClone();
        Set(copy, Path, value);
        return copy;
    }

    public static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < path.Length - 1; i++)
            parent = path[i] is int index ? parent[index]! : parent[(string)path[i]]!;
        if (path[^1] is int last) parent.AsArray()[last] = value;
        else parent.AsObject()[(string)path[^1]] = value;
    }

    /// <summary>Every field of a body: nested objects, and the first element of lists, included.</summary>
    public static IEnumerable<BodyField> Of(SchemaView schema, JsonNode? body) => Walk(schema, body, []);

    private static IEnumerable<BodyField> Walk(SchemaView schema, JsonNode? node, object[] path)
    {
        foreach (var (name, property) in schema.Properties)
        {
            var current = (node as JsonObject)?[name];
            object[] here = [.. path, name];
            yield return new BodyField(here, property, current, schema.Required.Contains(name) && !property.Nullable, name);
            if (property.Is(JsonSchemaType.Object) && current is JsonObject)
                foreach (var inner in Walk(property, current, here)) yield return inner;
            if (property.Is(JsonSchemaType.Array) && property.Items is { } items && current is JsonArray { Count: > 0 } list)
            {
                object[] element = [.. here, 0];
                if (items.Is(JsonSchemaType.Object))
                    foreach (var inner in Walk(items, list[0], element)) yield return inner;
                else
                    yield return new BodyField(element, items, list[0], false, name);
            }
        }
    }
}
