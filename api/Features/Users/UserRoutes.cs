using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>Paths of the user administration endpoints (administrators only).</summary>
public static class UserRoutes
{
    public const string Collection = ManagementRoutes.Prefix + "/users";
    public const string Item = Collection + "/{id:guid}";
}

/// <summary>An account named by its id in the path.</summary>
public sealed class UserIdRequest
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; init; }
}

/// <summary>The new role of the account named in the path.</summary>
public sealed class ChangeUserRoleRequest
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; init; }

    [FromBody]
    public ChangeRoleRequest Body { get; init; } = default!;
}

public sealed class CreateUserRequestValidator : Validator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress()
            .WithMessage(_ => Text.Of("Adresse e-mail invalide.", "Invalid e-mail address."));
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(120);
        RuleFor(x => x.Role).IsInEnum();
    }
}

public sealed class ChangeUserRoleRequestValidator : Validator<ChangeUserRoleRequest>
{
    public ChangeUserRoleRequestValidator()
    {
        RuleFor(x => x.Body).NotNull();
        RuleFor(x => x.Body.Role).IsInEnum().When(x => x.Body is not null).OverridePropertyName("role");
    }
}

internal static class UserLookup
{
    public static async Task<User> LoadUserAsync(this Marten.IQuerySession session, Guid id, CancellationToken ct) =>
        await session.LoadAsync<User>(id, ct) ?? throw ProblemException.NotFound();
}
