namespace Vivapolis.Api.Features.Auth;

/// <summary>An editor account. The password is only ever kept as a PasswordHasher hash.</summary>
public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>Lowercase, unique.</summary>
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Editor;
    public string PasswordHash { get; set; } = "";
    public bool Suspended { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Author = "author";
    public const string Sales = "sales";

    public static readonly string[] All = [Admin, Editor, Author, Sales];
}
