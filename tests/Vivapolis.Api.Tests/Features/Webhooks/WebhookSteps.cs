using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using Vivapolis.Api.Features.Webhooks;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Sync;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Tests.Features.Webhooks;

/// <summary>One request a receiver got, as it came.</summary>
public sealed record Received(string Path, IHeaderDictionary Headers, string Body, int Number)
{
    public string Id => Headers["webhook-id"].ToString();
    public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!;
}

/// <summary>
/// A real webhook receiver: Kestrel on 127.0.0.1 and a free port, started by the test, recording every request and
/// answering what <see cref="Respond"/> says (200 by default).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _requests = new();
    private int _count;

    /// <summary>The answer to a request: status, body, Location (for redirects). May wait (a receiver that hangs).</summary>
    public Func<Received, Task<(int Status, string? Body, string? Location)>> Respond { get; set; } =
        _ => Task.FromResult<(int, string?, string?)>((200, "ok", null));

    private WebhookReceiver(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public IReadOnlyList<Received> Requests => _requests.ToList();

    public string Url(string path = "/vivapolis") => $"http://127.0.0.1:{Port}{path}";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var headers = new HeaderDictionary();
            foreach (var (name, value) in http.Request.Headers) headers[name] = value;
            var received = new Received(http.Request.Path + http.Request.QueryString, headers, await reader.ReadToEndAsync(),
                Interlocked.Increment(ref receiver._count));
            receiver._requests.Enqueue(received);
            var (status, body, location) = await receiver.Respond(received);
            http.Response.StatusCode = status;
            if (location is not null) http.Response.Headers.Location = location;
            if (body is not null) await http.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Port = new Uri(address).Port;
        return receiver;
    }

    /// <summary>Waits (10 s at most, real time) until at least <paramref name="count"/> requests came.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, string? path = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var got = Requests.Where(r => path is null || r.Path == path).ToList();
            if (got.Count >= count) return got;
            await Task.Delay(20);
        }
        Assert.Fail($"the receiver got {Requests.Count} requests, not {count}, within 10 s");
        return [];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>DNS as the tests decide it: names map to the addresses given, and every look-up is counted.</summary>
public sealed class FakeResolver : IWebhookResolver
{
    public ConcurrentDictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        Interlocked.Increment(ref _lookups);
        return Names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}

/// <summary>
/// A host whose webhook dispatcher runs, with DNS the test controls and a clock set to the real time, so that a
/// Standard Webhooks library (which checks the timestamp against the real clock) accepts its signatures.
/// </summary>
public class WebhookApi : ApiFactory
{
    public WebhookApi() => Clock.AdjustTime(DateTimeOffset.UtcNow);

    public FakeResolver Resolver { get; } = new();

    protected override bool SendsWebhooks => true;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IWebhookResolver>(Resolver);

    public WebhookDispatcher Dispatcher => Services.GetRequiredService<WebhookDispatcher>();
}

/// <summary>The same, without the development setting: loopback and http are refused, as in production.</summary>
public sealed class ProductionWebhookApi : WebhookApi
{
    protected override bool AllowsLoopbackWebhooks => false;
}

/// <summary>Base of the webhook tests: one host per class, data reset and a fresh receiver for each test.</summary>
public abstract class WebhookTest<TApi>(TApi api) : ApiTest<TApi>(api) where TApi : ApiFactory
{
    protected WebhookReceiver Receiver { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public override async ValueTask DisposeAsync() => await Receiver.DisposeAsync();
}

public static class WebhookSteps
{
    public const string Manage = "/api/v1/manage/webhooks";

    public static WebhookRequest Hook(string url, ChangeKind[]? events = null, string[]? types = null) => new()
    {
        Url = url, Description = "Miroir de l'Institut de la ville durable", Events = (events ?? []).Select(Vivapolis.Api.Infrastructure.Json.Name).ToList(), ContentTypes = types ?? [],
    };

    public static async Task<WebhookWithSecret> CreateWebhookAsync(this HttpClient admin, WebhookRequest request)
    {
        var response = await admin.PostAsJsonAsync(Manage, request, HttpAssertions.JsonOptions);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<WebhookWithSecret>();
    }

    public static async Task<List<WebhookDelivery>> DeliveriesAsync(this HttpClient admin, Guid webhook) =>
        (await (await admin.GetAsync($"{Manage}/{webhook}/deliveries?limit=100")).ReadAsync<Contracts.Common.Page<WebhookDelivery>>()).Items.ToList();

    public static async Task<WebhookDeliveryDetails> DeliveryAsync(this HttpClient admin, Guid webhook, Guid delivery) =>
        await (await admin.GetAsync($"{Manage}/{webhook}/deliveries/{delivery}")).ReadAsync<WebhookDeliveryDetails>();

    public static async Task<WebhookDetails> WebhookAsync(this HttpClient admin, Guid webhook) =>
        await (await admin.GetAsync($"{Manage}/{webhook}")).ReadAsync<WebhookDetails>();

    /// <summary>
    /// The request carries a v1 signature of its id, timestamp and body by this secret, computed by the Standard
    /// Webhooks library (without the library's check of the timestamp against the real clock, for tests that move theirs).
    /// </summary>
    public static bool SignedWith(this Received request, string secret)
    {
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers["webhook-timestamp"].ToString()));
        var expected = new StandardWebhook(secret).Sign(request.Id, timestamp, request.Body);
        return request.Headers["webhook-signature"].ToString().Split(' ').Contains(expected);
    }

    /// <summary>Verification with the library, one signature of the header at a time (timestamp against the real clock included).</summary>
    public static bool VerifiesWithAnySignature(this Received request, string secret) =>
        request.Headers["webhook-signature"].ToString().Split(' ').Any(signature =>
        {
            var headers = new HeaderDictionary();
            foreach (var (name, value) in request.Headers) headers[name] = value;
            headers["webhook-signature"] = signature;
            try
            {
                new StandardWebhook(secret).Verify(request.Body, headers);
                return true;
            }
            catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
            {
                return false;
            }
        });

    /// <summary>Waits (10 s at most) for a condition, moving the clock by the dispatcher's poll interval each time when asked.</summary>
    public static async Task UntilAsync(this ApiFactory api, Func<Task<bool>> done, string what, bool moveClock = false)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await done()) return;
            if (moveClock) api.Clock.Advance(WebhookDispatcher.PollInterval);
            await Task.Delay(30);
        }
        Assert.Fail($"not within 10 s: {what}");
    }
}
