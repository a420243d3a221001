using System.Security.Cryptography;
using System.Text;
using Marten;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// Failed sign-ins of one e-mail address, known or not, so that both get the same answer. The address is kept
/// only as a hash: the table must not become a list of whoever was tried.
/// </summary>
public sealed class SignInFailures
{
    public string Id { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
}

/// <summary>
/// Slows, then locks, repeated failed sign-ins of one address: after 4 failures in a row each attempt must wait
/// (1, 2, 4, … 30 s) after the previous one; after 10 the address is locked for 15 minutes. Attempts made too soon
/// are refused with 429 and Retry-After before the password is even checked. Failures older than the lock are
/// forgotten; a success clears them. (The per-IP rate limit on sign-in is separate.)
/// </summary>
public sealed class SignInThrottle(IDocumentSession session, TimeProvider clock)
{
    /// <summary>Failures in a row that cost no wait.</summary>
    public const int FreeFailures = 4;
    public const int LockAfter = 10;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Serialises attempts on one address until the session's transaction ends (its SaveChanges, or its disposal):
    /// without it, parallel guesses would all read the same count and each add one to a stale copy.
    /// </summary>
    public async Task LockAsync(string email, CancellationToken ct)
    {
        await session.LockUntilCommitAsync(KeyOf(email), ct);
    }

    /// <summary>Throws a 429 problem when this address must still wait.</summary>
    public async Task RequireAllowedAsync(string email, CancellationToken ct)
    {
        var failures = await session.LoadAsync<SignInFailures>(KeyOf(email), ct);
        if (failures is null) return;
        var wait = WaitAfter(failures.Count);
        var retryAt = failures.LastFailureAt + wait;
        var now = clock.GetUtcNow();
        if (now - failures.LastFailureAt >= LockFor || retryAt <= now) return;
        var seconds = (int)Math.Ceiling((retryAt - now).TotalSeconds);
        throw new ProblemException(429, Problems.Title(429),
            Text.Of($"Trop d'essais de connexion pour cette adresse. Réessayez dans {seconds} secondes.",
                    $"Too many sign-in attempts for this address. Try again in {seconds} seconds."),
            retryAfterSeconds: seconds);
    }

    public async Task RecordFailureAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var failures = await session.LoadAsync<SignInFailures>(KeyOf(email), ct) ?? new SignInFailures { Id = KeyOf(email) };
        if (now - failures.LastFailureAt >= LockFor) failures.Count = 0;
        failures.Count++;
        failures.LastFailureAt = now;
        session.Store(failures);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Clears the failures, in the caller's unit of work.</summary>
    public void Forget(string email) => session.Delete<SignInFailures>(KeyOf(email));

    private static TimeSpan WaitAfter(int failures) =>
        failures >= LockAfter ? LockFor
        : failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures), MaxDelay.TotalSeconds));

    private static string KeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sign-in:" + email)));
}
