using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Content.Preview;

/// <summary>
/// What a valid preview token names: the item, who made the link (checked again on every use), and the item's
/// preview generation when it was made (revoking the item's links raises it).
/// </summary>
public sealed record PreviewClaim(string Type, Guid Id, Guid Maker, int Generation, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring preview tokens: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>, the payload being
/// <c>p2|type|id|maker|generation|expiry in Unix seconds</c>. The key is derived from the JWT signing key (HMAC of a
/// fixed label), so no new secret is needed and a bearer token's signature can never pass for a preview token's.
/// Version 1 tokens named no maker: they are refused.
/// </summary>
public sealed class PreviewTokens(JwtSettings jwt, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);
    private const string Prefix = "p2";

    private readonly byte[] _key = HMACSHA256.HashData(jwt.Key.Key, "vivapolis/preview-token/v1"u8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string type, Guid id, Guid maker, int generation, TimeSpan lifetime)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}|{type}|{id:N}|{maker:N}|{generation}|{expires.ToUnixTimeSeconds()}"));
        return ($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}", expires);
    }

    /// <summary>The claim of a well-signed, unexpired token; null for anything else.</summary>
    public PreviewClaim? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        if (Canonical(token.AsSpan(0, dot)) is not { } payload || Canonical(token.AsSpan(dot + 1)) is not { } mac) return null;
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload))) return null;

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 6 || parts[0] != Prefix) return null;
        if (!Guid.TryParseExact(parts[2], "N", out var id) || !Guid.TryParseExact(parts[3], "N", out var maker)) return null;
        if (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)) return null;
        if (!long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (clock.GetUtcNow() >= expires) return null;
        return new PreviewClaim(parts[1], id, maker, generation, expires);
    }

    /// <summary>
    /// The bytes of canonical base64url only: the decoder tolerates padding and white space, so what does not
    /// encode back to the same text is refused (and the decoder throws on what is not base64url at all).
    /// </summary>
    private static byte[]? Canonical(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !Base64Url.IsValid(text)) return null;
        var bytes = Base64Url.DecodeFromChars(text);
        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text) ? bytes : null;
    }
}
