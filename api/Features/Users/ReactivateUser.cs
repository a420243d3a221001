using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>POST /api/v1/manage/users/{id}/reactivate: a suspended account may sign in again.</summary>
public sealed class ReactivateUser(IDocumentSession session, Accounts accounts) : Endpoint<UserIdRequest, UserAccount>
{
    public override void Configure()
    {
        Post(UserRoutes.Item + "/reactivate");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, UserAccount>(200, 401, 403, 404));
        Summary(s => s.Summary = "Reactivate a suspended account");
    }

    public override async Task HandleAsync(UserIdRequest request, CancellationToken ct)
    {
        var user = await session.LoadUserAsync(request.Id, ct);
        accounts.Reactivate(user, User.Actor());
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(user.ToAccount(), ct);
    }
}
