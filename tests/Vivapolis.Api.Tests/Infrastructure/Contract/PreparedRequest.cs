using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>One field of a multipart/form-data body: a file when it has a file name, else a text.</summary>
public sealed record FormPart(string Name, byte[] Bytes, string? FileName = null, string? ContentType = null)
{
    public static FormPart Text(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));

    public static FormPart File(string name, byte[] bytes, string fileName, string contentType) => new(name, bytes, fileName, contentType);
}

/// <summary>
/// A request to one operation, ready to send with any client: the path filled with real fixtures, the query, the
/// headers (If-Match with a current ETag) and a valid JSON body. Immutable: a test derives variants with the
/// <c>With…</c> methods (one hostile value at a time) and sends each with the client whose rights it judges.
/// </summary>
public sealed record PreparedRequest(ApiOperation Operation)
{
    /// <summary>Path parameters as they go in the URL, already percent-encoded.</summary>
    public ImmutableDictionary<string, string> Path { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Query parameters, encoded when sent.</summary>
    public ImmutableDictionary<string, string> Query { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The JSON body; never changed in place (variants deep-clone it).</summary>
    public JsonNode? Body { get; init; }

    /// <summary>A multipart/form-data body instead of JSON, for uploads; sent in this order.</summary>
    public ImmutableList<FormPart>? Form { get; init; }

    /// <summary>Text sent as the body instead of <see cref="Body"/>, for what is not JSON at all.</summary>
    public string? RawBody { get; init; }

    /// <summary>The Content-Type of the body.</summary>
    public string MediaType { get; init; } = "application/json";

    public PreparedRequest WithPath(string name, string value) => WithEncodedPath(name, Uri.EscapeDataString(value));

    public PreparedRequest WithEncodedPath(string name, string encoded) => this with { Path = Path.SetItem(name, encoded) };

    public PreparedRequest WithQuery(string name, string value) => this with { Query = Query.SetItem(name, value) };

    public PreparedRequest WithHeader(string name, string value) => this with { Headers = Headers.SetItem(name, value) };

    public PreparedRequest WithoutHeader(string name) => this with { Headers = Headers.Remove(name) };

    public PreparedRequest WithBody(JsonNode? body) => this with { Body = body, RawBody = null };

    public PreparedRequest WithRawBody(string text) => this with { Body = null, Form = null, RawBody = text };

    public PreparedRequest WithForm(params FormPart[] parts) =>
        this with { Body = null, RawBody = null, Form = [.. parts], MediaType = "multipart/form-data" };

    public string Url
    {
        get
        {
            var path = Operation.PathTemplate;
            foreach (var (name, value) in Path) path = path.Replace("{" + name + "}", value);
            if (path.Contains('{')) throw new InvalidOperationException($"{Operation}: path parameters left unfilled in {path}.");
            return Query.Count == 0
                ? path
                : path + "?" + string.Join('&', Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        }
    }

    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(Operation.Method, Url);
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        var text = RawBody ?? Body?.ToJsonString();
        if (text is not null) request.Content = new StringContent(text, Encoding.UTF8, MediaType);
        else if (Form is not null) request.Content = FormContent(Form);
        return request;
    }

    public static MultipartFormDataContent FormContent(IEnumerable<FormPart> parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var part in parts)
        {
            var content = new ByteArrayContent(part.Bytes);
            if (part.ContentType is not null) content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(part.ContentType);
            if (part.FileName is null) form.Add(content, part.Name);
            else form.Add(content, part.Name, part.FileName);
        }
        return form;
    }

    public Task<HttpResponseMessage> SendAsync(HttpClient client, CancellationToken ct = default) =>
        client.SendAsync(ToHttpRequest(), ct);

    public override string ToString() => $"{Operation.Method} {Url}";
}
