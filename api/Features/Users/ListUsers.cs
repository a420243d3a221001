using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>GET /api/v1/manage/users: every account, by e-mail (a newsroom has tens, not thousands).</summary>
public sealed class ListUsers(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<UserAccount>>
{
    public override void Configure()
    {
        Get(UserRoutes.Collection);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, IReadOnlyList<UserAccount>>(200, 401, 403));
        Summary(s => s.Summary = "List the accounts");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var users = await session.Query<User>().OrderBy(u => u.Email).ToListAsync(ct);
        await Send.OkAsync(users.Select(u => u.ToAccount()).ToList(), ct);
    }
}
