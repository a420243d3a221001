using JasperFx;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Vivapolis.Api.Infrastructure;

public static class Database
{
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
