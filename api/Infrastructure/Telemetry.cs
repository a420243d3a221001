using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Vivapolis.Api.Infrastructure;

public static class Telemetry
{
    public const string ServiceName = "vivapolis-api";

    /// <summary>
    /// Traces (ASP.NET Core, Npgsql, Marten, outgoing HTTP), metrics and logs. They leave the process through
    /// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise they are collected and dropped.
    /// </summary>
    public static WebApplicationBuilder AddVivapolisTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Marten"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Marten", "Npgsql"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }
}
