using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.ApiKeys;

/// <summary>
/// DELETE /api/v1/manage/api-keys/{id}: revokes the key, refused from the next request on. The record stays, with
/// who revoked it and when; revoking it again changes nothing and is not an error.
/// </summary>
public sealed class RevokeApiKey(IDocumentSession session, TimeProvider clock) : Endpoint<ApiKeyIdRequest>
{
    public override void Configure()
    {
        Delete(CreateApiKey.Route + "/{id:guid}");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Revoke an API key";
            s.Description = "Administrators only. The key is refused (401) from the next request on; it stays in the " +
                            "list with the time and author of its revocation. Revoking a revoked key is a no-op.";
        });
    }

    public override async Task HandleAsync(ApiKeyIdRequest request, CancellationToken ct)
    {
        var key = await session.LoadAsync<ApiKey>(request.Id, ct) ?? throw ProblemException.NotFound();
        if (key.RevokedAt is null)
        {
            var now = clock.Now();
            key.RevokedAt = now;
            key.RevokedBy = User.Actor();
            session.Update(key);
            session.Events.Append(key.Id, new ApiKeyRevoked(key.Name, key.RevokedBy, now));
            await session.SaveChangesAsync(ct);
        }
        await Send.NoContentAsync(ct);
    }
}
