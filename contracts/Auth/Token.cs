using System.ComponentModel.DataAnnotations;

namespace Vivapolis.Contracts.Auth;

/// <summary>Credentials of an editor account.</summary>
public sealed record TokenRequest([property: MaxLength(254)] string Email, [property: MaxLength(256)] string Password);

/// <summary>A short-lived bearer token for the management API, and the refresh token that renews it.</summary>
/// <param name="AccessToken">JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Lifetime of the access token in seconds.</param>
/// <param name="User">Who signed in, with the role the access token carries.</param>
/// <param name="RefreshToken">
/// Single-use: <c>POST /api/v1/auth/refresh</c> exchanges it for a new pair. Presenting it a second time ends the
/// session (it was stolen or replayed). Keep it out of URLs and logs.
/// </param>
/// <param name="RefreshExpiresIn">Seconds until the session ends, whatever the refreshes; then sign in again.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, UserInfo User,
    string RefreshToken, int RefreshExpiresIn);

/// <summary>The signed-in user.</summary>
public sealed record UserInfo(Guid Id, string Email, string DisplayName, string Role);

/// <summary>A refresh token to exchange (refresh) or to end (logout).</summary>
public sealed record RefreshRequest([property: MaxLength(76), RegularExpression(TokenShape.Pattern)] string RefreshToken);

/// <summary>The signed-in user's new password, proven by the current one.</summary>
public sealed record PasswordChangeRequest(
    [property: MaxLength(256)] string CurrentPassword,
    [property: StringLength(256, MinimumLength = 12)] string NewPassword);

/// <summary>A new password, proven by the one-time reset token an administrator handed over.</summary>
public sealed record PasswordResetRequest(
    [property: MaxLength(76), RegularExpression(TokenShape.Pattern)] string ResetToken,
    [property: StringLength(256, MinimumLength = 12)] string NewPassword);

/// <summary>Refresh and reset tokens: 32 hexadecimal digits, a dot, 43 base64url characters.</summary>
public static class TokenShape
{
    public const string Pattern = "^[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$";
}
