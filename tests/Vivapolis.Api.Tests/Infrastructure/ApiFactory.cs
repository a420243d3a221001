using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// The real API over a real PostgreSQL (started by ./test.sh), in a schema of its own so that test classes
/// running in parallel never see each other's data. The clock is a FakeTimeProvider that tests can move.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EditorEmail = "editor@example.org";
    public const string AdminEmail = "admin@example.org";
    public const string AuthorEmail = "author@example.org";
    public const string SalesEmail = "sales@example.org";
    public const string Password = "correct horse battery staple";

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The media library's disk store of this host: a temporary folder, removed with it.</summary>
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "vivapolis-media-" + Guid.NewGuid().ToString("N")[..12]);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("VIVAPOLIS_TEST_DB")
        ?? throw new InvalidOperationException(
            "VIVAPOLIS_TEST_DB is not set: run ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Vivapolis:Database:Schema", Schema);
        builder.UseSetting("Vivapolis:Jwt:SigningKey", "test-signing-key-that-is-long-enough-0123456789");
        builder.UseSetting("Vivapolis:Cors:ManageOrigins", "https://editor.example.org");
        builder.UseSetting("Vivapolis:Media:Root", MediaRoot);
        // A stand-in for the built <vivapolis-agenda> script, which the tests of the API do not build.
        builder.UseSetting("Vivapolis:Embed:AgendaScript", Path.Combine(AppContext.BaseDirectory, "Features", "Embed", "agenda-stub.js"));
        // Every test client comes from the same (missing) address: limits no test meets but the rate limit tests'.
        foreach (var limit in new[] { "AnonymousPerMinute", "PartnerPerMinute", "UserPerMinute", "SignInPerMinute" })
            builder.UseSetting($"Vivapolis:RateLimits:{limit}", "1000000");
        // Webhook deliveries are sent only by the hosts of the webhooks' own tests (WebhookApi): elsewhere a
        // background attempt would change the tables under another test's database snapshot.
        builder.UseSetting("Vivapolis:Webhooks:Delivery", SendsWebhooks ? "true" : "false");
        // The development setting that lets webhooks reach a receiver on 127.0.0.1 (the tests' own Kestrel).
        builder.UseSetting("Vivapolis:Webhooks:AllowLoopback", AllowsLoopbackWebhooks ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    /// <summary>Whether this host's webhook dispatcher runs (off but for the webhooks' tests).</summary>
    protected virtual bool SendsWebhooks => false;

    /// <summary>Whether webhooks may go to loopback addresses, over http too (on but for the address-refusal tests).</summary>
    protected virtual bool AllowsLoopbackWebhooks => true;

    /// <summary>Where a test class swaps an edge (telemetry exporter, outgoing HTTP).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual async ValueTask InitializeAsync()
    {
        await Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Empties every table and the delivery cache, and recreates the four accounts (one per role); each test calls it first and seeds what it needs.</summary>
    public async Task ResetAsync()
    {
        await Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        // Marten's reset leaves the tables it does not own as documents: the change log and its retention horizon,
        // and the webhooks' outbox.
        var outbox = Services.GetRequiredService<Vivapolis.Api.Features.Webhooks.WebhookOutbox>();
        await using (var truncate = Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
                         $"truncate {Services.GetRequiredService<Vivapolis.Api.Content.Changes.ChangeLog>().Table}, " +
                         $"{Schema}.{Vivapolis.Api.Content.Changes.ChangeLog.HorizonTableName}, " +
                         $"{outbox.Deliveries}, {outbox.Attempts}, {outbox.States} restart identity"))
            await truncate.ExecuteNonQueryAsync();
        if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
        await Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(default);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        await accounts.EnsureAsync(EditorEmail, "Élise Rédaction", Roles.Editor, Password, default);
        await accounts.EnsureAsync(AdminEmail, "Camille Admin", Roles.Admin, Password, default);
        await accounts.EnsureAsync(AuthorEmail, "Arthur Plume", Roles.Author, Password, default);
        await accounts.EnsureAsync(SalesEmail, "Salomé Annonces", Roles.Sales, Password, default);
    }

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(email, Password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> EditorAsync() => ClientForAsync(EditorEmail);
    public Task<HttpClient> AdminAsync() => ClientForAsync(AdminEmail);
    public Task<HttpClient> AuthorAsync() => ClientForAsync(AuthorEmail);
    public Task<HttpClient> SalesAsync() => ClientForAsync(SalesEmail);

    /// <summary>Whoever manages a type: the sales team for the advertising desk (advertiser contacts), an editor for the rest.</summary>
    public Task<HttpClient> ManagerAsync(string segment) =>
        Services.GetRequiredService<Vivapolis.Api.Content.ContentTypes>().AtSegment(segment)?.Desk == Vivapolis.Api.Content.ContentDesk.Advertising
            ? SalesAsync() : EditorAsync();

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
            await base.DisposeAsync();
        }
    }
}
