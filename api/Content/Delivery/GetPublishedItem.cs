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
/// GET /api/v1/{type}/{slug}: drafts, unpublished and unknown slugs are the same 404. With <c>?preview=TOKEN</c>
/// (see <see cref="Preview.PreviewItem{TDoc,TContent,TDelivery}"/>), the item's current draft instead, private and uncached.
/// </summary>
public abstract class GetPublishedItem<TDoc, TDelivery> : Endpoint<PublishedItemRequest, TDelivery>
    where TDoc : IContentDocument
    where TDelivery : class
{
    public override void Configure()
    {
        Get($"/api/v1/{TDoc.RouteSegment}/{{slug}}");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheOutput(DeliveryCache.Policy));
        Description(b => b.Document<EmptyRequest, TDelivery>(200, 400, 401, 404).Produces(304));
        Summary(s => s.Summary = $"Get one published {TDoc.TypeName} by its slug");
    }

    public override async Task HandleAsync(PublishedItemRequest request, CancellationToken ct)
    {
        if (Preview.PreviewResponse.IsPreview(HttpContext.Request))
        {
            await Preview.PreviewResponse.WriteAsync<TDoc>(HttpContext, request.Slug, ct);
            return;
        }
        var json = await Resolve<DeliveryReader>().ReadOneAsync<TDelivery>(request.Slug, request.Locale, ct)
                   ?? throw ProblemException.NotFound();
        await DeliveryResponse.WriteJsonAsync<TDoc>(HttpContext, json, ct);
    }
}
