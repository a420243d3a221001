using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Contracts.Auth;
using HttpSetup = Vivapolis.Api.Infrastructure.Http;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// Headers every response carries whatever produced it, and cache privacy: what is asked with credentials or about
/// management is never kept by a cache, nor answered from one.
/// </summary>
public partial class SecurityHeadersTests(ApiFactory api, BrokenClockApi brokenClock) : ApiTest(api), IClassFixture<BrokenClockApi>
{
    private const string Delivery = "/api/v1/articles";
    private const string Manage = "/api/v1/manage/articles";
    private const string SwaggerPage = "/swagger/index.html";

    [Fact]
    public async Task Json_and_problem_responses_carry_the_strict_content_security_policy()
    {
        var client = Api.CreateClient();

        foreach (var response in new[] { await client.GetAsync(Delivery), await client.GetAsync($"{Delivery}?limit=0"),
                     await client.GetAsync("/api/v1/no-such-thing"), await client.GetAsync("/swagger/v1/swagger.json") })
            Assert.Equal(HttpSetup.StrictContentSecurityPolicy, response.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_404_and_a_500_carry_nosniff_referrer_policy_and_the_strict_content_security_policy()
    {
        await brokenClock.ResetAsync();
        var editor = await brokenClock.EditorAsync();
        brokenClock.Broken = true;
        HttpResponseMessage failed;
        try
        {
            failed = await editor.PostJsonAsync(Manage, ArticleSteps.Draft("Jamais enregistré"));
        }
        finally
        {
            brokenClock.Broken = false;
        }
        var missing = await Api.CreateClient().GetAsync($"{Delivery}/no-such-slug");

        await failed.ProblemAsync(HttpStatusCode.InternalServerError);
        await missing.ProblemAsync(HttpStatusCode.NotFound);
        foreach (var response in new[] { failed, missing })
        {
            Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
            Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
            Assert.Equal(HttpSetup.StrictContentSecurityPolicy, response.Header("Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task Swagger_UI_gets_a_policy_that_lets_its_own_assets_load_and_nothing_inline_but_its_logo_style()
    {
        var client = Api.CreateClient();

        var page = await client.GetAsync(SwaggerPage);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Header("Content-Security-Policy");
        Assert.Equal(HttpSetup.HtmlContentSecurityPolicy, policy);
        Assert.DoesNotContain("unsafe", policy);
        // Inline scripts and styles would be blocked: the page must have none, only files from /swagger.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch("<style|style=", html);
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains("index.js", assets);
        foreach (var asset in assets)
        {
            Assert.DoesNotContain("//", asset); // same origin ('self')
            var response = await client.GetAsync(new Uri(new Uri("http://localhost" + SwaggerPage), asset).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
        // The scripts' one inline style (the logo's colours) is allowed by its hash; a new Swagger UI with another
        // one would fail here rather than silently in browsers.
        var styles = new List<string>();
        foreach (var script in new[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js" })
            styles.AddRange(InlineStyleElement().Matches(await client.GetStringAsync($"/swagger/{script}")).Select(m => m.Groups["css"].Value));
        Assert.NotEmpty(styles);
        foreach (var css in styles)
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'", policy);
        // The document the page fetches is on the same origin ('self').
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    [Fact]
    public async Task A_revalidated_Swagger_UI_page_keeps_its_policy()
    {
        var client = Api.CreateClient();
        var page = await client.GetAsync(SwaggerPage);

        var revalidated = await client.GetAsync(SwaggerPage, ("If-None-Match", page.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        // Browsers merge a 304's headers into the page they kept: a strict policy here would break it.
        Assert.NotEqual(HttpSetup.StrictContentSecurityPolicy, revalidated.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task Every_management_and_sign_in_response_is_private_and_not_stored_problems_included()
    {
        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Accounts>()
                .EnsureAsync("sales@example.org", "Sacha Ventes", Roles.Sales, ApiFactory.Password, default);
        var editor = await Api.EditorAsync();
        var sales = await Api.ClientForAsync("sales@example.org");
        var anonymous = Api.CreateClient();

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["200 list"] = await editor.GetAsync(Manage),
            ["201 create"] = await editor.PostJsonAsync(Manage, ArticleSteps.Draft("Un brouillon privé")),
            ["400"] = await editor.PostJsonAsync(Manage, new { }),
            ["404"] = await editor.GetAsync($"{Manage}/{Guid.NewGuid()}"),
            ["401"] = await anonymous.GetAsync(Manage),
            ["403"] = await sales.GetAsync(Manage),
            ["200 sign-in"] = await anonymous.PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)),
            ["401 sign-in"] = await anonymous.PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, "wrong")),
        };

        Assert.Equal([200, 201, 400, 404, 401, 403, 200, 401], responses.Values.Select(r => (int)r.StatusCode));
        foreach (var (name, response) in responses)
            Assert.True(PrivateAndNotStored(response), $"{name}: Cache-Control {response.Header("Cache-Control")}");
    }

    [Fact]
    public async Task Delivery_asked_with_a_users_credentials_is_private_and_with_a_partner_key_stays_public()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article public"));
        var client = Api.CreateClient();

        foreach (var url in new[] { Delivery, $"{Delivery}/{published.Slug}" })
        {
            Assert.True(PrivateAndNotStored(await editor.GetAsync(url)));
            // A public read answers a partner's key exactly as anyone: shared caches may keep it the same way.
            Assert.StartsWith("public", (await client.GetAsync(url, ("X-Api-Key", "vvp_a-partner-key"))).Header("Cache-Control"));
            Assert.StartsWith("public", (await client.GetAsync(url)).Header("Cache-Control"));
        }
    }

    [Fact]
    public async Task The_output_cache_never_answers_a_signed_in_user_but_answers_a_partner_key_like_anyone()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article en cache"));
        var anonymous = Api.CreateClient();
        await anonymous.GetAsync(Delivery);
        var cached = await anonymous.GetAsync(Delivery);

        var withToken = await editor.GetAsync(Delivery);
        var withKey = await anonymous.GetAsync(Delivery, ("X-Api-Key", "vvp_a-partner-key"));

        Assert.NotNull(cached.Headers.Age); // the output cache answered: it does hold this URL
        Assert.Null(withToken.Headers.Age);
        Assert.True(PrivateAndNotStored(withToken));
        Assert.NotNull(withKey.Headers.Age); // the same bytes, from the same entry
        Assert.Equal(await cached.Content.ReadAsStringAsync(), await withKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_output_cache_never_keeps_an_answer_given_to_a_signed_in_user()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article en cache"));
        var anonymous = Api.CreateClient();
        await editor.GetAsync(Delivery);

        var first = await anonymous.GetAsync(Delivery);
        var second = await anonymous.GetAsync(Delivery);

        Assert.Null(first.Headers.Age);
        Assert.StartsWith("public", first.Header("Cache-Control"));
        Assert.NotNull(second.Headers.Age); // the anonymous answer was kept
        Assert.StartsWith("public", second.Header("Cache-Control"));
    }

    /// <summary>Exactly <c>private, no-store</c>: nothing an endpoint chose (public, max-age) is left beside it.</summary>
    private static bool PrivateAndNotStored(HttpResponseMessage response) =>
        response.Headers.CacheControl is { Private: true, NoStore: true, Public: false, MaxAge: null, SharedMaxAge: null }
        && response.Headers.CacheControl.Extensions.Count == 0;

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<(?:script|link)\b[^>]*?\b(?:src|href)=""(?<url>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"createElement\(""style"",null,""(?<css>[^""]*)""\)")]
    private static partial Regex InlineStyleElement();
}
