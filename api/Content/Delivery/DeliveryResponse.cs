using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

public static class DeliveryResponse
{
    /// <summary>Shared caches may keep published content briefly; the ETag makes revalidation cheap.</summary>
    public const string CacheControl = "public, max-age=60, stale-while-revalidate=300";

    /// <summary>
    /// Personal data (advertiser contacts): shared caches may keep it but must ask first, every time, so that a
    /// contact who withdraws is gone at once; the ETag keeps the question a cheap 304.
    /// </summary>
    public const string PersonalDataCacheControl = "public, no-cache";

    public static string CacheControlOf<TDoc>() where TDoc : IContentDocument =>
        TDoc.HoldsPersonalData ? PersonalDataCacheControl : CacheControl;

    /// <summary>Writes JSON bytes with a strong ETag, or a bodiless 304 when the client already has them.</summary>
    public static Task WriteJsonAsync<TDoc>(HttpContext http, byte[] json, CancellationToken ct) where TDoc : IContentDocument =>
        WriteJsonAsync(http, json, CacheControlOf<TDoc>(), ct);

    /// <summary>Writes JSON bytes with a strong ETag and <paramref name="cacheControl"/>, or a bodiless 304.</summary>
    public static Task WriteJsonAsync(HttpContext http, ReadOnlyMemory<byte> json, string cacheControl, CancellationToken ct) =>
        WriteAsync(http, json, "application/json; charset=utf-8", cacheControl, ct);

    /// <summary>
    /// Writes published content in any format (JSON, iCalendar, Atom, HTML) with a strong ETag made from its bytes,
    /// or a bodiless 304 when the client already has them.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, ReadOnlyMemory<byte> body, string contentType, string cacheControl, CancellationToken ct)
    {
        var etag = ETags.ForBytes(body.Span);
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        if (ETags.IfNoneMatchHits(http.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            await response.StartAsync(ct); // a started response tells FastEndpoints not to send its own
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
