using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Polly;
using Polly.Timeout;
using StandardWebhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>
/// Sends one attempt of a delivery: signed per Standard Webhooks (the <c>StandardWebhooks</c> library signs, so the
/// receiver's library of any language verifies), to an address checked at connection time, without following
/// redirects, within 5 seconds (a Polly timeout on the app's <see cref="TimeProvider"/>), keeping at most the first
/// kilobyte of the answer. It never throws for what the receiver or the network does: every outcome is an
/// <see cref="AttemptResult"/>.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    public const int MaxResponseBytes = 1024;
    public const string UserAgent = "Vivapolis-Webhooks/1";

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly WebhookSecrets _secrets;
    private readonly TimeProvider _clock;

    public WebhookSender(WebhookAddresses addresses, IWebhookResolver resolver, WebhookSecrets secrets, TimeProvider clock)
    {
        _secrets = secrets;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false, // a proxy would be the address connected to, not the receiver's
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = Timeout,
            // Connections are reused a minute at most: each new one resolves the name and checks its addresses again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 16,
            ConnectCallback = (context, ct) => ConnectCheckedAsync(addresses, resolver, context, ct),
        };
        // The pipeline's timeout is the one that counts (on the app's clock, which tests move); this one is a backstop.
        _http = new HttpClient(handler) { Timeout = 2 * Timeout };
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddTimeout(Timeout).Build();
    }

    /// <summary>
    /// Resolves the host, refuses the request unless every address is allowed, then connects to one of those very
    /// addresses, so that no second resolution (DNS rebinding) can lead the connection elsewhere.
    /// </summary>
    private static async ValueTask<Stream> ConnectCheckedAsync(WebhookAddresses addresses, IWebhookResolver resolver,
        SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var uri = context.InitialRequestMessage.RequestUri!;
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (addresses.RefusalOf(uri, resolved) is { } refusal) throw new WebhookRefusedException(refusal);
        Exception? last = null;
        foreach (var address in resolved)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last!;
    }

    public async Task<AttemptResult> SendAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        int Elapsed() => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
        var keys = SigningKeys(delivery.Webhook);
        if (keys.Count == 0)
            return new AttemptResult(null, 0, "The webhook's secret cannot be read (the JWT signing key changed?): rotate the secret.", null);
        if (!Uri.TryCreate(delivery.Webhook.Url, UriKind.Absolute, out var url))
            return new AttemptResult(null, 0, "The webhook's address is not a valid URL.", null);

        var id = delivery.Id.ToString();
        var timestamp = _clock.GetUtcNow();
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("webhook-id", id);
                request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("webhook-signature",
                    string.Join(' ', keys.Select(key => new StandardWebhook(key).Sign(id, timestamp, delivery.Payload))));
                request.Headers.UserAgent.ParseAdd(UserAgent);
                return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            }, ct);
            var body = await ReadStartAsync(response, ct);
            var status = (int)response.StatusCode;
            string? error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"HTTP {status}: redirects are not followed; give the final address.",
                _ => $"HTTP {status} {response.ReasonPhrase}".TrimEnd(),
            };
            return new AttemptResult(status, Elapsed(), error, body);
        }
        catch (TimeoutRejectedException)
        {
            return new AttemptResult(null, Elapsed(), $"No answer within {Timeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return new AttemptResult(null, Elapsed(), "Refused: " + refused.Message, null);
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, Elapsed(), "Connection failed: " + Describe(e), null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, Elapsed(), $"No answer within {(2 * Timeout).TotalSeconds:0} s.", null);
        }
    }

    /// <summary>The current secret, and the one a rotation replaced while it still signs.</summary>
    private List<byte[]> SigningKeys(Webhook webhook)
    {
        var keys = new List<byte[]>(2);
        if (_secrets.Unprotect(webhook.Secret, webhook.Id) is { } current) keys.Add(WebhookSecrets.KeyOf(current));
        if (webhook.PreviousSecretExpiresAt > _clock.GetUtcNow() && _secrets.Unprotect(webhook.PreviousSecret, webhook.Id) is { } previous)
            keys.Add(WebhookSecrets.KeyOf(previous));
        return keys;
    }

    /// <summary>The first kilobyte of the answer at most, as text; the rest is never read.</summary>
    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static WebhookRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is WebhookRefusedException refused) return refused;
        return null;
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }

    public void Dispose() => _http.Dispose();
}
