using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Content.Preview;

/// <summary>
/// An item's preview generation (document id = item id): every link carries the generation it was made in, and
/// revoking the item's links raises it, so only links made afterwards work. No document means generation 0.
/// </summary>
public sealed class PreviewRevocation
{
    public Guid Id { get; set; }
    public int Generation { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
    public string RevokedBy { get; set; } = "";
}

/// <summary>An editor revoked every preview link of the item made until then (on the item's stream, for the audit log).</summary>
public sealed record PreviewLinksRevoked(string Type, int Version, int Generation, string By, DateTimeOffset At);

/// <summary>
/// Whether a link still speaks for its maker. A link is worth what its maker's right to make it is worth today:
/// it stops working when the maker is suspended, has their password reset, or no longer holds a role that may
/// preview the type (an author's link, only for an item they created), and when the item's links were revoked.
/// </summary>
public static class PreviewLinks
{
    public static async Task<int> GenerationAsync(IQuerySession session, Guid id, CancellationToken ct) =>
        (await session.LoadAsync<PreviewRevocation>(id, ct))?.Generation ?? 0;

    /// <summary>True when the token's maker and generation still allow it; <paramref name="createdBy"/> is the item's author.</summary>
    public static async Task<bool> StillValidAsync<TDoc>(IQuerySession session, PreviewClaim claim, string createdBy, CancellationToken ct)
        where TDoc : IContentDocument
    {
        var batch = session.CreateBatchQuery();
        var maker = batch.Load<User>(claim.Maker);
        var revocation = batch.Load<PreviewRevocation>(claim.Id);
        await batch.Execute(ct);
        var user = await maker;
        if (user is null || !user.MaySignIn || !ManagementRoutes.Writers<TDoc>().Contains(user.Role)) return false;
        if (user.Role == Roles.Author && !string.Equals(user.Email, createdBy, StringComparison.OrdinalIgnoreCase)) return false;
        return claim.Generation == ((await revocation)?.Generation ?? 0);
    }

    /// <summary>Raises the item's generation: every link made until now stops working. The caller saves.</summary>
    public static async Task<int> RevokeAsync(IDocumentSession session, string type, Guid id, int version, string by, DateTimeOffset now,
        CancellationToken ct)
    {
        // Two revocations at once run one after the other, so neither's raise is lost.
        await Infrastructure.AdvisoryLocks.LockUntilCommitAsync(session, $"vivapolis:preview:{id}", ct);
        var revocation = await session.LoadAsync<PreviewRevocation>(id, ct) ?? new PreviewRevocation { Id = id };
        revocation.Generation++;
        revocation.RevokedAt = now;
        revocation.RevokedBy = by;
        session.Store(revocation);
        session.Events.Append(id, new PreviewLinksRevoked(type, version, revocation.Generation, by, now));
        return revocation.Generation;
    }
}
