using System.Security.Cryptography;
using System.Text;
using FluentValidation;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// Refresh and password-reset tokens: "{id}.{secret}", the id naming the stored record, the secret 32 random
/// bytes kept only as a SHA-256 hash. A fast hash is right here: the secret is random, not a password.
/// </summary>
public static partial class OpaqueTokens
{
    public static (string Token, string Hash) Create(Guid id)
    {
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{id:N}.{secret}", HashOf(secret));
    }

    /// <summary>The shape of every token this class makes (also stated in the contract, as a pattern).</summary>
    public const string Pattern = Contracts.Auth.TokenShape.Pattern;

    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        token is not null && WellFormed().IsMatch(token);

    /// <summary>Splits a token into the record's id and the hash of its secret; false for anything malformed.</summary>
    public static bool TryRead(string? token, out Guid id, out string hash)
    {
        id = Guid.Empty;
        hash = "";
        if (!IsWellFormed(token) || !Guid.TryParseExact(token.AsSpan(0, 32), "N", out id)) return false;
        hash = HashOf(token[33..]);
        return true;
    }

    /// <summary>The rule of validators that take a token: a malformed one is a 400, not a lookup.</summary>
    public static IRuleBuilderOptions<T, string> OpaqueToken<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsWellFormed)
            .WithMessage(_ => Infrastructure.Text.Of("Ce jeton est mal formé.", "This token is malformed."));

    [System.Text.RegularExpressions.GeneratedRegex(Pattern)]
    private static partial System.Text.RegularExpressions.Regex WellFormed();

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool Matches(string expectedHash, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(hash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
