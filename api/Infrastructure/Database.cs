using JasperFx;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Vivapolis.Api.Infrastructure;

public static class Database
{
    /// <summary>
    /// <c>ConnectionStrings:PostgresReads</c>, when delivery reads go elsewhere than writes: typically a streaming
    /// standby first and the primary after it, with <c>Target Session Attributes=prefer-standby</c> (Npgsql's
    /// multi-host data source then picks the standby while it is up, and the primary otherwise).
    /// </summary>
    public static string? ReadsConnectionString(IConfiguration config) =>
        config.GetConnectionString("PostgresReads") is { Length: > 0 } reads ? reads : null;

    /// <summary>
    /// Marten over one Npgsql data source that delivery reads share. Each content type adds its own
    /// document configuration through <see cref="IConfigureMarten"/> registrations.
    /// </summary>
    public static IServiceCollection AddVivapolisDatabase(this IServiceCollection services, IConfiguration config)
    {
        var schema = config["Vivapolis:Database:Schema"] ?? "vivapolis";

        // Resolved on first use, so that commands which need no database (openapi) run without one.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(
            config.GetConnectionString("Postgres") ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set (environment variable ConnectionStrings__Postgres)."))
        { Name = "vivapolis" }.Build());
        // Delivery reads (published copies, search, feeds) may go to a standby; everything else stays on the primary.
        services.AddSingleton(sp => new DeliveryReads(ReadsConnectionString(config) is { } reads
            ? new NpgsqlDataSourceBuilder(reads) { Name = "vivapolis-reads" }.Build()
            : sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = schema;
                opts.Events.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions();
        services.AddSingleton<DatabasePreparation>();
        services.AddHostedService<DatabasePreparation.AtStartup>();
        return services;
    }
}

/// <summary>The data source of delivery reads: a standby's when <see cref="Database.ReadsConnectionString"/> is set, the primary's otherwise.</summary>
public sealed record DeliveryReads(NpgsqlDataSource Source);
