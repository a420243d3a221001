using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Sync;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>
/// A receiver of change notifications, as stored (a Marten document with numeric revisions, for If-Match).
/// <see cref="Events"/> and <see cref="ContentTypes"/> hold contract names, because the outbox's SQL matches them
/// against each change (<see cref="WebhookOutbox"/>). The secret is kept encrypted (<see cref="WebhookSecrets"/>).
/// </summary>
public sealed class Webhook : IRevisioned, Content.ICreatedDocument
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Url { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Contract names of <see cref="ChangeKind"/>; empty for all.</summary>
    public string[] Events { get; set; } = [];

    /// <summary>Content type names; empty for all.</summary>
    public string[] ContentTypes { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>The signing secret, encrypted by <see cref="WebhookSecrets.Protect"/>.</summary>
    public string Secret { get; set; } = "";

    public string SecretPrefix { get; set; } = "";

    /// <summary>The secret a rotation replaced, encrypted; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public void Apply(WebhookRequest request)
    {
        Url = request.Url.Trim();
        Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        // In the registry's order whatever order they came in, each once.
        Events = Enum.GetValues<ChangeKind>().Select(Json.Name).Where(request.Events.Contains).ToArray();
        ContentTypes = request.ContentTypes.Distinct().Order(StringComparer.Ordinal).ToArray();
        Enabled = request.Enabled;
    }

    public WebhookDetails ToDetails(WebhookState state) => new()
    {
        Id = Id, Url = Url, Description = Description, Events = Events.Select(Json.Parse<ChangeKind>).ToList(),
        ContentTypes = ContentTypes, Enabled = Enabled,
        Health = state.FailingSince is null ? WebhookHealth.Healthy : WebhookHealth.Failing,
        FailingSince = state.FailingSince, ConsecutiveFailures = state.ConsecutiveFailures, LastError = state.LastError,
        LastSuccessAt = state.LastSuccessAt, LastFailureAt = state.LastFailureAt, PendingDeliveries = state.Pending,
        SecretPrefix = SecretPrefix, PreviousSecretExpiresAt = PreviousSecret is null ? null : PreviousSecretExpiresAt,
        Version = Version, CreatedAt = CreatedAt, CreatedBy = CreatedBy, UpdatedAt = UpdatedAt, UpdatedBy = UpdatedBy,
    };
}

/// <summary>How a webhook's deliveries have been going, kept by the dispatcher beside the document (see <see cref="WebhookOutbox"/>).</summary>
public sealed record WebhookState(
    DateTimeOffset? FailingSince, int ConsecutiveFailures, string? LastError, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt, int Pending)
{
    public static readonly WebhookState None = new(null, 0, null, null, null, 0);
}

/// <summary>
/// Signing secrets: <c>whsec_</c> and 32 random bytes in base64, as Standard Webhooks libraries read them. The API
/// must sign with them, so they cannot be kept as a hash: they are encrypted with AES-256-GCM under a key derived
/// (HKDF-SHA256, a label of its own) from the JWT signing key, with the webhook's id as associated data, so a
/// ciphertext copied to another webhook does not decrypt. A database dump alone therefore holds no usable secret.
/// (ASP.NET Data Protection would need a key ring shared by every API node; the nodes share only PostgreSQL and the
/// configured signing key.) Changing the JWT signing key makes the stored secrets unreadable: rotate each
/// webhook's secret afterwards (its deliveries fail with a message that says so until then).
/// </summary>
public sealed class WebhookSecrets(JwtSettings jwt)
{
    public const string Marker = "whsec_";
    public const int RandomBytes = 32;
    public const int PrefixLength = 10;
    private const string Version = "v1.";

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, jwt.Key.Key, 32,
        info: Encoding.UTF8.GetBytes("vivapolis/webhook-secrets/v1"));

    public static string New() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The secret's bytes, as the signature's HMAC key (the base64 after the marker).</summary>
    public static byte[] KeyOf(string secret) => Convert.FromBase64String(secret[Marker.Length..]);

    public string Protect(string secret, Guid webhookId)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[12 + plain.Length + 16];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), webhookId.ToByteArray());
        return Version + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The secret, or null when it cannot be read (another signing key, or tampered with).</summary>
    public string? Unprotect(string? protectedSecret, Guid webhookId)
    {
        if (protectedSecret is null || !protectedSecret.StartsWith(Version, StringComparison.Ordinal)) return null;
        byte[] sealedBytes;
        try { sealedBytes = Base64Url.DecodeFromChars(protectedSecret.AsSpan(Version.Length)); }
        catch (FormatException) { return null; }
        if (sealedBytes.Length < 12 + 16) return null;
        var plain = new byte[sealedBytes.Length - 12 - 16];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), plain,
                webhookId.ToByteArray());
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }
}

// Appended to the webhook's own stream (stream id = webhook id) in the same SaveChanges as the change, so the audit
// log shows who set up, changed, rotated and deleted webhooks. No secret is in them.

public sealed record WebhookCreated(string Url, string By, DateTimeOffset At);

public sealed record WebhookUpdated(string Url, bool Enabled, string By, DateTimeOffset At);

public sealed record WebhookSecretRotated(string By, DateTimeOffset At);

public sealed record WebhookDeleted(string Url, string By, DateTimeOffset At);
