using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Vivapolis.Api.Tests.Infrastructure.Contract;

namespace Vivapolis.Api.Tests.Security;

/// <summary>
/// One hostile variant of a valid request: a single thing changed, so that a refusal is known to come from it.
/// </summary>
/// <param name="Kind">The family of the case, for the summary table ("field: huge", "path: invalid uuid").</param>
/// <param name="Target">What was changed: a body field (<c>venue.latitude</c>), <c>{id}</c>, <c>?limit</c>, a header.</param>
/// <param name="Value">The hostile value, shortened for display.</param>
/// <param name="MayAnswer200">
/// True only for injection-like text in a declared free-text query parameter of a read, where finding nothing is a
/// fine answer; the body must then not carry the payload unescaped.
/// </param>
/// <param name="Payload">Text that must never come back raw in a response body.</param>
public sealed record HostileCase(string Kind, string Target, string Value, PreparedRequest Request, bool MayAnswer200 = false, string? Payload = null)
{
    /// <summary>
    /// The refusals that say the change itself was refused: a 409 or a 412 to a body change would only say that the
    /// request failed for another reason, and hide whether the change would have been accepted.
    /// </summary>
    public IReadOnlySet<int> Refusals { get; init; } = BodyRefusals;

    public static readonly IReadOnlySet<int> BodyRefusals = new HashSet<int> { 400, 413, 415 };
    public static readonly IReadOnlySet<int> PathRefusals = new HashSet<int> { 400, 404 };
    public static readonly IReadOnlySet<int> QueryRefusals = new HashSet<int> { 400, 404 };
    public static readonly IReadOnlySet<int> IfMatchRefusals = new HashSet<int> { 400, 412, 428 };
}

/// <summary>
/// Derives the hostile cases of one operation from its contract (types, formats, enums, bounds, required fields)
/// and one valid request, made by its recipe.
/// </summary>
public static class HostileCases
{
    public const int HugeText = 300_000; // over any string bound, and the body still under the 1 MiB limit
    public const int HugeList = 1_000;
    public const int Nesting = 200;
    public const int OverSizeLimit = 1024 * 1024 + 1; // the API's default body limit is 1 MiB

    public static readonly string[] Sql = ["' OR 1=1 --", "'); DROP TABLE x; --"];
    public static readonly string[] JsonPath = ["$.notes", "@.email", "..*"];
    public static readonly string[] Scripts = ["<script>alert(1)</script>", "javascript:alert(1)"];
    public static readonly string[] Traversal = ["../../../../etc/passwd"];
    public static readonly (string Name, string Text)[] ControlCharacters = [("NUL", "\u0000"), ("ESC", "\u001b"), ("BEL", "\u0007")];

    /// <summary>Required fields the API fills with their documented default when they come blank (see the Normalize methods).</summary>
    private static readonly HashSet<string> BlankMeansDefault = ["timeZone", "territory.country", "venue.country"];

    private static readonly IReadOnlySet<int> EmptyBodyRefusals = new HashSet<int> { 400 };

    public static IEnumerable<HostileCase> For(PreparedRequest valid, IReadOnlySet<string> freeTextParameters)
    {
        var operation = valid.Operation;
        if (operation.Body is { } schema)
            foreach (var c in BodyCases(valid, schema)) yield return c;
        if (operation.Form is { } form && valid.Form is { } parts)
            foreach (var c in FormCases(valid, form, parts)) yield return c;
        foreach (var parameter in operation.In(ParameterLocation.Path))
            foreach (var c in PathCases(valid, parameter)) yield return c with { Refusals = HostileCase.PathRefusals };
        foreach (var parameter in operation.In(ParameterLocation.Query))
        {
            // A preview token that is not one is a 401, like an expired one.
            var refusals = parameter.Name == "preview" ? HostileCase.QueryRefusals.Append(401).ToHashSet() : HostileCase.QueryRefusals;
            foreach (var c in QueryCases(valid, parameter, freeTextParameters.Contains(parameter.Name))) yield return c with { Refusals = refusals };
        }
        foreach (var parameter in operation.In(ParameterLocation.Header).Where(p => p.Name == "If-Match"))
            foreach (var c in IfMatchCases(valid)) yield return c with { Refusals = HostileCase.IfMatchRefusals };
    }

