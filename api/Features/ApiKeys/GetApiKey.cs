using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Features.ApiKeys;

/// <summary>An API key named by its id in the path.</summary>
public sealed class ApiKeyIdRequest
{
    /// <summary>The key's id.</summary>
    public Guid Id { get; init; }
}

/// <summary>GET /api/v1/manage/api-keys/{id}: one key, revoked or not; never its secret or its hash.</summary>
public sealed class GetApiKey(IQuerySession session) : Endpoint<ApiKeyIdRequest, ApiKeyDetails>
{
    public override void Configure()
    {
        Get(CreateApiKey.Route + "/{id:guid}");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, ApiKeyDetails>(200, 401, 403, 404));
        Summary(s => s.Summary = "Get one API key (administrators only)");
    }

    public override async Task HandleAsync(ApiKeyIdRequest request, CancellationToken ct)
    {
        var key = await session.LoadAsync<ApiKey>(request.Id, ct) ?? throw ProblemException.NotFound();
        await Send.OkAsync(key.ToDetails(), ct);
    }
}
