using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.OutputCaching;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Preview;

namespace Vivapolis.Api.Content.Preview;

/// <summary>The lifetime a preview link may have.</summary>
public sealed class PreviewOptionsValidator : AbstractValidator<PreviewOptions>
{
    public PreviewOptionsValidator()
    {
        var max = (int)PreviewTokens.MaxLifetime.TotalMinutes;
        RuleFor(x => x.ExpiresInMinutes).InclusiveBetween(1, max)
            .WithMessage(_ => Text.Of($"La durée doit être comprise entre 1 et {max} minutes (7 jours).",
                                      $"The lifetime must be between 1 and {max} minutes (7 days)."));
    }
}

/// <summary>POST /api/v1/manage/{type}/{id}/preview: an expiring, signed link to the item's current draft.</summary>
public abstract class PreviewItem<TDoc, TContent, TDelivery> : Endpoint<ItemIdRequest, PreviewLink>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/preview");
        Roles(ManagementRoutes.Writers<TDoc>());
        // The id from the route only: the optional body is read in ReadOptionsAsync.
        RequestBinder(new RequestBinder<ItemIdRequest>(BindingSource.RouteValues));
        // The body is optional: a bodiless POST gets the default lifetime. Routing answers 415 to a request
        // without a Content-Type when the endpoint accepts only JSON, hence */* (other types get a 415 problem).
        Description(b => b.Document<EmptyRequest, PreviewLink>(200, 400, 401, 403, 404, 415)
            .Accepts<PreviewOptions>(isOptional: true, "application/json", "*/*"));
        Summary(s =>
        {
            s.Summary = $"Create a preview link for one {TDoc.TypeName}";
            s.Description = "The link shows the item's current draft (or pending version) in its delivery shape, to " +
                            "anyone holding it, until it expires, its maker is suspended or loses the role, or an editor " +
                            "revokes the item's links. Authors make links to their own drafts only. Responses are " +
                            "private and never cached.";
        });
    }

    public override async Task HandleAsync(ItemIdRequest request, CancellationToken ct)
    {
        var options = await ReadOptionsAsync(ct);
        var session = Resolve<IQuerySession>();
        // An author shares only what they may edit: their own draft.
        await User.RequireMayEditAsync<TDoc>(session, request.Id, ifMatch: null, ct);
        var doc = await session.LoadAsync<TDoc>(request.Id, ct) ?? throw ProblemException.NotFound();
        var lifetime = options.ExpiresInMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : PreviewTokens.DefaultLifetime;
        var generation = await PreviewLinks.GenerationAsync(session, doc.Id, ct);
        var (token, expires) = Resolve<PreviewTokens>().Issue(TDoc.TypeName, doc.Id, User.UserId(), generation, lifetime);
        var locale = doc.Locale == Locale.Fr ? "" : $"&locale={Json.Name(doc.Locale)}";
        await Send.OkAsync(new PreviewLink
        {
            Token = token,
            Url = $"/api/v1/{TDoc.RouteSegment}/{Uri.EscapeDataString(doc.Slug)}?preview={token}{locale}",
            ExpiresAt = expires,
        }, ct);
    }

    /// <summary>
    /// The body is optional, which FastEndpoints' binding of a JSON DTO does not allow (a bodiless POST was a 415):
    /// read here, with the same validation problem as a bound body.
    /// </summary>
    private async Task<PreviewOptions> ReadOptionsAsync(CancellationToken ct)
    {
        var http = HttpContext.Request;
        if (http.ContentLength == 0 || (http.ContentLength is null && !http.HasJsonContentType())) return new PreviewOptions();
        if (!http.HasJsonContentType()) throw new ProblemException(415, Problems.Title(415));
        var options = await RequestJson.ReadBodyAsync<PreviewOptions>(http, ct);
        await new PreviewOptionsValidator().ValidateAndThrowAsync(options, ct);
        return options;
    }
}

/// <summary>The current draft of one type's items in their delivery shape, for preview links and partners' keys.</summary>
public interface IPreviewSource<TDoc> where TDoc : IContentDocument
{
    /// <summary>
    /// The delivery JSON of the item's current version; when a slug is given (a preview link's URL), only if the
    /// item has that slug.
    /// </summary>
    Task<PreviewResult> RenderAsync(Guid id, string? slug, CancellationToken ct);
}

public enum PreviewOutcome { Found, Missing, OtherItem, NothingPublic }

/// <param name="CreatedBy">Who created the item (a preview link made by an author works for their own items only).</param>
public readonly record struct PreviewResult(PreviewOutcome Outcome, byte[]? Json, string? CreatedBy = null);

