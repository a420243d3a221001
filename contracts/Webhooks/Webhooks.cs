using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Contracts.Webhooks;

/// <summary>
/// A webhook as an administrator sets it up: where to send, and which changes. Empty lists mean every kind of
/// change, every content type.
/// </summary>
public sealed record WebhookRequest
{
    /// <summary>
    /// The receiver's address: absolute, <c>https</c>, without user name or password, at most 2000 characters. It must
    /// resolve to a public address when each delivery is sent (private, loopback, link-local, multicast and cloud
    /// metadata addresses are refused).
    /// </summary>
    /// <example>https://miroir.example.org/vivapolis</example>
    [StringLength(2000, MinimumLength = 1)]
    public string Url { get; init; } = "";

    /// <summary>What the webhook is for, shown to administrators: at most 200 characters.</summary>
    /// <example>Miroir de l'Institut de la ville durable</example>
    [MaxLength(200)]
    public string? Description { get; init; }

    /// <summary>
    /// The kinds of change to send, as the sync feed names them (<c>kind</c>): published, republished, slug_changed,
    /// unpublished, deleted, erased, withdrawn. None means all of them.
    /// </summary>
    [MaxLength(7)]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The content types to send changes of (article, fiche, event, advertiser-contact): none means all of them.</summary>
    [MaxLength(10)]
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary>False pauses the webhook: no new deliveries are made for it, and pending ones wait until it is enabled again.</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>Whether a webhook's receiver takes its deliveries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookHealth>))]
public enum WebhookHealth
{
    /// <summary>No delivery has run out of retries since the last success.</summary>
    [JsonStringEnumMemberName("healthy")] Healthy,

    /// <summary>A delivery was retried for 24 hours and never taken: the receiver needs looking at. The next success clears it.</summary>
    [JsonStringEnumMemberName("failing")] Failing,
}

/// <summary>A webhook as administrators see it: never its secret, which only its creation and a rotation return.</summary>
public sealed record WebhookDetails
{
    public required Guid Id { get; init; }

    /// <summary>The receiver's address.</summary>
    public required string Url { get; init; }

    public string? Description { get; init; }

    /// <summary>The kinds of change sent; empty for all.</summary>
    public required IReadOnlyList<ChangeKind> Events { get; init; }

    /// <summary>The content types whose changes are sent; empty for all.</summary>
    public required IReadOnlyList<string> ContentTypes { get; init; }

    /// <summary>False while paused.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Failing once a delivery has run out of retries; healthy again after the next success.</summary>
    public required WebhookHealth Health { get; init; }

    /// <summary>Since when it is failing; null while healthy.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>Failed attempts since the last success (each attempt of each delivery counts).</summary>
    public required int ConsecutiveFailures { get; init; }

    /// <summary>The error of the last failed attempt, if any since the last success.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>Deliveries waiting for their first or next attempt.</summary>
    public required int PendingDeliveries { get; init; }

    /// <summary>The secret's first characters (<c>whsec_</c> and 4 more), to recognise it in a receiver's configuration.</summary>
    public required string SecretPrefix { get; init; }

    /// <summary>Until then the secret replaced by the last rotation still signs too (a second <c>v1,</c> signature); null when none does.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <summary>The version, as in the ETag: send it back in If-Match to update.</summary>
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The administrator who created it (e-mail).</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
}

/// <summary>A webhook with its signing secret: shown this once (at creation or rotation), it cannot be read again.</summary>
public sealed record WebhookWithSecret
{
    public required WebhookDetails Webhook { get; init; }

    /// <summary>
    /// The Standard Webhooks signing secret, <c>whsec_</c> then 32 bytes in base64: give it to the receiver's
    /// verification library as is. Keep it like a password.
    /// </summary>
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2q4M1bbkCqM=</example>
    public required string Secret { get; init; }
}

/// <summary>Where a delivery stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryStatus>))]
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (see <c>nextAttemptAt</c>).</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,

    /// <summary>Retried for 24 hours without a 2xx: given up (an administrator may redeliver it).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>One message to one webhook, attempted until the receiver takes it.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The message's id, sent as the <c>webhook-id</c> header: the same on every attempt, so receivers dedupe by it.</summary>
    /// <example>0193c5a2-7b1e-7cc0-9d1a-4f2b8e6a5c31</example>
    public required Guid Id { get; init; }

