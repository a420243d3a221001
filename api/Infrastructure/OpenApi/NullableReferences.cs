using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Vivapolis.Api.Infrastructure.OpenApi;

/// <summary>
/// An optional object property (<c>CoverImage? Cover</c>) is a bare <c>$ref</c> in Swashbuckle's output, which
/// tells generators it is never null. In OpenAPI 3.1 it becomes <c>oneOf: [$ref, {type: null}]</c>.
/// </summary>
public sealed class NullableReferences : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var propertySchema) || propertySchema is not OpenApiSchemaReference reference) continue;
            if (Nullability.Create(property).ReadState != NullabilityState.Nullable) continue;
            properties[name] = new OpenApiSchema
            {
                Description = reference.Description,
                OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }],
            };
        }
    }
}
