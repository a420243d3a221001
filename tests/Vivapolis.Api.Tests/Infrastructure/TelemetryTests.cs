using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>A request is traced from the HTTP server down to PostgreSQL, in one trace.</summary>
public class TelemetryTests(TracedApi api) : ApiTest<TracedApi>(api)
{
    [Fact]
    public async Task A_delivery_request_gives_a_server_span_with_a_database_span_under_it()
    {
        // Listeners are process-wide, so spans of other test classes arrive too: this request has a trace of its own.
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();

        var response = await Api.CreateClient().GetAsync("/api/v1/articles", ("traceparent", $"00-{traceId}-{parent}-01"));

        response.EnsureSuccessStatusCode();
        var spans = await Api.SpansOfAsync(traceId);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal(parent, server.ParentSpanId);
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(database);
        Assert.Contains(database, s => Ancestors(s, spans).Contains(server.SpanId));
    }

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        for (var id = span.ParentSpanId; id != default; id = bySpanId.TryGetValue(id, out var up) ? up.ParentSpanId : default)
            yield return id;
    }
}

/// <summary>The app with an in-memory exporter next to its own (the export happens when a span ends).</summary>
public sealed class TracedApi : ApiFactory
{
    private readonly LockedList<Activity> _spans = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));

    /// <summary>The ended spans of a trace, once its server span has ended (it ends just after the response).</summary>
    public async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId traceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            Services.GetRequiredService<TracerProvider>().ForceFlush();
            var spans = _spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            if (spans.Any(s => s.Kind == ActivityKind.Server) || DateTime.UtcNow > deadline) return spans;
            await Task.Delay(20);
        }
    }

    /// <summary>The exporter adds from the threads spans end on, while a test reads.</summary>
    private sealed class LockedList<T> : Collection<T>
    {
        private readonly Lock _gate = new();

        protected override void InsertItem(int index, T item)
        {
            lock (_gate) base.InsertItem(index, item);
        }

        public T[] Snapshot()
        {
            lock (_gate) return [.. this];
        }
    }
}
