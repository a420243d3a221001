using System.Text.Json;
using System.Text.Json.Serialization;

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
        return options;
    }

    /// <summary>An enum's name in the contract ("in_review"), for SQL over stored JSON.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, Options).Trim('"');
}
