using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Users;

/// <summary>What an account may do; see the README's roles table.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UserRole>))]
public enum UserRole
{
    /// <summary>Everything, including users, API keys and the audit log.</summary>
    [JsonStringEnumMemberName("admin")] Admin,

    /// <summary>All articles, fiches and events: create, edit, review, publish, unpublish, schedule, delete.</summary>
    [JsonStringEnumMemberName("editor")] Editor,

    /// <summary>Own drafts of articles, fiches and events, submitted for review; never publishes.</summary>
    [JsonStringEnumMemberName("author")] Author,

    /// <summary>Advertiser contacts only, erasure included.</summary>
    [JsonStringEnumMemberName("sales")] Sales,
}

/// <summary>An account as administrators see it. Passwords and their hashes never leave the API.</summary>
public sealed record UserAccount
{
    public required Guid Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required UserRole Role { get; init; }

    /// <summary>A suspended account cannot sign in, and its sessions ended when it was suspended.</summary>
    public required bool Suspended { get; init; }

    /// <summary>True until the account's owner sets a password with a reset token.</summary>
    public required bool PasswordResetRequired { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
}

/// <summary>A new account. It has no password: its owner sets one with the reset token of the response.</summary>
public sealed record CreateUserRequest(
    [property: MaxLength(254), EmailAddress] string Email,
    [property: StringLength(120, MinimumLength = 1)] string DisplayName,
    UserRole Role);

/// <summary>The role an account gets.</summary>
public sealed record ChangeRoleRequest(UserRole Role);

/// <summary>
/// A one-time token to hand to the account's owner, shown only in this response: with it,
/// <c>POST /api/v1/auth/password-reset</c> sets the password.
/// </summary>
public sealed record PasswordResetTicket(string ResetToken, DateTimeOffset ExpiresAt);

/// <summary>The account created, and how its owner sets a first password.</summary>
public sealed record CreatedUser(UserAccount User, PasswordResetTicket PasswordReset);

/// <summary>
/// Someone of the newsroom as their colleagues see them: the e-mail that histories, lists and the audit log record,
/// and the name to show for it. Nothing else about the account.
/// </summary>
/// <param name="Email">The address items record in <c>createdBy</c>, <c>updatedBy</c> and <c>by</c>.</param>
/// <param name="DisplayName">The name to show.</param>
public sealed record Colleague(string Email, string DisplayName);
