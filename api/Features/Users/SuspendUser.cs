using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>POST /api/v1/manage/users/{id}/suspend: no more sign-in; every session and token ends now.</summary>
public sealed class SuspendUser(IDocumentSession session, Accounts accounts) : Endpoint<UserIdRequest, UserAccount>
{
    public override void Configure()
    {
        Post(UserRoutes.Item + "/suspend");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, UserAccount>(200, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Suspend an account";
            s.Description = "Its access and refresh tokens stop working at once. 409 for the last active administrator.";
        });
    }

    public override async Task HandleAsync(UserIdRequest request, CancellationToken ct)
    {
        var user = await session.LoadUserAsync(request.Id, ct);
        if (!user.Suspended) await accounts.SuspendAsync(user, User.Actor(), ct);
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(user.ToAccount(), ct);
    }
}