    // ---- body ------------------------------------------------------------------------------------------------

    private static IEnumerable<HostileCase> BodyCases(PreparedRequest valid, SchemaView schema)
    {
        // Sign-in refuses what it cannot match with a 401, whatever was wrong with it.
        // Anonymous operations take credentials: a wrong one is a 401, and repeated failed sign-ins are slowed (429).
        var refusals = valid.Operation.RequiresBearer ? HostileCase.BodyRefusals : HostileCase.BodyRefusals.Concat([401, 429]).ToHashSet();
        foreach (var c in BodyCasesOf(valid, schema)) yield return c with { Refusals = refusals };
        if (valid.Operation.BodyRequired)
        {
            // No body, or a JSON one of Content-Length 0: a 400 that says the body is empty, never a 415. (Anonymous
            // operations: the rate limit answers before anything reads the body.)
            var empty = valid.Operation.RequiresBearer ? EmptyBodyRefusals : EmptyBodyRefusals.Append(429).ToHashSet();
            yield return new HostileCase("body: missing", "(body)", "(none)", valid.WithBody(null)) { Refusals = empty };
            yield return new HostileCase("body: empty", "(body)", "Content-Length: 0", valid.WithRawBody("")) { Refusals = empty };
        }
    }

    private static IEnumerable<HostileCase> BodyCasesOf(PreparedRequest valid, SchemaView schema)
    {
        var body = valid.Body as JsonObject ?? new JsonObject();
        HostileCase Raw(string kind, string text) => new("body: " + kind, "(body)", Show(text), valid.WithRawBody(text));

        yield return Raw("malformed JSON", "{\"title\":");
        yield return Raw("malformed JSON", "{");
        yield return Raw("malformed JSON", "{'title': 'x'}");
        yield return Raw("malformed JSON", body.ToJsonString().TrimEnd('}') + ",}");
        yield return Raw("malformed JSON", body.ToJsonString() + body.ToJsonString());
        foreach (var notAnObject in new[] { "[]", "\"x\"", "42", "null", "true" })
            yield return Raw("not an object", notAnObject);
        yield return Raw("deep nesting", new string('[', Nesting) + new string(']', Nesting));
        yield return Raw("deep nesting", string.Concat(Enumerable.Repeat("{\"a\":", Nesting)) + "1" + new string('}', Nesting));
        if (body.FirstOrDefault() is { Key: { } first })
            yield return Raw("deep nesting", Replace(body, first, new string('[', Nesting) + new string(']', Nesting)));
        yield return Raw("over the size limit", "{\"title\":\"" + new string('a', OverSizeLimit) + "\"}");
        yield return new("body: wrong media type", "(body)", "text/plain", valid with { MediaType = "text/plain" });

        JsonObject Added(string name, JsonNode? value)
        {
            var copy = body.DeepClone().AsObject();
            copy[name] = value;
            return copy;
        }
        var unknown = new (string Name, JsonNode? Value)[]
        {
            ("status", "published"), ("createdBy", "mallory@example.org"), ("id", Guid.NewGuid().ToString()),
            ("publishedAt", "2020-01-01T00:00:00Z"), ("version", 99), ("Status", "published"),
            ("__proto__", new JsonObject { ["isAdmin"] = true }), ("constructor", new JsonObject { ["prototype"] = new JsonObject() }),
            ("$where", "1 == 1"),
        };
        foreach (var (name, value) in unknown.Where(u => !schema.Properties.ContainsKey(u.Name)))
            yield return new("body: unknown field", name, Show(value), valid.WithBody(Added(name, value)));
        // The same in every nested object, positional records included.
        foreach (var field in BodyField.Of(schema, body).Where(f => f.Schema.Is(JsonSchemaType.Object) && f.Current is JsonObject))
        {
            if (field.Schema.Properties.ContainsKey("internalNotes")) continue;
            var copy = body.DeepClone();
            BodyField.Set(copy, [.. field.Path, "internalNotes"], "injected");
            yield return new("body: unknown field", field.Display + ".internalNotes", "\"injected\"", valid.WithBody(copy));
        }
        if (body.FirstOrDefault(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String) is { Key: { } text } duplicated)
        {
            yield return Raw("duplicate field", "{" + JsonSerializer.Serialize(text) + ":" + duplicated.Value!.ToJsonString() + "," + body.ToJsonString()[1..]);
            yield return Raw("invalid unicode", Replace(body, text, "\"\\ud800\""));
        }

        foreach (var field in BodyField.Of(schema, body))
            foreach (var c in FieldCases(valid, body, field)) yield return c;
    }

