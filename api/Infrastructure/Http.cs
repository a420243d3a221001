using System.IO.Compression;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;

namespace Vivapolis.Api.Infrastructure;

/// <summary>What every HTTP exchange goes through: limits, languages, compression, CORS and security headers.</summary>
public static class Http
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>JSON, problems, feeds: nothing to load, nothing to frame.</summary>
    public const string StrictContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// HTML is only Swagger UI, whose page loads its scripts and styles from /swagger, draws icons from data: URIs
    /// and fetches the document from the API. Its one inline style, the colours of its logo (a &lt;style&gt; in an
    /// SVG), is allowed by its hash rather than allowing every inline style. Its OAuth redirect page has an inline
    /// script, which stays blocked: we use no OAuth.
    /// </summary>
    public const string HtmlContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; " +
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>What responses to signed-in users and partners carry: no cache anywhere may keep them.</summary>
    public const string PrivateCacheControl = "private, no-store";

    public static IServiceCollection AddVivapolisHttp(this IServiceCollection services, IConfiguration config)
    {
        var maxBody = config.GetValue("Vivapolis:Http:MaxRequestBodyBytes", DefaultMaxBodyBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/yaml", "text/calendar", "application/atom+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider>(new VivapolisCorsPolicies(
            config["Vivapolis:Cors:ManageOrigins"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? ["http://127.0.0.1:5173", "http://localhost:5173"]));
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        // Behind a reverse proxy the connection's address is the proxy's: the listed proxies are trusted to name
        // the client in X-Forwarded-For (rate limits count clients by address) and the scheme in X-Forwarded-Proto.
        var proxies = KnownProxies(config);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = null; // every trusted hop is skipped; the first untrusted one is the client
            foreach (var proxy in proxies) o.KnownIPNetworks.Add(proxy);
        });
        return services;
    }

    public static WebApplication UseVivapolisHttp(this WebApplication app)
    {
        var maxBody = app.Configuration.GetValue("Vivapolis:Http:MaxRequestBodyBytes", DefaultMaxBodyBytes);
        if (KnownProxies(app.Configuration).Length > 0) app.UseForwardedHeaders();
        app.Use(async (http, next) =>
        {
            // Set when the response starts, so that problem responses written after an exception (which clears
            // the headers) carry them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                var html = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                // The one exception to "nothing may be framed": the page an endpoint declares framable, when it
                // answers with that page or a 304 for it (a 304's headers update the cached page's); its problems
                // stay unframable.
                var status = http.Response.StatusCode;
                var framable = (status == StatusCodes.Status200OK && html) || status == StatusCodes.Status304NotModified
                    ? http.GetEndpoint()?.Metadata.GetMetadata<FramablePage>()
                    : null;
                if (framable is null) headers.XFrameOptions = "DENY";
                // A 304 has no body, hence no content type: the browser that revalidated keeps the policy it has
                // (a strict one here would replace the policy of a cached Swagger UI page and break it).
                if (status != StatusCodes.Status304NotModified)
                    headers.ContentSecurityPolicy = framable?.ContentSecurityPolicy
                                                    ?? (html ? HtmlContentSecurityPolicy : StrictContentSecurityPolicy);
                // Whatever an endpoint chose: an answer to someone identified, or about management, is theirs alone.
                if (IsPrivate(http.Request)) headers.CacheControl = PrivateCacheControl;
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var bodyLimits = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestBodyLimits>>().Value;
        app.Use(async (http, next) =>
        {
            // A declared length over the limit is refused before anything reads the body (Kestrel also caps
            // bodies without a length; the test server does not, hence this check).
            var request = http.Request;
            var limit = bodyLimits.For(request) ?? maxBody;
            if (limit != maxBody && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (request.ContentLength > limit)
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            // Some HTTP clients send Content-Type: application/json on every request. Without a body it means
            // nothing; left in place, it would make the endpoint try to read an empty JSON body and answer 400.
            var bodiless = request.ContentLength == 0
                || (request.ContentLength is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)));
            if (bodiless) request.ContentType = null;
            await next();
        });
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("fr");
            o.AddSupportedCultures("fr", "en");
            o.AddSupportedUICultures("fr", "en");
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        app.UseRouting();
        app.UseCors();
        return app;
    }

    /// <summary>
    /// A larger body limit for one operation (an image upload), by method and exact path; every other request keeps
    /// <c>Vivapolis:Http:MaxRequestBodyBytes</c>.
    /// </summary>
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, string method, string path, long bytes) =>
        services.Configure<RequestBodyLimits>(l => l.Routes[(method.ToUpperInvariant(), path)] = bytes);

    /// <summary>Goes after authentication and rate limits, so that cached answers are counted too.</summary>
    public static WebApplication UseVivapolisOutputCaching(this WebApplication app)
    {
        // The output cache sits outside compression, so it keeps compressed bytes (it varies by Accept-Encoding).
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// A request carrying a user's credentials (valid or not), or one about management or signing in. A partner's
    /// API key alone does not make a read private: a public read answers a key holder exactly as anyone else, so it is
    /// cached and shared the same way; what only a key may read (sync, previews) says it is private itself.
    /// </summary>
    public static bool IsPrivate(HttpRequest request) =>
        request.Headers.ContainsKey("Authorization")
        || request.Path.StartsWithSegments("/api/v1/manage") || request.Path.StartsWithSegments("/api/v1/auth");

    /// <summary>Vivapolis:Http:KnownProxies: comma-separated addresses or CIDR networks of the reverse proxies.</summary>
    private static System.Net.IPNetwork[] KnownProxies(IConfiguration config) =>
        (config["Vivapolis:Http:KnownProxies"] ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => System.Net.IPNetwork.Parse(p.Contains('/') ? p : p + (p.Contains(':') ? "/128" : "/32")))
        .ToArray();
}

/// <summary>
/// Endpoint metadata of a page that other sites may put in an iframe (the embedded agenda): its own policy, which
/// must say who may frame it (<c>frame-ancestors</c>), replaces the strict ones, and no X-Frame-Options is sent.
/// </summary>
public sealed record FramablePage(string ContentSecurityPolicy);

/// <summary>
/// Delivery and feeds are open to every origin without credentials; management and sign-in answer only the
/// configured editor SPA origins, so another site's page cannot drive an editor's session.
/// </summary>
public sealed class VivapolisCorsPolicies(string[] manageOrigins) : ICorsPolicyProvider
{
    private static readonly string[] Exposed = ["ETag", "Location", "Retry-After", "Content-Language"];

    private readonly CorsPolicy _manage = new CorsPolicyBuilder()
        .WithOrigins(manageOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(Exposed)
        .SetPreflightMaxAge(TimeSpan.FromHours(1)).Build();

    private readonly CorsPolicy _public = new CorsPolicyBuilder()
        .AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders(Exposed)
        .SetPreflightMaxAge(TimeSpan.FromHours(1)).Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var path = context.Request.Path;
        var isManagement = path.StartsWithSegments("/api/v1/manage") || path.StartsWithSegments("/api/v1/auth");
        return Task.FromResult<CorsPolicy?>(isManagement ? _manage : _public);
    }
}

/// <summary>The operations whose bodies may pass the default limit (see <see cref="Http.AddRequestBodyLimit"/>).</summary>
public sealed class RequestBodyLimits
{
    public Dictionary<(string Method, string Path), long> Routes { get; } = [];

    public long? For(HttpRequest request) =>
        Routes.Count > 0 && Routes.TryGetValue((request.Method.ToUpperInvariant(), request.Path.Value?.TrimEnd('/') ?? ""), out var limit)
            ? limit
            : null;
}
