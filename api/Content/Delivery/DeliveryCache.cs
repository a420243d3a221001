using Microsoft.AspNetCore.OutputCaching;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>
/// Public reads are served from memory: the rendered (and compressed) bytes with their ETag, for a few seconds.
/// Publishing, unpublishing, deleting or erasing evicts them at once on this node; other nodes catch up within
/// <see cref="Lifetime"/>, well inside the minute that shared caches are allowed anyway.
/// </summary>
public static class DeliveryCache
{
    public const string Policy = "delivery";
    public const string Tag = "delivery";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddDeliveryCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            // A preview (?preview=TOKEN) is someone's draft: never looked up nor stored, whatever else varies.
            .With(ctx => !ctx.HttpContext.Request.Query.ContainsKey(Preview.PreviewResponse.Parameter))
            // Nor is anything asked with credentials, valid or not: no cache entry is ever shared between callers.
            .With(ctx => !Http.IsPrivate(ctx.HttpContext.Request))
            .Expire(Lifetime)
            .SetVaryByQuery("*")
            .SetVaryByHeader("Accept-Encoding", "Accept-Language")
            // Some lists depend on the time ("upcoming events"): the app's clock minute is part of the key.
            .VaryByValue(http => new("minute", http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddHHmm")))
            .Tag(Tag)));

    public static ValueTask EvictAsync(this IOutputCacheStore cache, CancellationToken ct) => cache.EvictByTagAsync(Tag, ct);
}
