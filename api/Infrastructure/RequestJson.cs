using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Metadata;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// How request bodies are read, for every endpoint at once: exactly the contract, or a 400 that names the field.
/// Responses keep <see cref="Json.Options"/>; these rules only ever apply to what clients send.
/// </summary>
public static partial class RequestJson
{
    public static readonly JsonSerializerOptions Options = Strict(Json.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    private static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        // A field the contract does not have (status, createdBy, id, publishedAt…) is refused, never silently
        // dropped: a client that thinks it set something learns that it did not.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"title": "a", "title": "b"}: parsers disagree on which one wins, so neither does.
        options.AllowDuplicateProperties = false;
        // null where the contract has no null ("title": null, "themes": null) is refused by the reader, with the field.
        options.RespectNullableAnnotations = true;
        // Numbers are JSON numbers ("12" is not 12), and ±Infinity is no number (see FiniteNumbers).
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new ContractEnums());
        options.Converters.Add(new PlainText());
        options.Converters.Add(new FiniteNumbers());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NoNullItems } };
        return options;
    }

    /// <summary>
    /// FastEndpoints' body reader. An operation that documents no body takes none: a body sent anyway is not read,
    /// so it cannot fill the route and header properties of the request object (the id, If-Match) behind the
    /// client's back. A body of <c>null</c> is not an object.
    /// </summary>
    public static async ValueTask<object?> ReadAsync(HttpRequest request, Type type, JsonSerializerContext? context, CancellationToken ct)
    {
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null) return null;
        return await request.ReadFromJsonAsync(type, Options, ct) ?? throw new NotAnObject();
    }

    /// <summary>
    /// An operation that takes a JSON body, sent none: a 400 that says the body is empty (Content-Length: 0, or no
    /// length at all), whatever the Content-Type said. Sent a body without a Content-Type: FastEndpoints answers 415
    /// with an empty body; this says the same as a problem, like every other refusal.
    /// </summary>
    public static WebApplication UseJsonBodyRequirement(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false, ContentTypes: { Count: > 0 } types }
                && !types.Contains("*/*"))
            {
                if (IsEmpty(http.Request))
                    throw new FluentValidation.ValidationException([new ValidationFailure("body", EmptyBodyMessage) { ErrorCode = "empty" }]);
                if (!http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentType))
                    throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, Problems.Title(415), Text.Of(
                        "Cette opération attend un corps JSON (Content-Type: application/json).",
                        "This operation takes a JSON body (Content-Type: application/json)."));
            }
            await next();
        });
        return app;
    }

    public static string EmptyBodyMessage => Text.Of(
        "Le corps de la requête est vide : cette opération attend un objet JSON (Content-Type: application/json).",
        "The request body is empty: this operation takes a JSON object (Content-Type: application/json).");

    /// <summary>Content-Length: 0, or (HTTP/1.1) neither a length nor chunked framing: there is no body to read.</summary>
    private static bool IsEmpty(HttpRequest request) =>
        request.ContentLength == 0
        || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };

    /// <summary>A body an endpoint reads itself (an optional one), with the same rules and the same 400 as a bound body.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(Options, ct) ?? throw new NotAnObject();
        }
        catch (JsonException e)
        {
            throw new FluentValidation.ValidationException([Failure(e)]);
        }
    }

    /// <summary>True when the text holds a control character other than tab, carriage return or line feed.</summary>
    public static bool HasControlCharacters(string? text)
    {
        if (text is null) return false;
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return true;
        return false;
    }

    /// <summary>FastEndpoints' JSON failure: the field the reader stopped at, and a sentence that says why.</summary>
    public static ValidationFailure Failure(JsonException e)
    {
        var message = e.Message;
        var field = e.Path is null or "$" || message.Contains("maximum configured depth", StringComparison.Ordinal) ? "body"
            : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path[1..];
        // A required field left out: the reader names it in its message ("… missing required properties including: 'locale'.").
        var missing = MissingProperty().Match(message);
        if (missing.Success)
            return new ValidationFailure(field == "body" ? missing.Groups[1].Value : $"{field}.{missing.Groups[1].Value}",
                Text.Of("Ce champ est obligatoire.", "This field is required.")) { ErrorCode = "required" };
        var (french, english) = e switch
        {
            ControlCharacters => (ControlCharactersFr, ControlCharactersEn),
            NullItems => ("Cette liste ne peut pas contenir null.", "This list cannot contain null."),
            NotAnObject => ("Le corps de la requête doit être un objet JSON.", "The request body must be a JSON object."),
            UnknownValue u => ($"Valeur inconnue. Valeurs permises : {u.Allowed}.", $"Unknown value. Allowed values: {u.Allowed}."),
            // The reader's own failures, told apart by their (English-only) messages.
            _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => (
                "Ce champ n'existe pas dans le contrat : retirez-le (les champs gérés par le système, comme status ou createdBy, ne s'envoient pas).",
                "This field is not in the contract: remove it (fields the system keeps, such as status or createdBy, are not sent)."),
            _ when message.StartsWith("Duplicate property", StringComparison.Ordinal) => ("Ce champ apparaît deux fois.", "This field appears twice."),
            _ when message.Contains("null values", StringComparison.Ordinal) => (
                "Ce champ ne peut pas être null : omettez-le ou donnez-lui une valeur.", "This field cannot be null: leave it out or give it a value."),
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => ("Le JSON est trop imbriqué.", "The JSON is nested too deeply."),
            _ => ("Valeur illisible : le JSON est mal formé ou ce champ n'a pas le bon type.",
                  "Unreadable value: the JSON is malformed or this field has the wrong type."),
        };
        return new ValidationFailure(field, Text.Of(french, english)) { ErrorCode = "json" };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"missing required properties including: '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingProperty();

    private const string ControlCharactersFr = "Ce texte contient des caractères de contrôle : seuls la tabulation et les retours à la ligne sont permis.";
    private const string ControlCharactersEn = "This text contains control characters: only tabs and line breaks are allowed.";

    /// <summary>The message of a query, route or header value refused for its control characters.</summary>
    public static string ControlCharactersMessage => Text.Of(ControlCharactersFr, ControlCharactersEn);

    private sealed class ControlCharacters() : JsonException("control characters");

    private sealed class NullItems() : JsonException("null item");

    private sealed class NotAnObject() : JsonException("not an object");

    private sealed class UnknownValue(Type enumType) : JsonException("unknown value")
    {
        public string Allowed { get; } = string.Join(", ", Enum.GetValues(enumType).Cast<object>()
            .Select(v => JsonSerializer.Serialize(v, enumType, Json.Options).Trim('"')));
    }

    /// <summary>
    /// Every string of every request: control characters are refused (PostgreSQL cannot store NUL in jsonb, and
    /// the others have no place in content), so the rule holds for every field, nested or in a list.
    /// </summary>
    private sealed class PlainText : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!; // a number or an object throws here, as without this converter
            return HasControlCharacters(text) ? throw new ControlCharacters() : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }

    /// <summary>1e309 reads as Infinity by default; no field of ours takes it, and it could not be written back.</summary>
    private sealed class FiniteNumbers : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDouble();
            return double.IsFinite(value) ? value : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>
    /// Enums by their contract names only: not by number ("locale": 1), not in another case ("FR"), and not as
    /// a comma-separated list ("fr, en"), which the framework's converter reads as flags even for plain enums.
    /// </summary>
    private sealed class ContractEnums : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter _names = new(namingPolicy: null, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ByName<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options))!;

        private sealed class ByName<T>(JsonConverter names) : JsonConverter<T> where T : struct, Enum
        {
            private readonly JsonConverter<T> _names = (JsonConverter<T>)names;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.String || reader.GetString()!.Contains(',')) throw new UnknownValue(typeof(T));
                try
                {
                    return _names.Read(ref reader, typeToConvert, options);
                }
                catch (JsonException)
                {
                    throw new UnknownValue(typeof(T));
                }
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _names.Write(writer, value, options);
        }
    }

    /// <summary>
    /// Lists never hold null ("authors": [null]): nullable annotations do not reach list items, so each list
    /// property checks its items when it is set.
    /// </summary>
    private static void NoNullItems(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set || !IsListOfReferences(property.PropertyType)) continue;
            property.Set = (target, value) =>
            {
                if (value is IEnumerable items && items.Cast<object?>().Any(i => i is null)) throw new NullItems();
                set(target, value);
            };
        }
    }

    private static bool IsListOfReferences(Type type) =>
        type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable))
        && (type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments()[0] : typeof(object)) is { IsValueType: false };
}
