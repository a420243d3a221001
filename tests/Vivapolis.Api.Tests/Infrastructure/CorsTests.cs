using System.Net;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>Management answers only the editor SPA's origin; delivery answers every origin.</summary>
public class CorsTests(ApiFactory api) : ApiTest(api)
{
    private const string EditorOrigin = "https://editor.example.org";

    [Fact]
    public async Task A_management_preflight_from_the_editor_origin_is_allowed()
    {
        var response = await PreflightAsync("/api/v1/manage/articles", EditorOrigin);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(EditorOrigin, response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_management_preflight_from_another_origin_is_not_allowed()
    {
        var response = await PreflightAsync("/api/v1/manage/articles", "https://evil.example.com");

        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_management_request_from_another_origin_gets_no_CORS_headers()
    {
        var editor = await Api.EditorAsync();

        var fromElsewhere = await editor.GetAsync("/api/v1/manage/articles", ("Origin", "https://evil.example.com"));
        var fromTheEditor = await editor.GetAsync("/api/v1/manage/articles", ("Origin", EditorOrigin));

        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode); // CORS is the browser's check: it reads no header
        Assert.Null(fromElsewhere.Header("Access-Control-Allow-Origin"));
        Assert.Null(fromElsewhere.Header("Access-Control-Expose-Headers"));
        Assert.Equal(EditorOrigin, fromTheEditor.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Delivery_is_open_to_any_origin_without_credentials_and_exposes_the_ETag()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/articles", ("Origin", "https://any-partner.example.net"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Null(response.Header("Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", response.Header("Access-Control-Expose-Headers")?.Split(',', StringSplitOptions.TrimEntries) ?? []);
    }

    private Task<HttpResponseMessage> PreflightAsync(string url, string origin) =>
        Api.CreateClient().SendAsync(HttpMethod.Options, url, null,
            ("Origin", origin),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "authorization,content-type"));
}
