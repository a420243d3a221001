using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Api.Tests.Infrastructure;

namespace Vivapolis.Api.Tests.Features.ApiKeys;

/// <summary>The contract says which operations take an API key, in which header, with which scope.</summary>
public class ApiKeyContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private OpenApiDocument Document => api.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(OpenApiSetup.DocumentName);

    private static IEnumerable<string> SchemesOf(OpenApiOperation operation) =>
        operation.Security?.SelectMany(r => r.Keys.Select(s => s.Reference.Id!)) ?? [];

    [Fact]
    public void The_api_key_scheme_is_the_X_Api_Key_header_beside_bearer()
    {
        var schemes = Document.Components!.SecuritySchemes!;

        var apiKey = schemes[FastEndpointsOperationFilter.ApiKeyScheme];
        Assert.Equal(SecuritySchemeType.ApiKey, apiKey.Type);
        Assert.Equal(ParameterLocation.Header, apiKey.In);
        Assert.Equal("X-Api-Key", apiKey.Name);
        Assert.Equal(SecuritySchemeType.Http, schemes[FastEndpointsOperationFilter.BearerScheme].Type);
    }

    [Fact]
    public void The_change_feed_requires_an_api_key_with_sync_read()
    {
        var sync = Document.Paths["/api/v1/sync"].Operations![HttpMethod.Get];
        var (scheme, scopes) = Assert.Single(Assert.Single(sync.Security!));
        Assert.Equal(FastEndpointsOperationFilter.ApiKeyScheme, scheme.Reference.Id);
        Assert.Equal(["sync:read"], scopes);
    }

    [Fact]
    public void Preview_reads_require_an_api_key_with_preview_read_and_key_management_a_bearer_token()
    {
        var operations = Document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value))).ToList();
        var previews = operations.Where(o => o.Path.StartsWith("/api/v1/preview/", StringComparison.Ordinal)).ToList();
        var keys = operations.Where(o => o.Path.StartsWith("/api/v1/manage/api-keys", StringComparison.Ordinal)).ToList();

        var segments = api.Services.GetRequiredService<Vivapolis.Api.Content.ContentTypes>().All.Select(t => t.RouteSegment);
        Assert.Equal(segments.Order(), previews.Select(o => o.Path.Split('/')[4]).Order());
        Assert.All(previews, o =>
        {
            var requirement = Assert.Single(o.Operation.Security!);
            var (scheme, scopes) = Assert.Single(requirement);
            Assert.Equal(FastEndpointsOperationFilter.ApiKeyScheme, scheme.Reference.Id);
            Assert.Equal(["preview:read"], scopes);
        });
        Assert.Equal(4, keys.Count);
        Assert.All(keys, o => Assert.Equal([FastEndpointsOperationFilter.BearerScheme], SchemesOf(o.Operation)));
        // Anonymous reads still say so with an empty requirement.
        var delivery = Document.Paths["/api/v1/articles/{slug}"].Operations![HttpMethod.Get];
        Assert.Empty(Assert.Single(delivery.Security!));
    }
}
