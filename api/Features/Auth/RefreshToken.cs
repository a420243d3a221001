using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

public sealed class RefreshRequestValidator : Validator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(x => x.RefreshToken).OpaqueToken();
}

/// <summary>POST /api/v1/auth/refresh: a new token pair for a refresh token, which is then spent.</summary>
public sealed class RefreshToken(Sessions sessions) : Endpoint<RefreshRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("/api/v1/auth/refresh");
        AllowAnonymous();
        Description(b => b.Document<RefreshRequest, TokenResponse>(200, 400, 401));
        Summary(s =>
        {
            s.Summary = "Exchange a refresh token for a new access token and refresh token";
            s.Description = "The account is read again: a suspended account gets 401 and a changed role is in the new token. " +
                            "A refresh token works once; presenting a spent one ends its session.";
        });
    }

    public override async Task HandleAsync(RefreshRequest request, CancellationToken ct)
    {
        var issued = await sessions.RefreshAsync(request.RefreshToken, ct)
            ?? throw new ProblemException(401, Problems.Title(401),
                Text.Of("Session expirée ou terminée : reconnectez-vous.", "The session expired or ended: sign in again."));
        await Send.OkAsync(issued.ToResponse(), ct);
    }
}
