using System.Net.Sockets;
using Npgsql;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// PostgreSQL unreachable, restarting or shutting down: the request is answered 503 with Retry-After (never a 500,
/// never a hang), and the pool drops its idle connections, which died with the server, so that the first requests
/// after it is back do not each find a dead one (Npgsql clears the pool itself on most such failures, not all).
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client should wait: a PostgreSQL restart takes a few.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when <paramref name="exception"/>, or one it wraps (Marten wraps Npgsql's), says the database cannot be reached.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        PostgresException pg => IsUnavailable(pg.SqlState),
        // Npgsql's own, not the server's answer to a statement: refused, reset or broken connections, timeouts
        // waiting for the pool or the server, something that is not PostgreSQL at the other end.
        NpgsqlException => true,
        SocketException => true,
        AggregateException all => all.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>
    /// Class 08 (connection exception), 57P01..57P03 (admin or crash shutdown, cannot connect now: starting up or
    /// shutting down), 53300 (too many connections). Deadlocks and serialisation failures are not outages.
    /// </summary>
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    public static string Detail => Text.Of(
        "La base de données est momentanément injoignable : réessayez dans quelques secondes.",
        "The database cannot be reached for the moment: try again in a few seconds.");

    /// <summary>Idle pooled connections died with the server: dropped, so the next requests open fresh ones.</summary>
    public static void ForgetDeadConnections(IServiceProvider services)
    {
        services.GetService<NpgsqlDataSource>()?.Clear();
        services.GetService<DeliveryReads>()?.Source.Clear();
    }
}
