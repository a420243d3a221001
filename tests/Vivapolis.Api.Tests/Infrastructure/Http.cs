using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions JsonOptions = Json.Options;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonOptions)!;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns its JSON.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["title"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", body); // never a stack trace
        return json;
    }

    public static string[] ErrorsFor(this JsonObject problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(m => m!.GetValue<string>()).ToArray() ?? [];

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, JsonOptions);

    /// <summary>Sends a request with these headers (Accept-Language, Origin, traceparent…) and an optional body.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url,
        HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string url, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Get, url, null, headers);

    /// <summary>A header's values joined by commas, or null when the response does not have it.</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
