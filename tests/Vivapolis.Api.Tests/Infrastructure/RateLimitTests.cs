using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vivapolis.Contracts.Auth;
using RateLimits = Vivapolis.Api.Infrastructure.RateLimits;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// Who is counted how: anonymous callers by address, partners by API key, editors by account, sign-in strictly by
/// address. Every test calls from addresses of its own, so the buckets left by other tests do not matter.
/// </summary>
public class RateLimitTests(LimitedApi api) : ApiTest<LimitedApi>(api)
{
    private const string Delivery = "/api/v1/articles";
    private const string Manage = "/api/v1/manage/articles";
    private const string SignIn = "/api/v1/auth/token";

    [Fact]
    public async Task Anonymous_delivery_gets_a_429_problem_with_Retry_After_once_its_allowance_is_spent()
    {
        var client = Api.ClientFrom(LimitedApi.NewAddress());

        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => client.GetAsync(Delivery));
        var french = await client.GetAsync(Delivery);
        var english = await client.GetAsync(Delivery, ("Accept-Language", "en"));

        var problem = await french.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Trop de requêtes", problem["title"]!.GetValue<string>());
        Assert.Equal("Too many requests", (await english.ProblemAsync(HttpStatusCode.TooManyRequests))["title"]!.GetValue<string>());
        // One request comes back every 60 / AnonymousPerMinute seconds.
        Assert.InRange(int.Parse(french.Header("Retry-After")!), 1, 60 / LimitedApi.AnonymousPerMinute);
    }

    [Fact]
    public async Task Each_client_address_has_its_own_allowance()
    {
        var first = Api.ClientFrom(LimitedApi.NewAddress());
        var second = Api.ClientFrom(LimitedApi.NewAddress());

        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => first.GetAsync(Delivery));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Delivery)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_limited_strictly_and_apart_from_delivery()
    {
        var guesser = Api.ClientFrom(LimitedApi.NewAddress());
        var reader = Api.ClientFrom(LimitedApi.NewAddress());
        var wrong = new TokenRequest(ApiFactory.EditorEmail, "not the password");
        var right = new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password);

        // Failed attempts count: that is what the limit is for.
        await AllowedAsync(LimitedApi.SignInPerMinute, () => guesser.PostJsonAsync(SignIn, wrong), HttpStatusCode.Unauthorized);
        var blocked = await guesser.PostJsonAsync(SignIn, right);
        // The other way round: a spent delivery allowance leaves sign-in alone.
        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => reader.GetAsync(Delivery));

        await blocked.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(blocked.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PostJsonAsync(SignIn, right)).StatusCode);
    }

    [Fact]
    public async Task Each_signed_in_user_has_their_own_allowance_apart_from_their_address()
    {
        var address = LimitedApi.NewAddress();
        var editor = await Api.SignedInFromAsync(address, ApiFactory.EditorEmail);
        var admin = await Api.SignedInFromAsync(address, ApiFactory.AdminEmail);

        await AllowedAsync(LimitedApi.UserPerMinute, () => editor.GetAsync(Manage));

        await (await editor.GetAsync(Manage)).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Manage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientFrom(address).GetAsync(Delivery)).StatusCode);
    }

    [Fact]
    public async Task Each_API_key_has_its_own_allowance_apart_from_its_address()
    {
        var address = LimitedApi.NewAddress();
        var partner = Api.ClientFrom(address, LimitedApi.ValidKey());
        var other = Api.ClientFrom(address, LimitedApi.ValidKey());

        // More than an anonymous caller gets: these requests are counted against the key, not the address.
        await AllowedAsync(LimitedApi.PartnerPerMinute, () => partner.GetAsync(Delivery));

        await (await partner.GetAsync(Delivery)).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientFrom(address).GetAsync(Delivery)).StatusCode);
    }

    [Fact]
    public async Task Keys_that_do_not_authenticate_are_counted_by_address_whatever_their_value()
    {
        var address = LimitedApi.NewAddress();

        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => Api.ClientFrom(address, $"forged-{Guid.NewGuid()}").GetAsync(Delivery));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Api.ClientFrom(address, $"forged-{Guid.NewGuid()}").GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Api.ClientFrom(address).GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientFrom(address, LimitedApi.ValidKey()).GetAsync(Delivery)).StatusCode);
    }

    [Fact]
    public async Task Health_and_Swagger_are_never_limited()
    {
        var client = Api.ClientFrom(LimitedApi.NewAddress());
        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => client.GetAsync(Delivery));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Delivery)).StatusCode);

        foreach (var path in new[] { "/health/live", "/health/ready", "/swagger/index.html", "/swagger/v1/swagger.json" })
            await AllowedAsync(LimitedApi.AnonymousPerMinute + 1, () => client.GetAsync(path));
    }

    [Fact]
    public async Task Behind_a_known_proxy_clients_are_counted_by_their_forwarded_address()
    {
        var first = Api.ClientFrom(LimitedApi.Proxy);
        first.DefaultRequestHeaders.Add("X-Forwarded-For", LimitedApi.NewAddress());
        var second = Api.ClientFrom(LimitedApi.Proxy);
        second.DefaultRequestHeaders.Add("X-Forwarded-For", LimitedApi.NewAddress());

        await AllowedAsync(LimitedApi.AnonymousPerMinute, () => first.GetAsync(Delivery));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(Delivery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Delivery)).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_from_anyone_but_a_known_proxy_is_ignored()
    {
        var address = LimitedApi.NewAddress();

        await AllowedAsync(LimitedApi.AnonymousPerMinute,
            () => Api.ClientFrom(address).GetAsync(Delivery, ("X-Forwarded-For", LimitedApi.NewAddress())));

        var spoofed = await Api.ClientFrom(address).GetAsync(Delivery, ("X-Forwarded-For", LimitedApi.NewAddress()));
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    [Fact]
    public async Task Switched_off_nothing_is_limited()
    {
        await using var unlimited = Api.WithWebHostBuilder(b => b.UseSetting("Vivapolis:RateLimits:Enabled", "false"));
        var client = unlimited.CreateClient();
        client.DefaultRequestHeaders.Add(LimitedApi.AddressHeader, LimitedApi.NewAddress());

        await AllowedAsync(3 * LimitedApi.AnonymousPerMinute, () => client.GetAsync("/api/v1/themes"));
        await AllowedAsync(3 * LimitedApi.SignInPerMinute,
            () => client.PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)));
    }

    /// <summary>Sends <paramref name="count"/> requests and asserts that none was refused.</summary>
    private static async Task AllowedAsync(int count, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected = HttpStatusCode.OK)
    {
        for (var i = 1; i <= count; i++)
        {
            var response = await send();
            Assert.True(response.StatusCode == expected, $"request {i} of {count}: {(int)response.StatusCode}");
        }
    }
}