    public required Guid WebhookId { get; init; }

    /// <summary>The payload's <c>type</c>: <c>content.published</c>, <c>content.unpublished</c> … or <c>webhook.ping</c>.</summary>
    /// <example>content.published</example>
    public required string Event { get; init; }

    /// <summary>The change's position in the change log (commit order); null for a ping.</summary>
    public long? Position { get; init; }

    public required WebhookDeliveryStatus Status { get; init; }

    /// <summary>Attempts made so far.</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due; null once delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The HTTP status of the last attempt; null when none came back (refused address, timeout, connection error).</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Why the last attempt failed (in English, as HTTP and sockets word it); null when it succeeded.</summary>
    /// <example>HTTP 503 Service Unavailable</example>
    public string? LastError { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }
}

/// <summary>One HTTP attempt of a delivery.</summary>
public sealed record WebhookAttempt
{
    /// <summary>1 for the first attempt, and so on.</summary>
    public required int Number { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The receiver's HTTP status; null when none came back.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the attempt took, in milliseconds.</summary>
    public required int DurationMs { get; init; }

    /// <summary>Why it failed: refused address, timeout, connection error, non-2xx status, redirect; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The first kilobyte (at most) of the receiver's answer, as text.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>When the next attempt was scheduled after this one; null when there was none.</summary>
    public DateTimeOffset? NextRetryAt { get; init; }
}

/// <summary>A delivery with its payload and every attempt, oldest first.</summary>
public sealed record WebhookDeliveryDetails
{
    public required WebhookDelivery Delivery { get; init; }

    /// <summary>The body sent, exactly as signed.</summary>
    public required WebhookEvent Payload { get; init; }

    public required IReadOnlyList<WebhookAttempt> AttemptLog { get; init; }
}

/// <summary>
/// The body of every webhook request (Standard Webhooks' recommended shape). It says what changed, not the item:
/// read the item with <c>GET /api/v1/sync</c> (or its public address). Headers: <c>webhook-id</c> (the
/// delivery's id, the same on every retry), <c>webhook-timestamp</c> (Unix seconds of the attempt) and
/// <c>webhook-signature</c> (<c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>; two signatures,
/// space-separated, during the day after a secret rotation).
/// </summary>
public sealed record WebhookEvent
{
    /// <summary><c>content.</c> + the change's kind (<c>content.published</c>, <c>content.unpublished</c> …), or <c>webhook.ping</c>.</summary>
    /// <example>content.published</example>
    public required string Type { get; init; }

    /// <summary>When the change was made (the same on every attempt).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required WebhookEventData Data { get; init; }
}

/// <summary>What changed; for a ping, only <c>webhookId</c>.</summary>
public sealed record WebhookEventData
{
    /// <summary>The content type: article, fiche, event or advertiser-contact.</summary>
    /// <example>article</example>
    public string? Type { get; init; }

    /// <summary>The item's id, as in the sync feed.</summary>
    /// <example>0193c5a1-0f2e-7a44-b1d3-2c9e8f7a6b50</example>
    public Guid? Id { get; init; }

    /// <summary>Why: published, republished, slug_changed, unpublished, deleted, erased or withdrawn.</summary>
    public ChangeKind? Kind { get; init; }

    /// <summary>upsert (fetch the item) or delete (forget it).</summary>
    public SyncOp? Op { get; init; }

    /// <summary>The item's version after the change.</summary>
    public int? Version { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Its language; null for an erasure.</summary>
    public Locale? Locale { get; init; }

    /// <summary>Its public slug; always null for types that hold personal data (advertiser contacts) and for an erasure.</summary>
    /// <example>vers-un-modele-francais</example>
    public string? Slug { get; init; }

    /// <summary>
    /// The change's position in the change log: the order of commits, the order of the sync feed. Deliveries may
    /// arrive out of order; a receiver that keeps the highest position it applied can ignore older ones.
    /// </summary>
    /// <example>1287</example>
    public long? Position { get; init; }

    /// <summary>For a ping: the webhook tested.</summary>
    public Guid? WebhookId { get; init; }
}
