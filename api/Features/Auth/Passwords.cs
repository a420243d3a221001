using FluentValidation;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Auth;

/// <summary>What a new password must be: long rather than complicated (NIST SP 800-63B).</summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Length(MinLength, MaxLength)
            .WithMessage(_ => Text.Of($"Le mot de passe doit compter de {MinLength} à {MaxLength} caractères.",
                                      $"The password must have {MinLength} to {MaxLength} characters."));
}
