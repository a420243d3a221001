using Microsoft.AspNetCore.OutputCaching;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>
/// Public reads are served from memory: the rendered (and compressed) bytes with their ETag, for a few seconds.
/// Each entry is tagged with the content types it shows; a change to a type's published set evicts that type's
/// entries at once on this node (and search's, for searchable types), and on the other nodes as soon as the change
/// commits (<see cref="ClusterEviction"/>); <see cref="Lifetime"/> bounds what a node that lost the notification keeps.
/// </summary>
public static class DeliveryCache
{
    /// <summary>The policy of public reads that show no content type (reference lists).</summary>
    public const string Policy = "delivery";

    /// <summary>On every entry: evicting it empties the whole delivery cache.</summary>
    public const string Tag = "delivery";

    /// <summary>On search's entries: every searchable type's change evicts them.</summary>
    public const string SearchTag = "delivery:search";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>The tag of every entry that shows items of this type.</summary>
    public static string TagOf(string typeName) => $"delivery:{typeName}";

    public static IServiceCollection AddDeliveryCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => Rules(b)));

    /// <summary>Caches an endpoint's public answers under the tags of what it shows (<see cref="TagOf"/>, <see cref="SearchTag"/>).</summary>
    public static TBuilder CacheDelivery<TBuilder>(this TBuilder endpoint, params string[] tags) where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(b => Rules(b, tags));

    /// <summary>After a change to the published set of <typeparamref name="TDoc"/>: its entries go, and search's if it is searchable.</summary>
    public static async Task EvictTypeAsync<TDoc>(this IOutputCacheStore cache, CancellationToken ct) where TDoc : IContentDocument
    {
        await cache.EvictByTagAsync(TagOf(TDoc.TypeName), ct);
        if (!TDoc.HoldsPersonalData) await cache.EvictByTagAsync(SearchTag, ct);
    }

    /// <summary>Everything public (tests start from an empty cache).</summary>
    public static ValueTask EvictAsync(this IOutputCacheStore cache, CancellationToken ct) => cache.EvictByTagAsync(Tag, ct);

    private static void Rules(OutputCachePolicyBuilder b, params string[] tags) => b
        // A preview (?preview=TOKEN) is someone's draft: never looked up nor stored, whatever else varies.
        .With(ctx => !ctx.HttpContext.Request.Query.ContainsKey(Preview.PreviewResponse.Parameter))
        // Nor is anything asked with credentials, valid or not: no cache entry is ever shared between callers.
        .With(ctx => !Http.IsPrivate(ctx.HttpContext.Request))
        .Expire(Lifetime)
        // The endpoint's own query parameters only, in one order: an unknown or reordered parameter (a partner's
        // cache-buster, `?x=<random>`) is ignored by the endpoint, so it must not mint an entry of its own either.
        .AddPolicy<ContractQuery.VaryPolicy>()
        .SetVaryByHeader("Accept-Encoding", "Accept-Language")
        // Some lists depend on the time ("upcoming events"): the app's clock minute is part of the key.
        .VaryByValue(http => new("minute", http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddHHmm")))
        .Tag([Tag, .. tags]);
}
