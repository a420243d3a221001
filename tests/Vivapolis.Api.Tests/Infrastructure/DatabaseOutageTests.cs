using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Articles;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// The database down: 503 problems with Retry-After (not hangs, not 500s), readiness that says so, liveness that
/// does not care, and recovery by itself once PostgreSQL is back. The crash of a real server under load is
/// bench/faults/postgres-restart.sh; here the database is taken away through a relay (or was never there).
/// </summary>
public sealed class DatabaseOutageTests(RelayedDatabaseApi api, UnreachableDatabaseApi noDatabase)
    : ApiTest<RelayedDatabaseApi>(api), IClassFixture<UnreachableDatabaseApi>
{
    [Fact]
    public async Task Without_a_database_reads_writes_sign_ins_and_partner_calls_are_503_problems_with_retry_after()
    {
        var anonymous = Client(noDatabase);
        var editor = Client(noDatabase);
        // A token the host itself signs: it needs no database to issue, only to be checked.
        var user = new User { Id = Guid.NewGuid(), Email = ApiFactory.EditorEmail, Role = Roles.Editor };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            noDatabase.Services.GetRequiredService<Tokens>().Issue(user, Guid.NewGuid()).Token);
        var partner = Client(noDatabase);
        partner.DefaultRequestHeaders.Add("X-Api-Key", "vvp_" + new string('A', 43)); // well-formed, unknown

        var answers = new (string What, Task<HttpResponseMessage> Response)[]
        {
            ("list", anonymous.GetAsync($"{Delivery}?limit=5")),
            ("by slug", anonymous.GetAsync($"{Delivery}/une-page")),
            ("search", anonymous.GetAsync("/api/v1/search?q=ville")),
            ("sign-in", anonymous.PostJsonAsync("/api/v1/auth/token", new { email = ApiFactory.EditorEmail, password = ApiFactory.Password })),
            ("signed-in read", editor.GetAsync(Manage)),
            ("signed-in write", editor.PostJsonAsync(Manage, Draft("Pendant la panne"))),
            ("partner", partner.GetAsync($"/api/v1/preview/articles/{Guid.NewGuid()}")),
        };
        foreach (var (what, response) in answers)
        {
            var answer = await response;
            var problem = await answer.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{what}: no Retry-After");
            Assert.Contains("base de données", problem["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Without_a_database_readiness_is_a_503_that_names_the_check_and_liveness_stays_200()
    {
        var client = Client(noDatabase);

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(ready.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", report["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", report["checks"]!["postgres"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", JsonNode.Parse(await live.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_the_database_goes_away_and_comes_back_the_api_answers_503_meanwhile_and_recovers_by_itself()
    {
        var editor = await Api.EditorAsync();
        var probe = Client(Api); // as a load balancer probes: without credentials
        var (draft, etag) = await editor.CreateAsync(Draft("Avant la panne"));
        (await editor.GetAsync($"{Manage}/{draft.Id}")).EnsureSuccessStatusCode(); // a pooled connection to kill

        try
        {
            Api.Relay.Cut();
            await (await editor.GetAsync($"{Manage}/{draft.Id}")).ProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await editor.PutAsync(draft.Id, Draft("Pendant la panne"), etag)).ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Api.Relay.Resume();
        }

        // Back: the very next requests succeed, nothing was half-done while it was away.
        var readyAgain = await probe.GetAsync("/health/ready");
        Assert.True(readyAgain.StatusCode == HttpStatusCode.OK, await readyAgain.Content.ReadAsStringAsync());
        var current = await (await editor.GetAsync($"{Manage}/{draft.Id}")).ReadAsync<Vivapolis.Contracts.Common.Managed<ArticleContent>>();
        Assert.Equal(1, current.Version);
        Assert.Equal("Avant la panne", current.Content.Title);
        var edited = await (await editor.PutAsync(draft.Id, Draft("Après la panne"), etag)).ReadAsync<Vivapolis.Contracts.Common.Managed<ArticleContent>>();
        Assert.Equal(2, edited.Version);
    }

    /// <summary>A client that fails the test rather than wait if the API hangs.</summary>
    private static HttpClient Client(ApiFactory factory)
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }
}

/// <summary>The app reaching the test PostgreSQL through a <see cref="TcpRelay"/> that a test can cut.</summary>
public sealed class RelayedDatabaseApi : ApiFactory
{
    public RelayedDatabaseApi()
    {
        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        Relay = new TcpRelay(target.Host!, target.Port);
    }

    public TcpRelay Relay { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var relayed = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = Relay.Port, Timeout = 5 };
        builder.UseSetting("ConnectionStrings:Postgres", relayed.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }
}
