using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>PUT /api/v1/manage/users/{id}/role: tokens with the old role stop at once; the next refresh carries the new one.</summary>
public sealed class ChangeUserRole(IDocumentSession session, Accounts accounts) : Endpoint<ChangeUserRoleRequest, UserAccount>
{
    public override void Configure()
    {
        Put(UserRoutes.Item + "/role");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<ChangeRoleRequest, UserAccount>(200, 400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Change an account's role";
            s.Description = "Tokens issued with the old role stop working at once; the next refresh carries the new one. " +
                            "409 when it would leave no active administrator who can sign in.";
        });
    }

    public override async Task HandleAsync(ChangeUserRoleRequest request, CancellationToken ct)
    {
        var user = await session.LoadUserAsync(request.Id, ct);
        await accounts.ChangeRoleAsync(user, Auth.Roles.Of(request.Body.Role), User.Actor(), ct);
        await session.SaveChangesAsync(ct);
        await Send.OkAsync(user.ToAccount(), ct);
    }
}