    private static IEnumerable<HostileCase> FieldCases(PreparedRequest valid, JsonObject body, BodyField field)
    {
        HostileCase Case(string kind, JsonNode? value) =>
            new("field: " + kind, field.Display, Show(value), valid.WithBody(field.With(body, value)));
        var schema = field.Schema;
        var type = schema.Type;

        foreach (var wrong in WrongTypes(type)) yield return Case("wrong type", wrong);
        if (!schema.Nullable) yield return Case("null", null);

        if (type == JsonSchemaType.String)
        {
            var text = field.Text();
            if (field.Required && !BlankMeansDefault.Contains(field.Display))
            {
                yield return Case("empty", "");
                yield return Case("blank", "   ");
            }
            var huge = (schema.MaxLength ?? HugeText - 1) + 1;
            yield return Case("huge", text + new string('a', Math.Max(1, huge - text.Length)));
            foreach (var (name, control) in ControlCharacters)
                yield return Case("control character", text.Length > 1 ? text[..1] + control + text[1..] : text + control) with { Value = name };
            if (field.IsShaped)
            {
                foreach (var sql in Sql) yield return Case("SQL", sql);
                foreach (var path in JsonPath) yield return Case("JSON path", path);
                foreach (var script in Scripts) yield return Case("script", script);
                foreach (var traversal in Traversal) yield return Case("path traversal", traversal);
            }
        }
        if (type is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            foreach (var number in new[] { "1e309", "-1e309", "9223372036854775808" })
                yield return Case("out of range", JsonNode.Parse(number));
            if (type == JsonSchemaType.Integer)
            {
                yield return Case("out of range", JsonValue.Create(1.5m));
                yield return Case("out of range", JsonValue.Create(-2147483649L));
            }
            if (schema.Minimum is { } min) yield return Case("out of range", JsonValue.Create(min - 1));
            if (schema.Maximum is { } max) yield return Case("out of range", JsonValue.Create(max + 1));
        }
        if (type == JsonSchemaType.Array && field.Current is JsonArray list)
        {
            var count = (schema.MaxItems ?? HugeList - 1) + 1;
            var first = list.Count > 0 ? list[0] : null;
            var many = new JsonArray(Enumerable.Range(0, count).Select(i => Distinct(first, schema.Items, i)).ToArray());
            yield return Case("huge list", many) with { Value = $"{count} items" };
        }
    }

    private static IEnumerable<JsonNode?> WrongTypes(JsonSchemaType type) => type switch
    {
        JsonSchemaType.String => [42, true, new JsonArray(), new JsonObject()],
        JsonSchemaType.Integer => ["12", true, new JsonArray(), new JsonObject()],
        JsonSchemaType.Number => ["12.5", true, new JsonArray(), new JsonObject()],
        JsonSchemaType.Boolean => ["true", 1, new JsonArray(), new JsonObject()],
        JsonSchemaType.Array => ["x", 42, true, new JsonObject()],
        JsonSchemaType.Object => ["x", 42, true, new JsonArray()],
        _ => [],
    };

    /// <summary>The i-th element of a long list: distinct from the others, so no clean-up can fold the list away.</summary>
    public static JsonNode? Distinct(JsonNode? first, SchemaView? items, int i) => items?.Type switch
    {
        JsonSchemaType.String when items.Format == "uuid" => Guid.NewGuid().ToString(),
        JsonSchemaType.String => (first is JsonValue v && v.TryGetValue<string>(out var s) ? s : "x") + "-" + i,
        _ => first?.DeepClone(),
    };

