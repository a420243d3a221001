using Marten;

namespace Vivapolis.Api.Infrastructure;

/// <summary>PostgreSQL advisory locks held until a Marten session's transaction ends (its SaveChanges, or its disposal).</summary>
public static class AdvisoryLocks
{
    /// <summary>
    /// Starts the session's transaction and waits for the lock named <paramref name="key"/>: requests that take the
    /// same key run one after the other, each seeing what the previous one committed.
    /// </summary>
    public static async Task LockUntilCommitAsync(this IDocumentSession session, string key, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtext(?))", ct, key);
    }
}
