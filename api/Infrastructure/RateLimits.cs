using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// Requests per minute for each kind of caller, from <c>Vivapolis:RateLimits:*</c>. Each is a token bucket: a whole
/// minute's allowance may be spent at once, then it comes back one request at a time.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "Vivapolis:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Anyone not signed in and without a valid API key, per client address: delivery, feeds, search.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousPerMinute { get; set; } = 600;

    /// <summary>Per partner API key: the aggregator's sync and partner sites' servers.</summary>
    [Range(1, int.MaxValue)]
    public int PartnerPerMinute { get; set; } = 6000;

    /// <summary>Per signed-in user: the editor SPA fires several requests per screen.</summary>
    [Range(1, int.MaxValue)]
    public int UserPerMinute { get; set; } = 1200;

    /// <summary>
    /// Per client address, on what takes a guessable secret (sign-in, password change and reset): slows guessing down. Refresh
    /// and logout take 256-bit random tokens, so they count as ordinary anonymous calls: a newsroom behind one
    /// address refreshes many sessions.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 10;
}

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by who is calling: a partner by its API key, an editor by their user id,
/// anyone else by address; sign-in by address whoever calls. Over the limit: 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>The partners' authentication scheme, its header and the claim naming the key (see the API keys feature).</summary>
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyClaim = "api_key_id";

    public static IServiceCollection AddVivapolisRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitSettings>().Bind(config.GetSection(RateLimitSettings.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((o, settings) =>
        {
            var limits = settings.Value;
            if (!limits.Enabled) return;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Caller>(http => Partition(http, limits));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Goes after UseAuthentication, so that the limiter knows who is calling.</summary>
    public static WebApplication UseVivapolisRateLimits(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value.Enabled) return app;
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        app.Use(async (http, next) =>
        {
            // The API-key scheme is not the default one, so UseAuthentication did not run it; the endpoint's own
            // authorization would, but after the limiter. Run here, its result is cached for the request (the key
            // is looked up once), and a key that does not authenticate leaves the request in its address's bucket.
            if (http.Request.Headers.ContainsKey(ApiKeyHeader) && http.User.FindFirst(ApiKeyClaim) is null
                && await schemes.GetSchemeAsync(ApiKeyScheme) is not null
                && (await http.AuthenticateAsync(ApiKeyScheme)).Principal?.FindFirst(ApiKeyClaim)?.Value is { } keyId)
                http.Features.Set(new AuthenticatedApiKey(keyId));
            await next();
        });
        app.UseRateLimiter();
        return app;
    }

    private readonly record struct Caller(string Kind, string Id);

    private sealed record AuthenticatedApiKey(string Id);

    private static RateLimitPartition<Caller> Partition(HttpContext http, RateLimitSettings limits)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger"))
            return RateLimitPartition.GetNoLimiter(new Caller("operations", ""));
        if (path.StartsWithSegments("/api/v1/auth/token") || path.StartsWithSegments("/api/v1/auth/password-reset")
            || path.StartsWithSegments("/api/v1/auth/password"))
            return Bucket(new Caller("sign-in", ClientAddress(http)), limits.SignInPerMinute);
        if ((http.User.FindFirst(ApiKeyClaim)?.Value ?? http.Features.Get<AuthenticatedApiKey>()?.Id) is { } key)
            return Bucket(new Caller("key", key), limits.PartnerPerMinute);
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst("sub")?.Value is { } user)
            return Bucket(new Caller("user", user), limits.UserPerMinute);
        return Bucket(new Caller("address", ClientAddress(http)), limits.AnonymousPerMinute);
    }

    private static RateLimitPartition<Caller> Bucket(Caller caller, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / perMinute)),
            QueueLimit = 0,
        });

    /// <summary>
    /// The connection's address (the proxy's, unless <c>Vivapolis:Http:KnownProxies</c> lists it). The test server
    /// has none: all its clients are one caller.
    /// </summary>
    private static string ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        // One IPv6 subscriber usually holds a whole /64: counting single addresses would let it rotate freely.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // Written here rather than thrown: the exception handler would clear the Retry-After header.
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = Text.Of($"Trop de requêtes : réessayez dans {seconds} s.", $"Too many requests: try again in {seconds} s."),
            },
        });
    }
}
