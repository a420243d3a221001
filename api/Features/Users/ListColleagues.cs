using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>
/// GET /api/v1/manage/colleagues: every account's e-mail and display name, for any signed-in role, so that the
/// editor shows people by name where items, histories and the audit log record an e-mail. Roles, states and
/// sign-in times stay with the administrators' list.
/// </summary>
public sealed class ListColleagues(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<Colleague>>
{
    public override void Configure()
    {
        Get(ManagementRoutes.Prefix + "/colleagues");
        Roles(Auth.Roles.All);
        Description(b => b.Document<EmptyRequest, IReadOnlyList<Colleague>>(200, 401));
        Summary(s => s.Summary = "List the newsroom's names, by e-mail");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var users = await session.Query<User>().OrderBy(u => u.DisplayName).ToListAsync(ct);
        await Send.OkAsync(users.Select(u => new Colleague(u.Email, u.DisplayName)).ToList(), ct);
    }
}
