using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>An item made for a recipe, as it stands after the steps that made it.</summary>
public sealed record Fixture(Guid Id, string Slug, string ETag, JsonObject Content);

/// <summary>
/// What a recipe works with: the operation, and a client allowed to make fixtures (an admin), whose steps are the
/// ordinary API calls. The request it prepares may then be sent by any client.
/// </summary>
public sealed class RecipeContext(ApiOperation operation, HttpClient fixtures)
{
    private static int _counter;

    public ApiOperation Operation { get; } = operation;

    /// <summary>The client that makes fixtures.</summary>
    public HttpClient Client { get; } = fixtures;

    /// <summary>A word that makes titles, slugs and e-mails unique, so fixtures never collide.</summary>
    public static string Unique() => $"t{Interlocked.Increment(ref _counter)}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// A request to this operation, <c>{id}</c>, <c>{slug}</c> and <c>{n}</c> filled from <paramref name="item"/> and
    /// <paramref name="version"/> when given; other path parameters are filled with <see cref="PreparedRequest.WithPath"/>.
    /// </summary>
    public PreparedRequest Request(Fixture? item = null, int? version = null)
    {
        var request = new PreparedRequest(Operation);
        foreach (var parameter in Operation.In(Microsoft.OpenApi.ParameterLocation.Path))
        {
            request = parameter.Name switch
            {
                "id" when item is not null => request.WithPath("id", item.Id.ToString()),
                "slug" when item is not null => request.WithPath("slug", item.Slug),
                "n" when version is not null => request.WithPath("n", version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => request,
            };
        }
        return request;
    }

    /// <summary>
    /// Any step through the API for fixtures that are not content (accounts, keys…): the answer's JSON and ETag,
    /// failing the test when the step fails.
    /// </summary>
    public Task<(JsonNode? Body, string? ETag)> StepAsync(HttpMethod method, string url, JsonNode? body = null, string? ifMatch = null) =>
        StepAsync(method, url, body is null ? null : JsonContent.Create(body), ifMatch);

    /// <summary>The same with any body: a multipart form (<see cref="PreparedRequest.FormContent"/>) for an upload.</summary>
    public async Task<(JsonNode? Body, string? ETag)> StepAsync(HttpMethod method, string url, HttpContent? content, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"A fixture step failed: {method} {url}: {(int)response.StatusCode} {text}");
        return (text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.ETag?.ToString());
    }

    public async Task<Fixture> DraftAsync(ContentKind kind)
    {
        var content = kind.ExampleJson(Unique());
        var response = await Client.PostAsJsonAsync(kind.Manage, content);
        return await FixtureFromAsync(response);
    }

    public async Task<Fixture> PublishedAsync(ContentKind kind) => await ActAsync(kind, await DraftAsync(kind), "publish");

    /// <summary>Published, then edited: the public version and a pending draft.</summary>
    public async Task<Fixture> PublishedWithChangesAsync(ContentKind kind) => await EditAsync(kind, await PublishedAsync(kind));

    /// <summary>Versions 1 (created) and 2 (edited).</summary>
    public async Task<Fixture> EditedAsync(ContentKind kind) => await EditAsync(kind, await DraftAsync(kind));

    /// <summary>Scheduled for publication in 2030, then unpublication a month later.</summary>
    public async Task<Fixture> ScheduledAsync(ContentKind kind)
    {
        var item = await DraftAsync(kind);
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{kind.Manage}/{item.Id}/schedule")
        {
            Content = JsonContent.Create(ValidSchedule()),
        });
        return await FixtureFromAsync(response);
    }

    public static JsonObject ValidSchedule() => new()
    {
        ["publishAt"] = "2030-01-07T09:00:00+01:00",
        ["unpublishAt"] = "2030-02-07T09:00:00+01:00",
    };

    public async Task<Fixture> ActAsync(ContentKind kind, Fixture item, string action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{kind.Manage}/{item.Id}/{action}");
        request.Headers.TryAddWithoutValidation("If-Match", item.ETag);
        return await FixtureFromAsync(await Client.SendAsync(request));
    }

    public async Task<Fixture> EditAsync(ContentKind kind, Fixture item)
    {
        var content = item.Content.DeepClone().AsObject();
        foreach (var field in new[] { "standfirst", "summary", "jobTitle" })
            if (content.ContainsKey(field)) content[field] = $"Modifié {Unique()}";
        var request = new HttpRequestMessage(HttpMethod.Put, $"{kind.Manage}/{item.Id}") { Content = JsonContent.Create(content) };
        request.Headers.TryAddWithoutValidation("If-Match", item.ETag);
        return await FixtureFromAsync(await Client.SendAsync(request));
    }

    private static async Task<Fixture> FixtureFromAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"A fixture step failed: {(int)response.StatusCode} {body}");
        var item = JsonNode.Parse(body)!.AsObject();
        return new Fixture(item["id"]!.GetValue<Guid>(), item["slug"]!.GetValue<string>(), response.Headers.ETag!.ToString(),
            item["content"]!.AsObject());
    }
}
