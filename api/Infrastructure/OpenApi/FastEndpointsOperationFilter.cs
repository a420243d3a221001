using System.Reflection;
using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Vivapolis.Api.Features.ApiKeys;

namespace Vivapolis.Api.Infrastructure.OpenApi;

/// <summary>
/// FastEndpoints shows ApiExplorer one opaque request DTO per endpoint. This filter reads the endpoint's own
/// definition and documents what the DTO really binds: route, query and header parameters, the summary, and
/// the credentials it requires (a bearer token, or an API key and its scopes). Bodies and responses are declared
/// on each endpoint (see <c>ManagementRoutes.Document</c>), so nothing is guessed here.
/// </summary>
public sealed partial class FastEndpointsOperationFilter : IOperationFilter
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var definition = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is null) return;

        operation.Summary = definition.EndpointSummary?.Summary ?? operation.Summary;
        if (!string.IsNullOrWhiteSpace(definition.EndpointSummary?.Description))
            operation.Description = definition.EndpointSummary.Description;
        operation.OperationId = definition.EndpointType.Name;
        operation.Tags = new HashSet<OpenApiTagReference> { new(TagOf(definition), context.Document) };

        var route = definition.Routes[0];
        var routeNames = RouteParameter().Matches(route).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        operation.Parameters ??= [];
        operation.Parameters.Clear();
        foreach (var property in definition.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var location = LocationOf(property, routeNames);
            if (location is null) continue;
            var name = property.GetCustomAttribute<FromHeaderAttribute>()?.HeaderName
                       ?? (location == ParameterLocation.Path ? routeNames.First(n => n.Equals(property.Name, StringComparison.OrdinalIgnoreCase))
                                                               : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository, memberInfo: property);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = location,
                Required = location == ParameterLocation.Path,
                Description = schema.Description,
                Schema = schema,
            });
        }

        operation.Security = [SecurityOf(definition, context)];
        operation.Responses ??= new OpenApiResponses();
        // Every operation is rate-limited (see RateLimits), and every one needs the database (see DatabaseOutage).
        operation.Responses.TryAdd("429", ComeBackLater("Too Many Requests: try again after the number of seconds in Retry-After.", context));
        operation.Responses.TryAdd("503", ComeBackLater(
            "Service Unavailable: the database cannot be reached for the moment; try again after the number of seconds in Retry-After.", context));
    }

    /// <summary>A refusal that says when to come back.</summary>
    private static OpenApiResponse ComeBackLater(string description, OperationFilterContext context) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next attempt.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            },
        },
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
            },
        },
    };

    /// <summary>
    /// Anonymous operations say so with an empty requirement, rather than by omission. Operations that name the
    /// API key scheme need a key, with the scopes their policies ask for; every other one, a bearer token.
    /// </summary>
    private static OpenApiSecurityRequirement SecurityOf(EndpointDefinition definition, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return new OpenApiSecurityRequirement();
        if (definition.AuthSchemeNames?.Contains(ApiKeyAuthentication.Scheme) != true)
            return new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
        var scopes = metadata.OfType<IAuthorizeData>().Select(a => ApiKeyAuthentication.Policies.ScopeOf(a.Policy))
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = scopes };
    }

    private static ParameterLocation? LocationOf(PropertyInfo property, HashSet<string> routeNames)
    {
        if (property.GetCustomAttribute<FromBodyAttribute>() is not null) return null;
        if (property.GetCustomAttribute<FromHeaderAttribute>() is not null) return ParameterLocation.Header;
        if (routeNames.Contains(property.Name)) return ParameterLocation.Path;
        if (property.GetCustomAttribute<QueryParamAttribute>() is not null) return ParameterLocation.Query;
        return null;
    }

    /// <summary>
    /// "/api/v1/manage/articles/{id}" → "articles"; the management and delivery sides share a tag per type. Outside
    /// /api/ (the feeds, the embedded agenda), the first segment: "/feeds/events.ics" → "feeds".
    /// </summary>
    private static string TagOf(EndpointDefinition definition)
    {
        var segments = definition.Routes[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments[0] != "api") return segments[0]; // /media/{hash}/{file} → "media", beside /api/v1/manage/media
        var index = segments.Length > 3 && segments[2] == "manage" ? 3 : 2;
        return index < segments.Length ? segments[index] : segments[^1];
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