    // ---- multipart/form-data (uploads) ------------------------------------------------------------------------

    /// <summary>Over any upload limit the contract states (20 MiB for images).</summary>
    public const int HugeFile = 32 * 1024 * 1024;

    /// <summary>Files that are not what they say: script in an SVG, text named .jpg, an empty file, half of the real one.</summary>
    private static IEnumerable<(string Kind, FormPart Part)> HostileFiles(FormPart valid)
    {
        yield return ("SVG with script", valid with
        {
            Bytes = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            FileName = "logo.svg", ContentType = "image/svg+xml",
        });
        yield return ("text named .jpg", valid with { Bytes = Encoding.UTF8.GetBytes("Ceci n'est pas une image."), FileName = "photo.jpg", ContentType = "image/jpeg" });
        yield return ("HTML named .png", valid with { Bytes = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), FileName = "x.png", ContentType = "image/png" });
        yield return ("empty file", valid with { Bytes = [] });
        yield return ("truncated", valid with { Bytes = valid.Bytes[..(valid.Bytes.Length / 2)] });
        yield return ("huge", valid with { Bytes = new byte[HugeFile] });
        yield return ("path in the name", valid with { Bytes = Encoding.UTF8.GetBytes("not an image"), FileName = "../../../../etc/passwd" });
    }

    private static IEnumerable<HostileCase> FormCases(PreparedRequest valid, SchemaView schema, IReadOnlyList<FormPart> parts)
    {
        HostileCase Case(string kind, string target, string value, IEnumerable<FormPart> changed) =>
            new("form: " + kind, target, value, valid.WithForm([.. changed]));
        IEnumerable<FormPart> Replace(FormPart old, FormPart replacement) => parts.Select(p => p == old ? replacement : p);

        foreach (var required in schema.Required)
            if (parts.FirstOrDefault(p => p.Name == required) is { } part)
                yield return Case("missing field", required, "(none)", parts.Where(p => p != part));
        foreach (var unknown in new[] { "status", "createdBy", "id", "__proto__" }.Where(u => !schema.Properties.ContainsKey(u)))
            yield return Case("unknown field", unknown, "\"x\"", [.. parts, FormPart.Text(unknown, "published")]);
        foreach (var part in parts)
        {
            yield return Case("duplicate field", part.Name, "twice", [.. parts, part]);
            var field = schema.Properties.GetValueOrDefault(part.Name);
            if (part.FileName is not null)
            {
                foreach (var (kind, file) in HostileFiles(part))
                    yield return Case("hostile file", part.Name, kind, Replace(part, file));
                continue;
            }
            var text = Encoding.UTF8.GetString(part.Bytes);
            yield return Case("huge", part.Name, "over its bound", Replace(part, FormPart.Text(part.Name, text + new string('a', (field?.MaxLength ?? 10_000) + 1))));
            foreach (var (name, control) in ControlCharacters)
                yield return Case("control character", part.Name, name, Replace(part, FormPart.Text(part.Name, text + control)));
            yield return Case("invalid UTF-8", part.Name, "0xC3 0x28", Replace(part, part with { Bytes = [0xC3, 0x28] }));
        }
        yield return new("form: wrong media type", "(body)", "application/json", valid.WithRawBody("{\"file\":\"x\"}") with { MediaType = "application/json" });
        yield return new("form: wrong media type", "(body)", "text/plain", valid.WithRawBody("file=x") with { MediaType = "text/plain" });
        yield return new("form: no boundary", "(body)", "multipart/form-data", valid.WithRawBody("--x\r\n\r\n") with { MediaType = "multipart/form-data" });
    }

    // ---- path, query, headers --------------------------------------------------------------------------------

    private static IEnumerable<HostileCase> PathCases(PreparedRequest valid, ApiParameter parameter)
    {
        var target = "{" + parameter.Name + "}";
        HostileCase Case(string kind, string value) => new("path: " + kind, target, Show(value), valid.WithPath(parameter.Name, value));
        HostileCase Encoded(string kind, string encoded) => new("path: " + kind, target, encoded, valid.WithEncodedPath(parameter.Name, encoded));

        if (parameter.Schema.Format == "uuid")
        {
            foreach (var value in new[] { "not-a-uuid", "' OR 1=1--", new string('a', 10_000), "00000000-0000-0000-0000-000000000000" })
                yield return Case("invalid uuid", value);
            yield return Encoded("invalid uuid", "%00");
            yield return Encoded("invalid uuid", "..%2F..%2Fadmin");
        }
        else if (parameter.Schema.Is(JsonSchemaType.Integer))
        {
            foreach (var value in new[] { "-1", "0", "9223372036854775808", "abc", "1.5", new string('9', 10_000) })
                yield return Case("out-of-range version", value);
        }
        else
        {
            foreach (var value in Sql.Concat(Scripts).Concat(JsonPath).Append(new string('a', 10_000)))
                yield return Case("hostile slug", value);
            foreach (var encoded in new[] { "..%2F..%2Fetc%2Fpasswd", "%00", "%1B", "%07", "a%0D%0Ab" })
                yield return Encoded("hostile slug", encoded);
        }
    }

    private static IEnumerable<HostileCase> QueryCases(PreparedRequest valid, ApiParameter parameter, bool freeText)
    {
        var target = "?" + parameter.Name;
        var schema = parameter.Schema;
        HostileCase Case(string kind, string value, bool mayAnswer200 = false) =>
            new("query: " + kind, target, Show(value), valid.WithQuery(parameter.Name, value), mayAnswer200, value);

        foreach (var (name, control) in ControlCharacters)
            yield return Case("control character", "a" + control + "b") with { Value = name };
        yield return Case("huge", new string('a', 10_000));

        if (schema.Is(JsonSchemaType.Integer))
        {
            foreach (var value in new[] { "0", "-1", "100000", "9223372036854775808", "abc", "1.5" })
                yield return Case("out of range", value);
            yield break;
        }
        if (schema.Enum.Count > 0)
        {
            foreach (var value in new[] { "unknown", "1", "FR, EN" }) yield return Case("unknown enum value", value);
        }
        if (schema.Format == "date-time")
        {
            foreach (var value in new[] { "not-a-date", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00" })
                yield return Case("bad date", value);
        }
        if (parameter.Name == "cursor")
        {
            foreach (var value in new[] { "abc", new string('/', 32), new string('-', 32), OutOfRangeCursor() })
                yield return Case("bad cursor", value);
        }
        // Injection text: a free-text parameter may find nothing (200) as long as it never echoes the payload raw.
        foreach (var (kind, values) in new[] { ("SQL", Sql), ("JSON path", JsonPath), ("script", Scripts), ("path traversal", Traversal) })
            foreach (var value in values)
                yield return Case(kind, value, freeText);
    }

    /// <summary>A well-formed cursor whose sort key is past any time we issue (year 29,000).</summary>
    private static string OutOfRangeCursor()
    {
        var bytes = new byte[24];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, long.MaxValue);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static IEnumerable<HostileCase> IfMatchCases(PreparedRequest valid)
    {
        foreach (var value in new[] { "\"abc\"", "W/\"1\"", "*", new string('a', 10_000), "\"v0\"", "\"v-1\"", "\"v99999999999999999999\"", "\"v1\", \"v2\"" })
            yield return new("header: If-Match", "If-Match", Show(value), valid.WithHeader("If-Match", value));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>The body's text with one property's value replaced by raw JSON text (what JsonNode cannot write).</summary>
    private static string Replace(JsonObject body, string property, string rawValue)
    {
        const string marker = "\"__hostile__\"";
        var copy = body.DeepClone().AsObject();
        copy[property] = "__hostile__";
        return copy.ToJsonString().Replace(marker, rawValue);
    }

    private static string Show(JsonNode? value) => value is null ? "null" : Show(value.ToJsonString());

    public static string Show(string value)
    {
        var visible = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..30] : value)
            visible.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return value.Length > 40 ? $"{visible}… ({value.Length} chars)" : visible.ToString();
    }
}
