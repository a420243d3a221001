using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Vivapolis.Api.Infrastructure;

public static class Health
{
    public static IServiceCollection AddVivapolisHealth(this IServiceCollection services)
    {
        // A database that does not answer within the timeout is as down as one that refuses: readiness never hangs.
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"], timeout: CheckTimeout);
        return services;
    }

    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Live: the process answers (whatever the database does: restarting the API would not bring PostgreSQL back).
    /// Ready: it can also reach PostgreSQL; 503 with Retry-After otherwise. Both say which checks ran, as JSON.
    /// </summary>
    public static WebApplication MapVivapolisHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary><c>{"status": "unhealthy", "checks": {"postgres": {"status": "unhealthy", "description": "…"}}}</c>, never cached.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        if (report.Status == HealthStatus.Unhealthy)
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
        return http.Response.WriteAsJsonAsync(new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = Name(e.Value.Status), description = e.Value.Description }),
        });
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
            if (DatabaseOutage.Is(e)) db.Clear(); // as a request's 503 does: no dead connection waits in the pool for the restart
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", e);
        }
    }
}
