using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>One parameter of an operation, as the contract declares it.</summary>
public sealed record ApiParameter(string Name, ParameterLocation In, bool Required, SchemaView Schema);

/// <summary>One operation of <c>openapi.yaml</c>: what a client may send it, as the contract says.</summary>
public sealed record ApiOperation(
    string OperationId,
    HttpMethod Method,
    string PathTemplate,
    IReadOnlyList<ApiParameter> Parameters,
    SchemaView? Body,
    bool BodyRequired,
    bool RequiresBearer)
{
    /// <summary>The fields of a multipart/form-data body (an upload), when the operation takes one.</summary>
    public SchemaView? Form { get; init; }

    public IEnumerable<ApiParameter> In(ParameterLocation location) => Parameters.Where(p => p.In == location);

    /// <summary>GET and HEAD read; everything else may change something.</summary>
    public bool IsWrite => Method != HttpMethod.Get && Method != HttpMethod.Head;

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}

/// <summary>
/// Every operation of the committed contract, read with Microsoft.OpenApi's own reader. Tests that must cover the
/// whole surface (the hostile-input sweep, role permissions) enumerate it, so a new operation is covered the day it
/// appears in <c>openapi.yaml</c>, or its test fails saying what is missing.
/// </summary>
public static class OperationCatalog
{
    private static readonly Lazy<IReadOnlyList<ApiOperation>> Loaded = new(Load);

    public static IReadOnlyList<ApiOperation> All => Loaded.Value;

    public static ApiOperation Find(string operationId) =>
        All.SingleOrDefault(o => o.OperationId == operationId)
        ?? throw new InvalidOperationException($"openapi.yaml has no operation {operationId}.");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vivapolis.Api.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Vivapolis.Api.sln not found above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<ApiOperation> Load()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryRoot(), "openapi.yaml"));
        return Read(file);
    }

    /// <summary>The operations of a YAML document, for instance the one the running app generates.</summary>
    public static IReadOnlyList<ApiOperation> FromYaml(string yaml)
    {
        using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        return Read(text);
    }

    private static IReadOnlyList<ApiOperation> Read(Stream yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var (document, diagnostic) = OpenApiDocument.LoadAsync(yaml, "yaml", settings).GetAwaiter().GetResult();
        if (document is null || diagnostic?.Errors.Count > 0)
            throw new InvalidOperationException("The OpenAPI document does not load: " +
                string.Join("; ", diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        return From(document);
    }

    private static IReadOnlyList<ApiOperation> From(OpenApiDocument document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths)
        foreach (var (method, operation) in item.Operations ?? [])
        {
            var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? [])
                .Select(p => new ApiParameter(p.Name!, p.In ?? ParameterLocation.Query, p.Required, SchemaView.Of(p.Schema)))
                .ToList();
            var body = operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true
                ? SchemaView.Of(json.Schema)
                : null;
            var form = operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var multipart) == true
                ? SchemaView.Of(multipart.Schema)
                : null;
            var bearer = operation.Security?.Any(r => r.Keys.Any(s => s.Reference.Id == "bearer")) == true;
            operations.Add(new ApiOperation(operation.OperationId ?? $"{method} {path}", method, path, parameters, body,
                operation.RequestBody?.Required == true, bearer) { Form = form });
        }
        return operations.OrderBy(o => o.OperationId, StringComparer.Ordinal).ToList();
    }
}
