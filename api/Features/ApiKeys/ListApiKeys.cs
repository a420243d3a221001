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
        var where = "";
        var args = new List<object>();
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            where = "where (created_at, id) < (?, ?)";
            args.Add(after.Value.Time);
            args.Add(after.Value.Id);
        }
        args.Add(request.Limit + 1);
        var keys = await session.QueryAsync<ApiKey>($"{where} order by created_at desc, id desc limit ?", ct, args.ToArray());
        var page = keys.Take(request.Limit).ToList();
        var next = keys.Count > request.Limit ? Cursor.At(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        await Send.OkAsync(new Page<ApiKeyDetails>(page.Select(k => k.ToDetails()).ToList(), next), ct);
    }
}
