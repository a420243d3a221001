using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Features.ApiKeys;

/// <summary>
/// A partner's API key. The secret itself is never stored: only its SHA-256 hash, looked up on every request,
/// and its first characters, shown in lists. Revoked keys stay, with who revoked them and when, for the record.
/// </summary>
public sealed class ApiKey : Content.ICreatedDocument
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string[] Scopes { get; set; } = [];

    /// <summary>The secret's first characters (<see cref="ApiKeySecrets.PrefixLength"/>), to tell keys apart.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole secret, lowercase hex; unique.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>Written at most once a minute (see <see cref="ApiKeyAuthenticationHandler"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public ApiKeyDetails ToDetails() => new()
    {
        Id = Id, Name = Name, Scopes = Scopes, Prefix = Prefix, CreatedAt = CreatedAt, CreatedBy = CreatedBy,
        RevokedAt = RevokedAt, RevokedBy = RevokedBy, LastUsedAt = LastUsedAt,
    };
}

/// <summary>Making, recognising and hashing the secrets: <c>vvp_</c> then 32 random bytes in base64url (43 characters).</summary>
public static class ApiKeySecrets
{
    public const string Marker = "vvp_";
    public const int RandomBytes = 32;
    public static readonly int Length = Marker.Length + Base64Url.GetEncodedLength(RandomBytes);

    /// <summary>The marker and 8 random characters: 48 of the 256 bits, leaving 208 unknown.</summary>
    public const int PrefixLength = 12;

    public static string New() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// Plain SHA-256, without salt or stretching, is right here: the secret is 256 random bits, not a password
    /// a person chose, so there is no dictionary to try and brute force is out of reach. A fast, unsalted hash
    /// is also what lets each request find its key by an indexed lookup.
    /// </summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    /// <summary>Whether the text has the shape of a key we issue (anything else is refused before any lookup).</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == Length && text.StartsWith(Marker, StringComparison.Ordinal)
        && Base64Url.IsValid(text.AsSpan(Marker.Length), out var decoded) && decoded == RandomBytes;
}

// Appended to the key's own stream (stream id = key id) in the same SaveChanges as the change, so the audit log
// (GET /api/v1/manage/audit) shows who created and revoked keys; no secret or hash is in them.

public sealed record ApiKeyCreated(string Name, string[] Scopes, string By, DateTimeOffset At);

public sealed record ApiKeyRevoked(string Name, string By, DateTimeOffset At);
