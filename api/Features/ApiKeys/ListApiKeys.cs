using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.ApiKeys;

/// <summary>Paging of the key list.</summary>
public sealed class ApiKeyListRequest : PageRequest;

public sealed class ApiKeyListValidator : Validator<ApiKeyListRequest>
{
    public ApiKeyListValidator() => Include(new PageRules());
}

/// <summary>GET /api/v1/manage/api-keys: every key, revoked ones included, newest first; never a secret or a hash.</summary>
public sealed class ListApiKeys(IQuerySession session) : Endpoint<ApiKeyListRequest, Page<ApiKeyDetails>>
{
    public override void Configure()
    {
        Get(CreateApiKey.Route);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, Page<ApiKeyDetails>>(200, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List API keys";
            s.Description = "Administrators only. Every key, revoked ones included, newest first, with its prefix and " +
                            "its last use; never its secret.";
        });
    }

    public override async Task HandleAsync(ApiKeyListRequest request, CancellationToken ct)
    {
        var (page, next) = await session.PageAsync<ApiKey>(request, ct);
        await Send.OkAsync(new Page<ApiKeyDetails>(page.Select(k => k.ToDetails()).ToList(), next), ct);
    }
}
