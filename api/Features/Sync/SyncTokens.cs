using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Features.Sync;

/// <summary>Where a reader of the change feed stands.</summary>
/// <param name="Head">During the initial sync: the log position it started at, where the changes will resume.</param>
/// <param name="Type">During the initial sync: the content type being read; null once it is over.</param>
/// <param name="After">During the initial sync: the last id read of <paramref name="Type"/>.</param>
/// <param name="Position">After it: the last log position handed out.</param>
/// <param name="Types">The types filter the feed was started with (sorted; empty for every type).</param>
public sealed record SyncState(long Head, string? Type, Guid? After, long Position, IReadOnlyList<string> Types)
{
    public bool Initial => Type is not null;
}

/// <summary>
/// Opaque, tamper-evident tokens: <c>base64url(payload).base64url(HMAC-SHA256)</c>, the key derived from the JWT
/// signing key with a label of its own and the database schema, so a token from another deployment, or a token of
/// another kind, never passes. The payload is <c>s1|head|type|after|position|types</c>.
/// </summary>
public sealed class SyncTokens(JwtSettings jwt, IDocumentStore store)
{
    private const string Prefix = "s1";

    private readonly byte[] _key = HMACSHA256.HashData(jwt.Key.Key,
        Encoding.UTF8.GetBytes($"vivapolis/sync-token/v1/{store.Options.DatabaseSchemaName}"));

    public string Write(SyncState state)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Prefix, Number(state.Head), state.Type ?? "",
            state.After?.ToString("N") ?? "", Number(state.Position), string.Join(',', state.Types)));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The state a well-signed token holds; null for anything else.</summary>
    public SyncState? Read(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        if (!TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var mac)) return null;
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload))) return null;
        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 6 || parts[0] != Prefix) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var head)) return null;
        if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return null;
        Guid? after = parts[3].Length == 0 ? null : Guid.TryParseExact(parts[3], "N", out var id) ? id : null;
        if (parts[3].Length > 0 && after is null) return null;
        return new SyncState(head, parts[2].Length == 0 ? null : parts[2], after, position,
            parts[5].Length == 0 ? [] : parts[5].Split(','));
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    // The canonical encoding only: another spelling of the same bytes is not a token we issued.
    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text, out var length)) return false;
        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == length
               && Base64Url.EncodeToString(bytes) == text;
    }
}
