using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Vivapolis.Api.Infrastructure;

/// <summary>Strong entity tags: from a version number on management, from the bytes themselves on delivery.</summary>
public static class ETags
{
    public static string ForVersion(int version) => $"\"v{version}\"";

    public static string ForBytes(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return $"\"{Base64Url.EncodeToString(hash[..16])}\"";
    }

    /// <summary>True when the request's If-None-Match names this tag (or *), so a 304 is the right answer.</summary>
    public static bool IfNoneMatchHits(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>
    /// The version an If-Match header names: null when the header is absent, -1 when it names a tag we never
    /// issue, so that it cannot match.
    /// </summary>
    public static int? VersionFrom(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return value.StartsWith('v') && int.TryParse(value.AsSpan(1), out var v) && v > 0 ? v : -1;
    }
}
