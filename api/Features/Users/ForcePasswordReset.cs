using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>POST /api/v1/manage/users/{id}/password-reset: the password stops working; a one-time token sets a new one.</summary>
public sealed class ForcePasswordReset(IDocumentSession session, Accounts accounts) : Endpoint<UserIdRequest, PasswordResetTicket>
{
    public override void Configure()
    {
        Post(UserRoutes.Item + "/password-reset");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, PasswordResetTicket>(200, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Force a password reset";
            s.Description = "The current password and every session end now. The response's token (shown once, 72 hours) " +
                            "lets the account's owner set a new password with POST /api/v1/auth/password-reset.";
        });
    }

    public override async Task HandleAsync(UserIdRequest request, CancellationToken ct)
    {
        var user = await session.LoadUserAsync(request.Id, ct);
        var ticket = await accounts.ForceResetAsync(user, User.Actor(), ct);
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(ticket, ct);
    }
}
