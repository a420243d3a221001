using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Content.Preview;

/// <summary>What a valid preview token names.</summary>
public sealed record PreviewClaim(string Type, Guid Id, string Version, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring preview tokens: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>, the payload being
/// <c>p1|type|id|latest|expiry in Unix seconds</c>. The key is derived from the JWT signing key (HMAC of a fixed
/// label), so no new secret is needed and a bearer token's signature can never pass for a preview token's.
/// </summary>
public sealed class PreviewTokens(JwtSettings jwt, TimeProvider clock)
{
    public const string Latest = "latest";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);
    private const string Prefix = "p1";

    private readonly byte[] _key = HMACSHA256.HashData(jwt.Key.Key, "vivapolis/preview-token/v1"u8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string type, Guid id, TimeSpan lifetime)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        var payload = Encoding.UTF8.GetBytes(
            $"{Prefix}|{type}|{id:N}|{Latest}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return ($"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(_key, payload))}", expires);
    }

    /// <summary>The claim of a well-signed, unexpired token; null for anything else.</summary>
    public PreviewClaim? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        if (!TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var mac)) return null;
        // The canonical encoding only: a token with other characters (changed padding bits) is refused too.
        if (Base64Url(payload) != token[..dot] || Base64Url(mac) != token[(dot + 1)..]) return null;
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload))) return null;

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 5 || parts[0] != Prefix) return null;
        if (!Guid.TryParseExact(parts[2], "N", out var id)) return null;
        if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (clock.GetUtcNow() >= expires) return null;
        return new PreviewClaim(parts[1], id, parts[3], expires);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 == 1) return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var buffer = new byte[base64.Length * 3 / 4];
        if (!Convert.TryFromBase64String(base64, buffer, out var written)) return false;
        bytes = buffer[..written];
        return true;
    }
}
