using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FastEndpoints;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>The query parameters an endpoint declares: its request's <see cref="QueryParamAttribute"/> properties, by their contract names.</summary>
public static class ContractQuery
{
    private static readonly ConcurrentDictionary<Type, string[]> Names = new();

    /// <summary>The contract's names of the query parameters <paramref name="request"/> binds, in ordinal order.</summary>
    public static string[] NamesOf(Type request) => Names.GetOrAdd(request, type => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.IsDefined(typeof(QueryParamAttribute), inherit: true))
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal)
        .ToArray());

    /// <summary>
    /// Keys the output cache by the endpoint's declared parameters only (the default keys by every parameter): the
    /// query collection matches names without regard to case and the key lists them in one order, so another order,
    /// another case or an undeclared parameter finds the same entry.
    /// </summary>
    public sealed class VaryPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType;
            context.CacheVaryByRules.QueryKeys = request is null ? StringValues.Empty : new StringValues(NamesOf(request));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
