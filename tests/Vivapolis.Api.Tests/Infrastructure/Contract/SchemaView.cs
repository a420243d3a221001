using System.Globalization;
using Microsoft.OpenApi;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>
/// A JSON schema of the contract as a test needs it: references followed, <c>oneOf: [$ref, null]</c> and
/// <c>type: [null, string]</c> read as "nullable", and the bounds (lengths, counts, range) as numbers.
/// </summary>
public sealed class SchemaView
{
    private static readonly SchemaView Anything = new(null, false);

    private readonly IOpenApiSchema? _schema;
    private readonly Lazy<IReadOnlyDictionary<string, SchemaView>> _properties;

    private SchemaView(IOpenApiSchema? schema, bool nullable)
    {
        _schema = schema;
        Nullable = nullable || (schema?.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
        _properties = new(() => (_schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .ToDictionary(p => p.Key, p => Of(p.Value)));
    }

    public static SchemaView Of(IOpenApiSchema? schema)
    {
        if (schema is null) return Anything;
        // An optional object: oneOf [the object, null].
        if (schema.OneOf is { Count: 2 } oneOf && oneOf.Count(s => s.Type == JsonSchemaType.Null) == 1)
            return new SchemaView(oneOf.Single(s => s.Type != JsonSchemaType.Null), nullable: true);
        return new SchemaView(schema, nullable: false);
    }

    /// <summary>The component name when the schema is a reference (<c>ArticleContent</c>, <c>Locale</c>).</summary>
    public string? Name => (_schema as OpenApiSchemaReference)?.Reference.Id;

    public bool Nullable { get; }

    /// <summary>The type without its null: exactly one of string, integer, number, boolean, array, object (or none).</summary>
    public JsonSchemaType Type => (_schema?.Type ?? 0) & ~JsonSchemaType.Null;

    public bool Is(JsonSchemaType type) => Type == type;

    public string? Format => _schema?.Format;

    public string? Pattern => _schema?.Pattern;

    public IReadOnlyList<string> Enum =>
        _schema?.Enum?.Select(e => e?.ToString() ?? "").ToList() ?? [];

    public int? MaxLength => _schema?.MaxLength;

    public int? MinLength => _schema?.MinLength;

    public int? MaxItems => _schema?.MaxItems;

    public decimal? Minimum => Number(_schema?.Minimum);

    public decimal? Maximum => Number(_schema?.Maximum);

    public IReadOnlyDictionary<string, SchemaView> Properties => _properties.Value;

    public IReadOnlySet<string> Required => new HashSet<string>(_schema?.Required ?? new HashSet<string>());

    public SchemaView? Items => _schema?.Items is { } items ? Of(items) : null;

    public override string ToString() => Name ?? (Format is null ? Type.ToString() : $"{Type} ({Format})");

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
