using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>One published item by its slug.</summary>
public sealed class PublishedItemRequest
{
    /// <summary>The item's slug.</summary>
    public string Slug { get; init; } = "";

    /// <summary>Language version to return.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;

    /// <summary>A preview token from POST …/{id}/preview: returns that item's current draft, never cached.</summary>
    [QueryParam]
    public string? Preview { get; init; }
}

public sealed class PublishedItemValidator : Validator<PublishedItemRequest>
{
    public PublishedItemValidator() => RuleFor(x => x.Slug).SlugInPath();
}

/// <summary>
/// GET /api/v1/{type}/{slug}: drafts, unpublished and unknown slugs are the same 404; a slug the item was published
/// under before is a 301 to its current one. With <c>?preview=TOKEN</c>
/// (see <see cref="Preview.PreviewItem{TDoc,TContent,TDelivery}"/>), the item's current draft instead, private and uncached.
/// </summary>
public abstract class GetPublishedItem<TDoc, TDelivery> : Endpoint<PublishedItemRequest, TDelivery>
    where TDoc : IContentDocument
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Get($"/api/v1/{TDoc.RouteSegment}/{{slug}}");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(TDoc.TypeName)));
        Description(b => b.Document<EmptyRequest, TDelivery>(200, 400, 401, 404).Produces(301).Produces(304));
        Summary(s =>
        {
            s.Summary = $"Get one published {TDoc.TypeName} by its slug";
            s.Description = "404 when no published item has this slug; 301 to the current address when the item was " +
                            "published under this slug before.";
        });
    }

    public override async Task HandleAsync(PublishedItemRequest request, CancellationToken ct)
    {
        if (Preview.PreviewResponse.IsPreview(HttpContext.Request))
        {
            await Preview.PreviewResponse.WriteAsync<TDoc>(HttpContext, request.Slug, ct);
            return;
        }
        var reader = Resolve<DeliveryReader>();
        if (await reader.ReadOneAsync<TDelivery>(request.Slug, request.Locale, ct) is { } json)
        {
            await DeliveryResponse.WriteJsonAsync<TDoc>(HttpContext, json, ct);
            return;
        }
        // A former slug of an item published since under another: links made with the old one keep working.
        var current = await reader.CurrentSlugAsync<TDelivery>(TDoc.TypeName, request.Slug, request.Locale, ct)
                      ?? throw ProblemException.NotFound();
        var locale = request.Locale == Locale.Fr ? "" : $"?locale={Json.Name(request.Locale)}";
        HttpContext.Response.Headers.CacheControl = DeliveryResponse.CacheControlOf<TDoc>();
        HttpContext.Response.Headers.Location = $"/api/v1/{TDoc.RouteSegment}/{Uri.EscapeDataString(current)}{locale}";
        HttpContext.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        await HttpContext.Response.StartAsync(ct);
    }
}
