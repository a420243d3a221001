using FastEndpoints;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Features.Auth;

/// <summary>POST /api/v1/auth/logout: ends the session of a refresh token, and with it its access tokens.</summary>
public sealed class Logout(Sessions sessions) : Endpoint<RefreshRequest>
{
    public override void Configure()
    {
        Post("/api/v1/auth/logout");
        AllowAnonymous();
        Description(b => b.Document<RefreshRequest, EmptyResponse>(204, 400));
        Summary(s =>
        {
            s.Summary = "Sign out: the refresh token and its session end";
            s.Description = "204 for any well-formed token, also one already spent or unknown; 400 for a malformed one. The session's access tokens stop working at once too.";
        });
    }

    public override async Task HandleAsync(RefreshRequest request, CancellationToken ct)
    {
        await sessions.EndAsync(request.RefreshToken, ct);
        await Send.NoContentAsync(ct);
    }
}
