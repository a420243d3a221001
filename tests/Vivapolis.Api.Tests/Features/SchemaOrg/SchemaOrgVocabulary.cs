using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vivapolis.Api.Tests.Features.SchemaOrg;

/// <summary>
/// The part of the schema.org vocabulary our JSON-LD uses (schema-org-vocabulary.json, extracted from a schema.org
/// release by extract-vocabulary.py beside it), and the checks a JSON-LD node must pass against it: known classes,
/// properties used on a class they belong to (domainIncludes), values of a type they accept (rangeIncludes), and
/// enumeration values that are members.
/// </summary>
public sealed class SchemaOrgVocabulary
{
    public const string Context = "https://schema.org";

    private static readonly Lazy<SchemaOrgVocabulary> Loaded = new(() => new SchemaOrgVocabulary(
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "SchemaOrg", "schema-org-vocabulary.json")))!.AsObject()));

    public static SchemaOrgVocabulary Current => Loaded.Value;

    /// <summary>The schema.org data types a JSON string may stand for.</summary>
    private static readonly string[] TextTypes = ["Text", "URL", "Date", "DateTime", "Time"];

    private readonly JsonObject _classes, _properties, _enumerations;

    private SchemaOrgVocabulary(JsonObject vocabulary)
    {
        Source = vocabulary["source"]!.GetValue<string>();
        _classes = vocabulary["classes"]!.AsObject();
        _properties = vocabulary["properties"]!.AsObject();
        _enumerations = vocabulary["enumerations"]!.AsObject();
    }

    public string Source { get; }

    /// <summary>Every problem of a top-level node and of the nodes in it; empty when it is valid.</summary>
    public List<string> Check(JsonObject node)
    {
        var problems = new List<string>();
        if (node["@context"]?.GetValue<string>() != Context) problems.Add($"@context is {node["@context"]}, not {Context}");
        CheckNode(node, "$", problems);
        return problems;
    }

    /// <summary>A class and every class above it: Event → Event, Thing.</summary>
    public IReadOnlySet<string> Ancestors(string type)
    {
        var all = new HashSet<string>();
        var todo = new Stack<string>([type]);
        while (todo.TryPop(out var name))
            if (all.Add(name) && _classes[name] is JsonObject known)
                foreach (var parent in known["subClassOf"]!.AsArray()) todo.Push(parent!.GetValue<string>());
        return all;
    }

    private void CheckNode(JsonObject node, string path, List<string> problems)
    {
        var type = node["@type"]?.GetValue<string>();
        if (type is null || _classes[type] is null)
        {
            problems.Add($"{path}: @type {type ?? "(none)"} is not a class of {Source} (add it to extract-vocabulary.py)");
            return;
        }
        var classes = Ancestors(type);
        foreach (var (name, value) in node)
        {
            if (name.StartsWith('@')) continue;
            var here = $"{path}.{name}";
            if (_properties[name] is not JsonObject property)
            {
                problems.Add($"{here}: no property {name} in the extract of {Source} (add it to extract-vocabulary.py, if schema.org has it)");
                continue;
            }
            var domains = Strings(property["domainIncludes"]);
            if (!domains.Overlaps(classes)) problems.Add($"{here}: {name} is a property of {string.Join(", ", domains)}, not of {type}");
            if (value is null) problems.Add($"{here}: null (leave absent values out)");
            else foreach (var (item, i) in (value as JsonArray)?.Select((v, i) => (v, i)) ?? [(value, -1)])
                CheckValue(item!, i < 0 ? here : $"{here}[{i}]", name, Strings(property["rangeIncludes"]), problems);
        }
    }

    private void CheckValue(JsonNode value, string path, string property, IReadOnlySet<string> ranges, List<string> problems)
    {
        switch (value)
        {
            case JsonObject nested:
                var type = nested["@type"]?.GetValue<string>() ?? "(none)";
                if (!Ancestors(type).Overlaps(ranges)) problems.Add($"{path}: a {type} where {property} takes {string.Join(", ", ranges)}");
                CheckNode(nested, path, problems);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                var enumeration = ranges.FirstOrDefault(r => _enumerations[r] is not null);
                if (enumeration is not null)
                {
                    var members = Strings(_enumerations[enumeration]);
                    if (!text.StartsWith($"{Context}/", StringComparison.Ordinal) || !members.Contains(text[(Context.Length + 1)..]))
                        problems.Add($"{path}: {text} is not one of {enumeration}: {string.Join(", ", members)}");
                }
                else if (!ranges.Overlaps(TextTypes)) problems.Add($"{path}: text where {property} takes {string.Join(", ", ranges)}");
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                if (!ranges.Contains("Number")) problems.Add($"{path}: a number where {property} takes {string.Join(", ", ranges)}");
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                if (!ranges.Contains("Boolean")) problems.Add($"{path}: a boolean where {property} takes {string.Join(", ", ranges)}");
                break;
            default:
                problems.Add($"{path}: {value.ToJsonString()} is no JSON-LD value");
                break;
        }
    }

    private static HashSet<string> Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToHashSet();
}
