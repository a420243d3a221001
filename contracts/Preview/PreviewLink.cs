using System.ComponentModel.DataAnnotations;
namespace Vivapolis.Contracts.Preview;

/// <summary>Options of a new preview link.</summary>
public sealed record PreviewOptions
{
    /// <summary>How long the link works, in minutes: 1 to 10080 (7 days); 60 when absent.</summary>
    [Range(1, 10080)]
    public int? ExpiresInMinutes { get; init; }
}

/// <summary>An expiring, signed link showing an item's current draft in its delivery shape.</summary>
public sealed record PreviewLink
{
    /// <summary>The signed token: pass it as <c>preview</c> on the item's public by-slug URL.</summary>
    public required string Token { get; init; }

    /// <summary>The public by-slug path with the token (and the locale when not French), relative to the API.</summary>
    public required string Url { get; init; }

    /// <summary>When the token stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
