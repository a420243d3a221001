using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>What every delivery list is asked: a language and a page.</summary>
public interface IDeliveryListRequest : IPaged
{
    Locale Locale { get; }
}

/// <summary>Query parameters every delivery list takes; each type adds its filters.</summary>
public abstract class DeliveryListRequest : PageRequest, IDeliveryListRequest
{
    /// <summary>Language version to list.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;
}

/// <summary>The lists of types with language versions (articles, fiches, events) can fall back to another language.</summary>
public interface ITranslatedListRequest
{
    /// <summary>
    /// Also list the items in this language that have no published version in <c>locale</c> (for example
    /// <c>locale=en&amp;fallback=fr</c>: English where it exists, French elsewhere). Each item says its own locale.
    /// </summary>
    Locale? Fallback { get; }
}

/// <summary>A delivery list of a type with language versions.</summary>
public abstract class TranslatedListRequest : DeliveryListRequest, ITranslatedListRequest
{
    /// <inheritdoc cref="ITranslatedListRequest.Fallback"/>
    [QueryParam]
    public Locale? Fallback { get; init; }
}

/// <summary>GET /api/v1/{type}: published items, newest first, streamed as stored.</summary>
public abstract class ListPublished<TDoc, TRequest, TDelivery> : Endpoint<TRequest, Page<TDelivery>>
    where TDoc : IContentDocument
    where TRequest : class, IDeliveryListRequest, new()
    where TDelivery : class
{
    public override void Configure()
    {
        Get($"/api/v1/{TDoc.RouteSegment}");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(TDoc.TypeName)));
        Description(b => b.Document<EmptyRequest, Page<TDelivery>>(200, 400).Produces(304));
        Summary(s => s.Summary = $"List published {TDoc.RouteSegment}, newest first");
    }

    /// <summary>The type's own filters.</summary>
    protected abstract DeliveryFilter Filter(TRequest request);

    /// <summary>Newest published first, unless the type has a more natural order (events by start).</summary>
    protected virtual DeliveryOrder Order(TRequest request) => DeliveryOrder.NewestFirst;

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        var json = await Resolve<DeliveryReader>()
            .ReadPageAsync<TDelivery>(request.Locale, Filter(request), Order(request), request.Limit, request.Cursor, ct,
                fallback: (request as ITranslatedListRequest)?.Fallback);
        await DeliveryResponse.WriteJsonAsync<TDoc>(HttpContext, json, ct);
    }
}
