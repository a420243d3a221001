using System.Security.Cryptography;
using System.Text;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// Refresh and password-reset tokens: "{id}.{secret}", the id naming the stored record, the secret 32 random
/// bytes kept only as a SHA-256 hash. A fast hash is right here: the secret is random, not a password.
/// </summary>
public static class OpaqueTokens
{
    public static (string Token, string Hash) Create(Guid id)
    {
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{id:N}.{secret}", HashOf(secret));
    }

    /// <summary>Splits a token into the record's id and the hash of its secret; false for anything malformed.</summary>
    public static bool TryRead(string? token, out Guid id, out string hash)
    {
        id = Guid.Empty;
        hash = "";
        if (token is null || token.Length > 100) return false;
        var dot = token.IndexOf('.');
        if (dot != 32 || !Guid.TryParseExact(token.AsSpan(0, dot), "N", out id) || token.Length - dot - 1 < 40) return false;
        hash = HashOf(token[(dot + 1)..]);
        return true;
    }

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool Matches(string expectedHash, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(hash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
