using Marten;
using Swashbuckle.AspNetCore.Swagger;
using Vivapolis.Api.Demo;
using Vivapolis.Api.Infrastructure.OpenApi;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// Operator commands of the same binary: <c>migrate</c> applies the database schema, <c>seed-demo</c> also loads
/// the demo accounts and content (idempotent), <c>create-admin</c> the first administrator (password on stdin), <c>openapi FILE</c> writes the contract. No argument serves the API.
/// </summary>
public static class Commands
{
    /// <summary>
    /// The contract is written without a database or a signing key: placeholders let every service be built
    /// (FastEndpoints builds each endpoint once at start), and nothing connects or signs.
    /// </summary>
    public static void Prepare(WebApplicationBuilder builder, string[] args)
    {
        if (args.FirstOrDefault() is not ("openapi" or "bench-media")) return;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = builder.Configuration.GetConnectionString("Postgres") ?? "Host=unused",
            ["Vivapolis:Jwt:SigningKey"] = builder.Configuration["Vivapolis:Jwt:SigningKey"] ?? new string('x', 32),
        });
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Options such as --urls go to the host's configuration; a command, if any, comes first.
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        switch (command)
        {
            case "openapi":
                var path = args.Length > 1 ? args[1] : Path.Combine(RepositoryRoot(), "openapi.yaml");
                // Linking the mapped endpoints to the API explorer is what starting the host would do.
                app.UseEndpoints(_ => { });
                await File.WriteAllTextAsync(path, OpenApiSetup.ToYaml(app.Services.GetRequiredService<ISwaggerProvider>()));
                Console.WriteLine($"wrote {Path.GetFullPath(path)}");
                return 0;
            case "migrate":
                await MigrateAsync(app);
                return 0;
            case "seed-demo":
                await MigrateAsync(app);
                await using (var scope = app.Services.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(CancellationToken.None);
                return 0;
            case "create-admin":
                return await Features.Auth.CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
            case "seed-bench":
                // Bench data only (bench/delivery.sh, bench/aggregator.sh): N published articles, or with "mixed" articles,
                // fiches and events, bulk-inserted; skipped if any exist.
                await MigrateAsync(app);
                await using (var scope = app.Services.CreateAsyncScope())
                    await ActivatorUtilities.CreateInstance<BenchData>(scope.ServiceProvider)
                        .LoadAsync(args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 10_000, args.Contains("mixed"), CancellationToken.None);
                return 0;
            case "bench-media":
                // bench/media.sh: the cost of the media pipeline on photos of 1.7, 12 and 24 MP; no database.
                return await MediaBench.RunAsync(app.Services, args, Console.Out);
            case null or "serve":
                // Fail at start, not at the first request, when the database or the signing key is not configured.
                app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
                app.Services.GetRequiredService<Features.Auth.JwtSettings>();
                await app.RunAsync();
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: serve (default), migrate, seed-demo, create-admin EMAIL [NAME], seed-bench [N] [mixed], bench-media [RUNS], openapi [FILE].");
                return 2;
        }
    }

    /// <summary>The folder holding Vivapolis.Api.sln, above the working directory (dotnet run starts in api/).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vivapolis.Api.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vivapolis.Api.sln not found above the working directory.");
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<DatabasePreparation>().EnsureAsync(CancellationToken.None);
        Console.WriteLine("database schema is up to date");
    }
}
