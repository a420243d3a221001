using FastEndpoints;
using FluentValidation;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Identity;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

public sealed class TokenRequestValidator : Validator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress()
            .WithMessage(_ => Text.Of("Adresse e-mail invalide.", "Invalid e-mail address."));
        RuleFor(x => x.Password).NotEmpty().MaximumLength(Passwords.MaxLength);
    }
}

/// <summary>POST /api/v1/auth/token: sign in with e-mail and password; a 15-minute access token and a refresh token.</summary>
public sealed class IssueToken(IDocumentSession session, IPasswordHasher<User> hasher, Sessions sessions, SignInThrottle throttle, TimeProvider clock)
    : Endpoint<TokenRequest, TokenResponse>
{
    // Verified against when the e-mail is unknown, so both failures take the same time and give the same answer.
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString());

    public override void Configure()
    {
        Post("/api/v1/auth/token");
        AllowAnonymous();
        Description(b => b.Document<TokenRequest, TokenResponse>(200, 400, 401));
        Summary(s =>
        {
            s.Summary = "Sign in with e-mail and password";
            s.Description = "Unknown address, wrong password, suspended account or pending password reset: the same 401. " +
                            "After 4 failures in a row for an address each attempt must wait longer (429 with Retry-After), " +
                            "and after 10 the address is locked for 15 minutes.";
        });
    }

    public override async Task HandleAsync(TokenRequest request, CancellationToken ct)
    {
        var email = Accounts.Normalized(request.Email);
        // Attempts on one address queue behind each other, so parallel guesses each see the previous failures.
        await throttle.LockAsync(email, ct);
        await throttle.RequireAllowedAsync(email, ct);
        var user = await session.Query<User>().FirstOrDefaultAsync(u => u.Email == email, ct);
        var hash = user is { PasswordHash.Length: > 0 } ? user.PasswordHash : DecoyHash;
        var result = hasher.VerifyHashedPassword(user ?? new User(), hash, request.Password);
        if (user is null || !user.MaySignIn || result == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(email, ct);
            throw new ProblemException(401, Problems.Title(401),
                Text.Of("Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password."));
        }

        // Only the fields sign-in owns: a full write-back could undo an administrator's change made meanwhile.
        var signIn = session.Patch<User>(user.Id);
        signIn.Set(u => u.LastSignInAt, clock.GetUtcNow());
        if (result == PasswordVerificationResult.SuccessRehashNeeded) signIn.Set(u => u.PasswordHash, hasher.HashPassword(user, request.Password));
        throttle.Forget(email);
        var issued = sessions.Start(user);
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(issued.ToResponse(), ct);
    }
}
