using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

public sealed class PasswordChangeRequestValidator : Validator<PasswordChangeRequest>
{
    public PasswordChangeRequestValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(Passwords.MaxLength);
        RuleFor(x => x.NewPassword).NewPassword();
    }
}

/// <summary>POST /api/v1/auth/password: the signed-in user changes their password; every session ends.</summary>
public sealed class ChangePassword(IDocumentSession session, IPasswordHasher<User> hasher, Sessions sessions)
    : Endpoint<PasswordChangeRequest>
{
    public override void Configure()
    {
        Post("/api/v1/auth/password");
        Roles(Auth.Roles.All);
        Description(b => b.Document<PasswordChangeRequest, EmptyResponse>(204, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Change the signed-in user's password";
            s.Description = "Every refresh token of the account stops working, this session's included: sign in again.";
        });
    }

    public override async Task HandleAsync(PasswordChangeRequest request, CancellationToken ct)
    {
        var user = await session.LoadAsync<User>(User.UserId(), ct) ?? throw ProblemException.NotFound();
        // A field error, so that the form can show it beside the field; the caller is signed in already.
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(request.CurrentPassword),
                Text.Of("Le mot de passe actuel est incorrect.", "The current password is wrong.")) { ErrorCode = "WrongPassword" }]);
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        session.Update(user);
        await sessions.EndAllAsync(user.Id, "password_changed", ct);
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
