using FastEndpoints;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>
/// GET /feeds/{type}.atom: the type's delivery list (same filters, same order, same paging) as an Atom feed. A type
/// brings its filter (the one its JSON list uses), its feed title and how one item reads as an entry.
/// </summary>
public abstract class AtomFeedEndpoint<TDoc, TRequest, TDelivery>(TimeProvider clock) : Endpoint<TRequest>
    where TDoc : IContentDocument
    where TRequest : class, IDeliveryListRequest, new()
    where TDelivery : class
{
    public override void Configure()
    {
        Get($"/feeds/{TDoc.RouteSegment}.atom");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(TDoc.TypeName)));
        Description(b => b.DocumentText(AtomFeed.MediaType, 400));
        Summary(s =>
        {
            s.Summary = $"Published {TDoc.RouteSegment} as an Atom feed, newest first";
            s.Description = $"RFC 4287, with the filters and paging of `GET /api/v1/{TDoc.RouteSegment}`: `limit` entries a page, " +
                            "and a `next` link (RFC 5005) to the following page. Entry ids are `urn:uuid:` of the item's id and never " +
                            "change; `updated` is when the published version was made; content is the sanitised HTML.";
        });
    }

    protected abstract DeliveryFilter Filter(TRequest request);

    protected abstract string Title(Locale locale);

    protected abstract AtomEntry EntryOf(TDelivery item);

    /// <summary>Where the item is delivered as JSON, the entry's link.</summary>
    protected static string LinkOf(string slug, Locale locale) =>
        $"/api/v1/{TDoc.RouteSegment}/{Uri.EscapeDataString(slug)}" + (locale == Locale.Fr ? "" : "?locale=" + Json.Name(locale));

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        var (items, next) = await Resolve<DeliveryReader>().ReadItemsAsync<TDelivery>(request.Locale, Filter(request),
            DeliveryOrder.NewestFirst, request.Limit, request.Cursor, ct);
        var feed = AtomFeed.Write(HttpContext.Request, Title(request.Locale), request.Locale, items.Select(EntryOf).ToList(), next, clock.Now());
        await DeliveryResponse.WriteAsync(HttpContext, feed, AtomFeed.MediaType, DeliveryResponse.CacheControl, ct);
    }
}
