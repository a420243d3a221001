using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Users;

/// <summary>GET /api/v1/manage/users/{id}.</summary>
public sealed class GetUser(IQuerySession session) : Endpoint<UserIdRequest, UserAccount>
{
    public override void Configure()
    {
        Get(UserRoutes.Item);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, UserAccount>(200, 401, 403, 404));
        Summary(s => s.Summary = "Get one account");
    }

    public override async Task HandleAsync(UserIdRequest request, CancellationToken ct) =>
        await Send.OkAsync((await session.LoadUserAsync(request.Id, ct)).ToAccount(), ct);
}
