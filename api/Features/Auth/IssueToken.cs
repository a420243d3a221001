using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

public sealed class TokenRequestValidator : Validator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}

/// <summary>POST /api/v1/auth/token: an editor signs in and gets a bearer token.</summary>
public sealed class IssueToken(IQuerySession session, IPasswordHasher<User> hasher, Tokens tokens)
    : Endpoint<TokenRequest, TokenResponse>
{
    // Verified against when the e-mail is unknown, so both failures take the same time and give the same answer.
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString());

    public override void Configure()
    {
        Post("/api/v1/auth/token");
        AllowAnonymous();
        Description(b => b.Document<TokenRequest, TokenResponse>(200, 400, 401));
        Summary(s => s.Summary = "Sign in with e-mail and password");
    }

    public override async Task HandleAsync(TokenRequest request, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await session.Query<User>().FirstOrDefaultAsync(u => u.Email == email, ct);
        var result = hasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? DecoyHash, request.Password);
        if (user is null || user.Suspended || result == PasswordVerificationResult.Failed)
            throw new ProblemException(401, Problems.Title(401),
                Text.Of("Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password."));

        var (token, expiresIn) = tokens.Issue(user);
        HttpContext.Response.Headers.CacheControl = "no-store";
        await Send.OkAsync(new TokenResponse(token, "Bearer", expiresIn,
            new UserInfo(user.Id, user.Email, user.DisplayName, user.Role)), ct);
    }
}
