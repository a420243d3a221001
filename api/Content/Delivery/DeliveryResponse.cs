using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

public static class DeliveryResponse
{
    /// <summary>Shared caches may keep published content briefly; the ETag makes revalidation cheap.</summary>
    public const string CacheControl = "public, max-age=60, stale-while-revalidate=300";

    /// <summary>Writes JSON bytes with a strong ETag, or a bodiless 304 when the client already has them.</summary>
    public static async Task WriteJsonAsync(HttpContext http, byte[] json, CancellationToken ct)
    {
        var etag = ETags.ForBytes(json);
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        if (ETags.IfNoneMatchHits(http.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            await response.StartAsync(ct); // a started response tells FastEndpoints not to send its own
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, ct);
    }
}
