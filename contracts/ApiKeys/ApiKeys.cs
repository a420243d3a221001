using System.ComponentModel.DataAnnotations;
namespace Vivapolis.Contracts.ApiKeys;

/// <summary>What a partner's API key may do; a key holds one or more.</summary>
public static class ApiKeyScopes
{
    /// <summary>Read the change feed (<c>GET /api/v1/sync</c>), to keep a mirror of published content.</summary>
    public const string SyncRead = "sync:read";

    /// <summary>Read items' current drafts in their delivery shape (<c>GET /api/v1/preview/{type}/{id}</c>).</summary>
    public const string PreviewRead = "preview:read";

    public static readonly IReadOnlyList<string> All = [SyncRead, PreviewRead];
}

/// <summary>A new API key for a partner (the aggregator, a partner site).</summary>
public sealed record ApiKeyRequest
{
    /// <summary>Who the key is for, so that administrators can tell keys apart: 1 to 100 characters.</summary>
    [StringLength(100, MinimumLength = 1)]
    public string Name { get; init; } = "";

    /// <summary>What the key may do, at least one, without repeats: <c>sync:read</c>, <c>preview:read</c>.</summary>
    [MinLength(1), MaxLength(2)]
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>An API key as administrators see it: never its secret, which only its creation returns.</summary>
public sealed record ApiKeyDetails
{
    public required Guid Id { get; init; }

    /// <summary>Who the key is for.</summary>
    public required string Name { get; init; }

    /// <summary>What the key may do: <c>sync:read</c>, <c>preview:read</c>.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The key's first characters (<c>vvp_</c> and 8 more), to recognise it in a partner's configuration.</summary>
    public required string Prefix { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The administrator who created it (e-mail).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was revoked; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The administrator who revoked it; null while it works.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>When it was last used, to the minute; null if never.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}

/// <summary>A key just created, with its secret: shown this once, it cannot be read again, only revoked and replaced.</summary>
public sealed record CreatedApiKey
{
    /// <summary>The secret to send as the <c>X-Api-Key</c> header. Keep it like a password.</summary>
    public required string Key { get; init; }

    public required Guid Id { get; init; }

    /// <summary>Who the key is for.</summary>
    public required string Name { get; init; }

    /// <summary>What the key may do.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The key's first characters, as lists show them.</summary>
    public required string Prefix { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The administrator who created it (e-mail).</summary>
    public required string CreatedBy { get; init; }
}