public sealed class PreviewSource<TDoc, TContent, TDelivery>(
    ContentType<TDoc, TContent, TDelivery> type, IQuerySession session, IDocumentStore store, IContentMedia media) : IPreviewSource<TDoc>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public async Task<PreviewResult> RenderAsync(Guid id, string? slug, CancellationToken ct)
    {
        var doc = await session.LoadAsync<TDoc>(id, ct);
        if (doc is null) return new(PreviewOutcome.Missing, null);
        if (slug is not null && doc.Slug != slug) return new(PreviewOutcome.OtherItem, null);
        // Serialised as Marten stores published copies, so a preview has exactly the bytes' shape of delivery.
        // With its images and their widths, as publishing will give them.
        return type.ToDelivery(doc, await media.ImagesAsync(doc.Content, ct)) is { } delivery
            ? new(PreviewOutcome.Found, System.Text.Encoding.UTF8.GetBytes(store.Options.Serializer().ToJson(delivery)), doc.CreatedBy)
            : new(PreviewOutcome.NothingPublic, null, doc.CreatedBy);
    }
}

/// <summary>What the by-slug delivery endpoint does with <c>?preview=TOKEN</c>.</summary>
public static class PreviewResponse
{
    public const string Parameter = "preview";
    public const string CacheControl = "private, no-store";

    public static bool IsPreview(HttpRequest request) => request.Query.ContainsKey(Parameter);

    /// <summary>
    /// Checks the token against the item the slug names, and its maker and generation (<see cref="PreviewLinks"/>),
    /// and writes the draft in its delivery shape: private, never stored, without an ETag. Forged, expired, revoked
    /// or other items' tokens, and those of makers who may no longer make them, are a 401 problem.
    /// </summary>
    public static async Task WriteAsync<TDoc>(HttpContext http, string slug, CancellationToken ct) where TDoc : IContentDocument
    {
        KeepPrivate(http);
        var services = http.RequestServices;
        var claim = services.GetRequiredService<PreviewTokens>().Read(http.Request.Query[Parameter].ToString());
        if (claim is null || claim.Type != TDoc.TypeName) throw Unauthorized();
        var result = await services.GetRequiredService<IPreviewSource<TDoc>>().RenderAsync(claim.Id, slug, ct);
        if (result.Outcome is PreviewOutcome.OtherItem or PreviewOutcome.Missing) throw Unauthorized();
        if (!await PreviewLinks.StillValidAsync<TDoc>(services.GetRequiredService<IQuerySession>(), claim, result.CreatedBy!, ct))
            throw Unauthorized();
        if (result.Outcome == PreviewOutcome.NothingPublic) throw ProblemException.NotFound();
        await WriteJsonAsync(http, result.Json!, ct);
    }

    /// <summary>
    /// A partner's read of an item's draft by its id (the caller checked the partner's key): private and uncached
    /// like a preview link's, 404 when the item is gone or has nothing the public could see.
    /// </summary>
    public static async Task WriteByIdAsync<TDoc>(HttpContext http, Guid id, CancellationToken ct) where TDoc : IContentDocument
    {
        KeepPrivate(http);
        var result = await http.RequestServices.GetRequiredService<IPreviewSource<TDoc>>().RenderAsync(id, null, ct);
        if (result.Outcome != PreviewOutcome.Found) throw ProblemException.NotFound();
        await WriteJsonAsync(http, result.Json!, ct);
    }

    private static void KeepPrivate(HttpContext http)
    {
        // Never looked up in, nor stored into, the output cache (the delivery policy also refuses these requests).
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheLookup = false;
            cache.Context.AllowCacheStorage = false;
        }
        http.Response.Headers.CacheControl = CacheControl;
    }

    private static async Task WriteJsonAsync(HttpContext http, byte[] json, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, ct);
    }

    private static ProblemException Unauthorized() => new(StatusCodes.Status401Unauthorized, Problems.Title(401), Text.Of(
        "Ce lien d'aperçu n'est pas valide pour cet élément, il a expiré ou il a été révoqué : demandez-en un nouveau.",
        "This preview link is not valid for this item, has expired or was revoked: ask for a new one."));
}

public static class PreviewRegistration
{
    public static IServiceCollection AddPreviewSource<TDoc, TContent, TDelivery>(this IServiceCollection services)
        where TDoc : ContentDocument<TContent>, IContentDocument, new()
        where TContent : class, IItemContent
        where TDelivery : class, IDeliveryItem
    {
        services.ConfigureMarten(o => o.Schema.For<PreviewRevocation>()); // once per type: the same registration
        return services.AddScoped<IPreviewSource<TDoc>, PreviewSource<TDoc, TContent, TDelivery>>();
    }
}
