using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Swashbuckle.AspNetCore.Swagger;
using Vivapolis.Api.Infrastructure.OpenApi;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>The contract gate: the committed openapi.yaml is what the app generates, and it reads cleanly.</summary>
public class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string UpdateArticle = "/api/v1/manage/articles/{id}";
    private const string ListPublishedArticles = "/api/v1/articles";

    private static string CommittedPath => Path.Combine(RepositoryRoot(), "openapi.yaml");

    private ISwaggerProvider Provider => api.Services.GetRequiredService<ISwaggerProvider>();

    [Fact]
    public async Task The_generated_document_equals_the_committed_openapi_yaml()
    {
        var generated = OpenApiSetup.ToYaml(Provider);
        var committed = await File.ReadAllTextAsync(CommittedPath, TestContext.Current.CancellationToken);

        Assert.True(generated == committed,
            "openapi.yaml is out of date: run `dotnet run --project api -- openapi` and commit the result.\n" +
            FirstDifference(committed, generated));
    }

    [Fact]
    public async Task The_committed_document_loads_without_errors_or_warnings()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var file = File.OpenRead(CommittedPath);

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(file, settings: settings,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}"));
        Assert.NotEmpty(document.Paths);
    }

    [Fact]
    public void Updating_documents_the_path_id_the_If_Match_header_the_content_body_and_the_precondition_problems()
    {
        var operation = Operation(UpdateArticle, HttpMethod.Put);

        var id = Assert.Single(operation.Parameters!, p => p.Name == "id");
        Assert.Equal(ParameterLocation.Path, id.In);
        Assert.True(id.Required);
        Assert.Equal(JsonSchemaType.String, id.Schema!.Type);
        Assert.Equal("uuid", id.Schema.Format);
        var ifMatch = Assert.Single(operation.Parameters!, p => p.Name == "If-Match");
        Assert.Equal(ParameterLocation.Header, ifMatch.In);

        var body = Assert.IsType<OpenApiSchemaReference>(operation.RequestBody!.Content!["application/json"].Schema);
        Assert.Equal("ArticleContent", body.Reference.Id);

        foreach (var status in new[] { "400", "412", "428" })
        {
            Assert.True(operation.Responses!.TryGetValue(status, out var response), $"no {status} response");
            Assert.True(response.Content!.ContainsKey("application/problem+json"), $"{status} is not a problem");
        }
    }

    [Fact]
    public void Listing_published_articles_documents_its_query_parameters_and_takes_no_body()
    {
        var operation = Operation(ListPublishedArticles, HttpMethod.Get);

        Assert.Null(operation.RequestBody);
        var query = operation.Parameters!.Where(p => p.In == ParameterLocation.Query).Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string?> { "limit", "cursor", "locale", "theme", "tag" }, query);
    }

    [Fact]
    public void Management_operations_require_a_bearer_token_and_delivery_operations_do_not()
    {
        var operations = Operations().ToList();
        var management = operations.Where(o => o.Path.StartsWith("/api/v1/manage/", StringComparison.Ordinal)).ToList();
        var delivery = operations.Where(o => !o.Path.StartsWith("/api/v1/manage/", StringComparison.Ordinal)
                                             && !o.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(management);
        Assert.NotEmpty(delivery);

        Assert.All(management, o => Assert.True(RequiresBearer(o.Operation), $"{o.Method} {o.Path} has no bearer requirement"));
        Assert.All(delivery, o => Assert.False(RequiresBearer(o.Operation), $"{o.Method} {o.Path} asks for a bearer token"));
    }

    [Fact]
    public void Every_operation_has_an_operation_id_and_every_4xx_response_is_a_problem()
    {
        var operations = Operations().ToList();
        Assert.NotEmpty(operations);

        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.OperationId), $"{o.Method} {o.Path} has no operationId"));
        var clientErrors = operations
            .SelectMany(o => o.Operation.Responses!.Where(r => r.Key.StartsWith('4')).Select(r => (o.Method, o.Path, Status: r.Key, Response: r.Value)))
            .ToList();
        Assert.NotEmpty(clientErrors);
        Assert.All(clientErrors, e => Assert.True(e.Response.Content?.ContainsKey("application/problem+json") == true,
            $"{e.Method} {e.Path} {e.Status} is not application/problem+json"));
    }

    private OpenApiOperation Operation(string path, HttpMethod method)
    {
        var document = Provider.GetSwagger(OpenApiSetup.DocumentName);
        Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not documented");
        Assert.True(item.Operations!.TryGetValue(method, out var operation), $"{method} {path} is not documented");
        return operation;
    }

    private IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations() =>
        Provider.GetSwagger(OpenApiSetup.DocumentName).Paths
            .SelectMany(p => p.Value.Operations!.Select(o => (p.Key, o.Key, o.Value)));

    private static bool RequiresBearer(OpenApiOperation operation) =>
        operation.Security?.Any(r => r.Keys.Any(s => s.Reference.Id == FastEndpointsOperationFilter.BearerScheme)) == true;

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "<end of file>";
            var g = i < got.Length ? got[i] : "<end of file>";
            if (w != g) return $"First difference at line {i + 1}:\n  committed: {w}\n  generated: {g}";
        }
        return "The files differ only in line endings.";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vivapolis.Api.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Vivapolis.Api.sln not found above {AppContext.BaseDirectory}.");
    }
}
