using Marten;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// One sign-in: the hash of its current refresh token. Each refresh replaces the token; presenting a replaced one
/// means it was copied, so the whole session ends (refresh-token reuse detection).
/// </summary>
public sealed class RefreshSession : JasperFx.IRevisioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset LastRefreshedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>logout, reuse, password_changed, password_reset, suspended.</summary>
    public string? RevokedBecause { get; set; }

    /// <summary>Marten's optimistic concurrency version: two refreshes with the same token cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>Starts, renews and ends sign-in sessions; the access tokens themselves live only 15 minutes.</summary>
public sealed class Sessions(IDocumentSession session, Tokens tokens, JwtSettings settings, TimeProvider clock)
{
    /// <summary>A new session for a user whose password was just checked; the caller saves the session.</summary>
    public IssuedTokens Start(User user)
    {
        var now = clock.GetUtcNow();
        var refresh = new RefreshSession
        {
            Id = Guid.NewGuid(), Version = 1, UserId = user.Id, CreatedAt = now, LastRefreshedAt = now, ExpiresAt = now + settings.SessionLifetime,
        };
        return Issue(user, refresh, now, insert: true);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair, reading the account again: a suspended account or a changed role
    /// takes effect here. Null when the token is not (or no longer) good; a replayed token also ends its session.
    /// </summary>
    public async Task<IssuedTokens?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        if (!OpaqueTokens.TryRead(refreshToken, out var id, out var hash)) return null;
        var refresh = await session.LoadAsync<RefreshSession>(id, ct);
        var now = clock.GetUtcNow();
        if (refresh is null || refresh.RevokedAt is not null || refresh.ExpiresAt <= now) return null;
        if (!OpaqueTokens.Matches(refresh.TokenHash, hash))
        {
            Revoke(refresh, "reuse", now);
            await TrySaveAsync(ct);
            return null;
        }
        var user = await session.LoadAsync<User>(refresh.UserId, ct);
        if (user is null || !user.MaySignIn)
        {
            Revoke(refresh, "suspended", now);
            await TrySaveAsync(ct);
            return null;
        }
        refresh.LastRefreshedAt = now;
        var issued = Issue(user, refresh, now, insert: false);
        // Losing the race means another refresh with the same token won: this one is the replay.
        return await TrySaveAsync(ct) ? issued : null;
    }

    /// <summary>Saves unless a concurrent change of the same session won; the loser's answer is a 401 either way.</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException
                                   || e is AggregateException { InnerExceptions: var all } && all.All(x => x is JasperFx.ConcurrencyException))
        {
            return false;
        }
    }

    /// <summary>Ends the session a refresh token belongs to (logout); unknown tokens are ignored.</summary>
    public async Task EndAsync(string refreshToken, CancellationToken ct)
    {
        if (!OpaqueTokens.TryRead(refreshToken, out var id, out var hash)) return;
        var refresh = await session.LoadAsync<RefreshSession>(id, ct);
        if (refresh is null || refresh.RevokedAt is not null || !OpaqueTokens.Matches(refresh.TokenHash, hash)) return;
        Revoke(refresh, "logout", clock.GetUtcNow());
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Ends every open session of a user, in the caller's unit of work (password change, suspension).</summary>
    public async Task EndAllAsync(Guid userId, string because, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await session.Query<RefreshSession>().Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var refresh in open) Revoke(refresh, because, now);
    }

    private IssuedTokens Issue(User user, RefreshSession refresh, DateTimeOffset now, bool insert)
    {
        var (token, hash) = OpaqueTokens.Create(refresh.Id);
        refresh.TokenHash = hash;
        if (insert) session.Insert(refresh);
        else Save(refresh);
        var (access, expiresIn) = tokens.Issue(user, refresh.Id);
        return new IssuedTokens(access, expiresIn, token, (int)(refresh.ExpiresAt - now).TotalSeconds, user);
    }

    private void Revoke(RefreshSession refresh, string because, DateTimeOffset now)
    {
        refresh.RevokedAt = now;
        refresh.RevokedBecause = because;
        Save(refresh);
    }

    private void Save(RefreshSession refresh)
    {
        refresh.Version++;
        session.UpdateRevision(refresh, refresh.Version);
    }
}

public sealed record IssuedTokens(string AccessToken, int ExpiresIn, string RefreshToken, int RefreshExpiresIn, User User)
{
    public Contracts.Auth.TokenResponse ToResponse() => new(AccessToken, "Bearer", ExpiresIn,
        new Contracts.Auth.UserInfo(User.Id, User.Email, User.DisplayName, User.Role), RefreshToken, RefreshExpiresIn);
}
