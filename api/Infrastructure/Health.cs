using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Vivapolis.Api.Infrastructure;

public static class Health
{
    public static IServiceCollection AddVivapolisHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return services;
    }

    /// <summary>Live: the process answers. Ready: it can also reach PostgreSQL.</summary>
    public static WebApplication MapVivapolisHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

/// <summary>PostgreSQL answers and the schema is in place (a few lines did not justify another package).</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource db, DatabasePreparation preparation) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var command = db.CreateCommand("select 1");
            await command.ExecuteScalarAsync(ct);
            await preparation.EnsureAsync(ct); // not ready to serve before the schema is in place
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", e);
        }
    }
}
