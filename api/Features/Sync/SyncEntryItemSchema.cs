using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Features.Sync;

/// <summary>
/// In the contract, a sync entry's <c>item</c> is one of the delivery shapes (the entry's <c>type</c> says which),
/// or null for a delete: generators then type it, instead of leaving it an untyped object.
/// </summary>
public sealed class SyncEntryItemSchema(ContentTypes types) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(SyncEntry) || schema is not OpenApiSchema { Properties: { } properties }) return;
        var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(nameof(SyncEntry.Item));
        properties[name] = new OpenApiSchema
        {
            Description = properties.TryGetValue(name, out var item) ? item.Description : null,
            OneOf =
            [
                .. types.All.Select(t => context.SchemaGenerator.GenerateSchema(t.Delivery, context.SchemaRepository)),
                new OpenApiSchema { Type = JsonSchemaType.Null },
            ],
        };
    }
}
