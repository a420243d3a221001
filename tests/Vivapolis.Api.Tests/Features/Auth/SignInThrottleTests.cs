using System.Net;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Tests.Features.Auth;

/// <summary>Guessing passwords gets slow, then stops; a known and an unknown address behave the same.</summary>
public class SignInThrottleTests(ApiFactory api) : ApiTest(api)
{
    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(email, password));

    /// <summary>Fails <paramref name="times"/> times, waiting each time as long as the API asks; returns what it asked.</summary>
    private async Task<List<int>> FailAsync(string email, int times)
    {
        var waits = new List<int>();
        for (var i = 0; i < times; i++)
        {
            var response = await SignInAsync(email, "guess " + i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var seconds = int.Parse(response.Header("Retry-After")!);
                waits.Add(seconds);
                Api.Clock.Advance(TimeSpan.FromSeconds(seconds));
                response = await SignInAsync(email, "guess " + i);
            }
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        return waits;
    }

    [Fact]
    public async Task Failures_are_slowed_then_locked_the_same_way_for_a_known_and_an_unknown_address()
    {
        var known = await FailAsync(ApiFactory.EditorEmail, SignInThrottle.LockAfter);
        var lockedKnown = await SignInAsync(ApiFactory.EditorEmail, ApiFactory.Password); // even the right password
        var unknown = await FailAsync("nobody@example.org", SignInThrottle.LockAfter);
        var lockedUnknown = await SignInAsync("nobody@example.org", ApiFactory.Password);

        Assert.Equal([1, 2, 4, 8, 16, 30], known);
        Assert.Equal(known, unknown);
        var first = await lockedKnown.ProblemAsync(HttpStatusCode.TooManyRequests);
        var second = await lockedUnknown.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(first.ToJsonString().Replace(first["traceId"]!.ToString(), ""), second.ToJsonString().Replace(second["traceId"]!.ToString(), ""));
        Assert.Equal("900", lockedKnown.Header("Retry-After"));
        Assert.Equal("900", lockedUnknown.Header("Retry-After"));
    }

    [Fact]
    public async Task The_lock_lifts_after_15_minutes_and_a_success_clears_the_count()
    {
        await FailAsync(ApiFactory.EditorEmail, SignInThrottle.LockAfter);
        Api.Clock.Advance(SignInThrottle.LockFor);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(ApiFactory.EditorEmail, ApiFactory.Password)).StatusCode);

        // A fresh count: the free failures again before the first wait.
        Assert.Empty(await FailAsync(ApiFactory.EditorEmail, SignInThrottle.FreeFailures));
        Assert.Equal([1], await FailAsync(ApiFactory.EditorEmail, 1));
    }

    [Fact]
    public async Task Parallel_guesses_queue_behind_each_other_so_the_count_is_exact()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => SignInAsync(ApiFactory.EditorEmail, "parallel guess " + i)));

        // The free failures, then each further guess comes too soon after the one before.
        Assert.Equal(SignInThrottle.FreeFailures, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(10 - SignInThrottle.FreeFailures, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task One_address_under_attack_does_not_slow_another()
    {
        await FailAsync("target@example.org", 6);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(ApiFactory.AdminEmail, ApiFactory.Password)).StatusCode);
    }
}
