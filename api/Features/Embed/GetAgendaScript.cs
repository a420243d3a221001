using FastEndpoints;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Infrastructure.OpenApi;

namespace Vivapolis.Api.Features.Embed;

/// <summary>
/// GET /embed/agenda.js: the <c>&lt;vivapolis-agenda&gt;</c> element, built from web-client (<c>npm run build:agenda</c>).
/// Served by the API so that partners have one address for everything: a module script from another origin needs
/// CORS, which the API grants to every site, and the element's default API is where its script came from.
/// </summary>
public sealed class GetAgendaScript(IConfiguration config, IWebHostEnvironment env) : EndpointWithoutRequest
{
    public const string MediaType = "text/javascript; charset=utf-8";

    /// <summary>The file's name is not versioned, so caches keep it for minutes, not a year.</summary>
    public const string CacheControl = "public, max-age=300, stale-while-revalidate=3600";

    /// <summary>The path of the built script: <c>Vivapolis:Embed:AgendaScript</c>, or wwwroot/agenda.js beside the app.</summary>
    public const string Setting = "Vivapolis:Embed:AgendaScript";

    private static readonly Lock Gate = new();
    private static (string Path, DateTime Written, byte[] Bytes)? _loaded;

    public override void Configure()
    {
        Get("/embed/agenda.js");
        AllowAnonymous();
        DontAutoSendResponse();
        Description(b => b.DocumentText(MediaType, 404));
        Summary(s =>
        {
            s.Summary = "The script of the <vivapolis-agenda> web component";
            s.Description = "An ES module, loaded by a script element of type `module` with this address as its `src`, then " +
                            "`<vivapolis-agenda theme=\"mobilite\"></vivapolis-agenda>` anywhere in the page. 404 when this server was deployed without it.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var path = config[Setting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, env.ContentRootPath)
            : Path.Combine(env.ContentRootPath, "wwwroot", "agenda.js");
        var script = Load(path) ?? throw new ProblemException(StatusCodes.Status404NotFound,
            Text.Of("Script de l'agenda absent", "Agenda script missing"),
            Text.Of($"Ce serveur a été déployé sans agenda.js : construisez-le (web-client : npm run build:agenda) et indiquez son chemin dans {Setting}.",
                    $"This server was deployed without agenda.js: build it (web-client: npm run build:agenda) and give its path in {Setting}."));
        await DeliveryResponse.WriteAsync(HttpContext, script, MediaType, CacheControl, ct);
    }

    /// <summary>Read once, and again when the file changes (a new build while the API runs).</summary>
    private static byte[]? Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        lock (Gate)
        {
            if (_loaded is { } loaded && loaded.Path == path && loaded.Written == file.LastWriteTimeUtc) return loaded.Bytes;
            var bytes = File.ReadAllBytes(path);
            _loaded = (path, file.LastWriteTimeUtc, bytes);
            return bytes;
        }
    }
}
