using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Auth;

/// <summary>An account. The password is only ever kept as a PasswordHasher hash, never logged or returned.</summary>
public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>Lowercase, unique.</summary>
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Editor;

    /// <summary>Empty until a password is set (a new account, or after an administrator forced a reset).</summary>
    public string PasswordHash { get; set; } = "";

    public bool Suspended { get; set; }

    /// <summary>The SHA-256 hash of the pending reset token's secret, and until when it works.</summary>
    public string? PasswordResetHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public bool MaySignIn => !Suspended && PasswordHash.Length > 0;

    public UserAccount ToAccount() => new()
    {
        Id = Id, Email = Email, DisplayName = DisplayName, Role = Roles.ToContract(Role), Suspended = Suspended,
        PasswordResetRequired = PasswordHash.Length == 0, CreatedAt = CreatedAt, LastSignInAt = LastSignInAt,
    };
}

/// <summary>The four roles, as the role claim of a token carries them.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Author = "author";
    public const string Sales = "sales";

    public static readonly string[] All = [Admin, Editor, Author, Sales];

    public static string Of(UserRole role) => Infrastructure.Json.Name(role);

    public static UserRole ToContract(string role) => Enum.GetValues<UserRole>().First(r => Of(r) == role);
}
