using Marten;
using Microsoft.AspNetCore.Identity;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// Account changes shared by the user administration endpoints, the create-admin command and the demo accounts.
/// Each method works in the caller's session; the caller saves.
/// </summary>
public sealed class Accounts(IDocumentSession session, IPasswordHasher<User> hasher, Sessions sessions, TimeProvider clock)
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(72);

    /// <summary>Creates the account with a password unless the e-mail exists (demo accounts, tests); saves.</summary>
    public async Task<bool> EnsureAsync(string email, string displayName, string role, string password, CancellationToken ct)
    {
        email = Normalized(email);
        if (await session.Query<User>().AnyAsync(u => u.Email == email, ct)) return false;
        var user = New(email, displayName, role);
        user.PasswordHash = hasher.HashPassword(user, password);
        session.Insert(user);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A new account without a password, and the one-time token its owner sets one with.</summary>
    public async Task<(User User, PasswordResetTicket Ticket)> CreateAsync(string email, string displayName, string role, string by, CancellationToken ct)
    {
        email = Normalized(email);
        if (await session.Query<User>().AnyAsync(u => u.Email == email, ct))
            throw new ProblemException(409, Problems.Title(409),
                Text.Of("Un compte existe déjà avec cette adresse e-mail.", "An account with this e-mail address already exists."),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["email"] = [Text.Of("Adresse déjà utilisée.", "Address already in use.")] } });
        var user = New(email, displayName.Trim(), role);
        var ticket = StartReset(user);
        session.Insert(user);
        session.Events.Append(user.Id, new UserCreated(user.Email, role, by, clock.GetUtcNow()));
        return (user, ticket);
    }

    /// <summary>The password stops working, every session ends, and a new one-time reset token is issued.</summary>
    public async Task<PasswordResetTicket> ForceResetAsync(User user, string by, CancellationToken ct)
    {
        await RequireAnotherAdminAsync(user, stillAdmin: false, ct);
        user.PasswordHash = "";
        var ticket = StartReset(user);
        session.Update(user);
        session.Events.Append(user.Id, new UserPasswordResetForced(user.Email, by, clock.GetUtcNow()));
        await sessions.EndAllAsync(user.Id, "password_reset", ct);
        return ticket;
    }

    public async Task SuspendAsync(User user, string by, CancellationToken ct)
    {
        await RequireAnotherAdminAsync(user, stillAdmin: false, ct);
        user.Suspended = true;
        session.Update(user);
        session.Events.Append(user.Id, new UserSuspended(user.Email, by, clock.GetUtcNow()));
        await sessions.EndAllAsync(user.Id, "suspended", ct);
    }

    public async Task ChangeRoleAsync(User user, string role, string by, CancellationToken ct)
    {
        await RequireAnotherAdminAsync(user, stillAdmin: role == Roles.Admin, ct);
        if (user.Role == role) return;
        session.Events.Append(user.Id, new UserRoleChanged(user.Email, user.Role, role, by, clock.GetUtcNow()));
        user.Role = role;
        session.Update(user);
    }

    public void Reactivate(User user, string by)
    {
        if (!user.Suspended) return;
        user.Suspended = false;
        session.Update(user);
        session.Events.Append(user.Id, new UserReactivated(user.Email, by, clock.GetUtcNow()));
    }

    /// <summary>
    /// Refuses a change that would leave no active administrator. The transaction-scoped advisory lock makes two
    /// administrators demoting each other at the same moment wait for one another instead of both succeeding.
    /// </summary>
    private async Task RequireAnotherAdminAsync(User user, bool stillAdmin, CancellationToken ct)
    {
        if (stillAdmin || user.Role != Roles.Admin || !user.MaySignIn) return;
        await session.LockUntilCommitAsync("vivapolis:administrators", ct);
        // Only administrators who can sign in now count: not one still waiting to use a reset token.
        var others = await session.Query<User>().CountAsync(
            u => u.Role == Roles.Admin && !u.Suspended && u.PasswordHash != "" && u.Id != user.Id, ct);
        if (others == 0)
            throw ProblemException.Conflict(Text.Of(
                "C'est le dernier administrateur actif : nommez-en un autre avant de changer son rôle, de le suspendre ou de réinitialiser son mot de passe.",
                "This is the last active administrator: make someone else an administrator first."));
    }

    private PasswordResetTicket StartReset(User user)
    {
        var (token, hash) = OpaqueTokens.Create(user.Id);
        var expires = clock.GetUtcNow() + ResetLifetime;
        user.PasswordResetHash = hash;
        user.PasswordResetExpiresAt = expires;
        return new PasswordResetTicket(token, expires);
    }

    private User New(string email, string displayName, string role) =>
        new() { Id = Guid.CreateVersion7(), Email = email, DisplayName = displayName, Role = role, CreatedAt = clock.GetUtcNow() };

    public static string Normalized(string email) => email.Trim().ToLowerInvariant();
}

// Appended to the account's own stream (stream id = user id) with the change, so the audit log shows who changed
// which account. No password, hash or reset secret is in them.

public sealed record UserCreated(string Email, string Role, string By, DateTimeOffset At);

public sealed record UserRoleChanged(string Email, string From, string To, string By, DateTimeOffset At);

public sealed record UserSuspended(string Email, string By, DateTimeOffset At);

public sealed record UserReactivated(string Email, string By, DateTimeOffset At);

public sealed record UserPasswordResetForced(string Email, string By, DateTimeOffset At);
