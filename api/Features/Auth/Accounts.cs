using Marten;
using Microsoft.AspNetCore.Identity;

namespace Vivapolis.Api.Features.Auth;

/// <summary>Creates accounts outside the API: the demo accounts of run.sh.</summary>
public sealed class Accounts(IDocumentSession session, IPasswordHasher<User> hasher, TimeProvider clock)
{
    /// <summary>Creates the account unless one with that e-mail exists; returns whether it did.</summary>
    public async Task<bool> EnsureAsync(string email, string displayName, string role, string password, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        if (await session.Query<User>().AnyAsync(u => u.Email == email, ct)) return false;
        var user = new User { Id = Guid.CreateVersion7(), Email = email, DisplayName = displayName, Role = role, CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        session.Insert(user);
        await session.SaveChangesAsync(ct);
        return true;
    }
}
