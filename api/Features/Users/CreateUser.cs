using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>POST /api/v1/manage/users: a new account, without a password; its owner sets one with the reset token.</summary>
public sealed class CreateUser(IDocumentSession session, Accounts accounts) : Endpoint<CreateUserRequest, CreatedUser>
{
    public override void Configure()
    {
        Post(UserRoutes.Collection);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<CreateUserRequest, CreatedUser>(201, 400, 401, 403, 409));
        Summary(s =>
        {
            s.Summary = "Create an account with a role";
            s.Description = "No password is chosen for anyone: the response holds a one-time reset token (72 hours) to " +
                            "hand to the account's owner, who sets a password with POST /api/v1/auth/password-reset.";
        });
    }

    public override async Task HandleAsync(CreateUserRequest request, CancellationToken ct)
    {
        var (user, ticket) = await accounts.CreateAsync(request.Email, request.DisplayName, Auth.Roles.Of(request.Role), User.Actor(), ct);
        await session.SaveChangesAsync(ct);
        HttpContext.Response.Headers.Location = $"{UserRoutes.Collection}/{user.Id}";
        await Send.ResponseAsync(new CreatedUser(user.ToAccount(), ticket), 201, ct);
    }
}
