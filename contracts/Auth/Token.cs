namespace Vivapolis.Contracts.Auth;

/// <summary>Credentials of an editor account.</summary>
public sealed record TokenRequest(string Email, string Password);

/// <summary>A bearer token for the management API.</summary>
/// <param name="AccessToken">JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Lifetime in seconds.</param>
/// <param name="User">Who signed in.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, UserInfo User);

/// <summary>The signed-in user.</summary>
public sealed record UserInfo(Guid Id, string Email, string DisplayName, string Role);
