using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

public sealed class PasswordResetRequestValidator : Validator<PasswordResetRequest>
{
    public PasswordResetRequestValidator()
    {
        RuleFor(x => x.ResetToken).OpaqueToken();
        RuleFor(x => x.NewPassword).NewPassword();
    }
}

/// <summary>POST /api/v1/auth/password-reset: a new account, or one whose reset an administrator forced, sets its password.</summary>
public sealed class ResetPassword(IDocumentSession session, IPasswordHasher<User> hasher, Sessions sessions, TimeProvider clock)
    : Endpoint<PasswordResetRequest>
{
    public override void Configure()
    {
        Post("/api/v1/auth/password-reset");
        AllowAnonymous();
        Description(b => b.Document<PasswordResetRequest, EmptyResponse>(204, 400, 401));
        Summary(s =>
        {
            s.Summary = "Set a password with a one-time reset token";
            s.Description = "The token comes from an administrator (account creation or forced reset), works once and expires after 72 hours.";
        });
    }

    public override async Task HandleAsync(PasswordResetRequest request, CancellationToken ct)
    {
        var user = OpaqueTokens.TryRead(request.ResetToken, out var id, out var hash) ? await session.LoadAsync<User>(id, ct) : null;
        if (user is not { PasswordResetHash: { } expected } || user.PasswordResetExpiresAt <= clock.GetUtcNow()
            || !OpaqueTokens.Matches(expected, hash))
            throw new ProblemException(401, Problems.Title(401),
                Text.Of("Ce lien de réinitialisation n'est pas ou plus valable : demandez-en un autre à un administrateur.",
                        "This reset token is not valid (any more): ask an administrator for another one."));
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        user.PasswordResetHash = null;
        user.PasswordResetExpiresAt = null;
        session.Update(user);
        await sessions.EndAllAsync(user.Id, "password_reset", ct);
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