/// <summary>
/// The app with tiny limits, a known proxy, clients that say which address they call from (the test server has
/// none), and a stand-in for the partners' API-key scheme.
/// </summary>
public sealed class LimitedApi : ApiFactory
{
    // Small enough to reach in a few requests, and slow enough to refill (15 s or more per request) that no test
    // sees one come back.
    public const int AnonymousPerMinute = 3;
    public const int PartnerPerMinute = 4;
    public const int UserPerMinute = 4;
    public const int SignInPerMinute = 2;

    public const string Proxy = "10.0.0.1";
    public const string AddressHeader = "X-Test-Client-Address";

    private static int _addresses;

    /// <summary>An address no other test uses (198.18.0.0/15 is reserved for testing).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.18.{n / 256}.{n % 256}";
    }

    /// <summary>An API key the stand-in scheme accepts, as a key of its own.</summary>
    public static string ValidKey() => FakeApiKeyHandler.ValidPrefix + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vivapolis:RateLimits:AnonymousPerMinute", $"{AnonymousPerMinute}");
        builder.UseSetting("Vivapolis:RateLimits:PartnerPerMinute", $"{PartnerPerMinute}");
        builder.UseSetting("Vivapolis:RateLimits:UserPerMinute", $"{UserPerMinute}");
        builder.UseSetting("Vivapolis:RateLimits:SignInPerMinute", $"{SignInPerMinute}");
        builder.UseSetting("Vivapolis:Http:KnownProxies", Proxy);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
        // Replaces the real scheme if there is one, so that tests choose which keys are valid.
        services.Configure<AuthenticationOptions>(o =>
        {
            if (o.SchemeMap.TryGetValue(RateLimits.ApiKeyScheme, out var scheme)) scheme.HandlerType = typeof(FakeApiKeyHandler);
            else o.AddScheme<FakeApiKeyHandler>(RateLimits.ApiKeyScheme, null);
        });
    }

    public HttpClient ClientFrom(string address, string? apiKey = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        if (apiKey is not null) client.DefaultRequestHeaders.Add(RateLimits.ApiKeyHeader, apiKey);
        return client;
    }

    public async Task<HttpClient> SignedInFromAsync(string address, string email)
    {
        var client = ClientFrom(address);
        var token = await (await client.PostJsonAsync("/api/v1/auth/token", new TokenRequest(email, Password))).ReadAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>Runs before the app's own middleware, as the connection would.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(AddressHeader, out var address))
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    /// <summary>Accepts keys that start with <see cref="ValidPrefix"/>, as a key of that id; fails any other.</summary>
    private sealed class FakeApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string ValidPrefix = "valid-";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RateLimits.ApiKeyHeader, out var key)) return Task.FromResult(AuthenticateResult.NoResult());
            var text = key.ToString();
            if (!text.StartsWith(ValidPrefix, StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
            var identity = new ClaimsIdentity([new Claim(RateLimits.ApiKeyClaim, text[ValidPrefix.Length..])], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
