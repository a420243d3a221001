using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Vivapolis.Api.Infrastructure;

public static class Json
{
    /// <summary>The options of every JSON body we write: camelCase, enums as their lowercase contract names.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 32;
        // Text a client sent can come back (a search query, a value named in a problem): < > & ' " are written as
        // \u escapes, so that no response carries markup as is, even to a client that mistakes JSON for HTML.
        // Letters stay readable (ASP.NET's default, "unsafe relaxed" escaping, leaves markup as it is).
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        return options;
    }

    /// <summary>An enum's name in the contract ("in_review"), for SQL over stored JSON.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, Options).Trim('"');

    /// <summary>The enum value a contract name stands for (the reverse of <see cref="Name{TEnum}"/>).</summary>
    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        JsonSerializer.Deserialize<TEnum>($"\"{name}\"", Options);
}
