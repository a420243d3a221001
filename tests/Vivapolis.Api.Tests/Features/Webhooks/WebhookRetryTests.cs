using System.Net;
using Vivapolis.Api.Features.Webhooks;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Tests.Features.Webhooks;

/// <summary>
/// Retries, giving up and timeouts, on the host's clock, which these tests move (so signatures are checked with the
/// library's signing function rather than its verification, which compares the timestamp with the real clock).
/// </summary>
public class WebhookRetryTests(WebhookApi api) : WebhookTest<WebhookApi>(api)
{
    [Fact]
    public async Task A_failingReceiver_is_retried_with_backoff_under_the_same_webhook_id_until_it_answers()
    {
        var admin = await Api.AdminAsync();
        Receiver.Respond = r => Task.FromResult<(int, string?, string?)>(r.Number <= 2 ? (500, "indisponible", null) : (200, "ok", null));
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        await (await Api.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Réessayé jusqu'à réception"));

        var delivery = await AttemptedAsync(admin, created.Webhook.Id, 1);
        Assert.Equal((WebhookDeliveryStatus.Pending, 500), (delivery.Status, delivery.LastStatusCode));
        await DueAsync(delivery);
        delivery = await AttemptedAsync(admin, created.Webhook.Id, 2);
        await DueAsync(delivery);
        delivery = await AttemptedAsync(admin, created.Webhook.Id, 3);

        Assert.Equal((WebhookDeliveryStatus.Delivered, 200, null), (delivery.Status, delivery.LastStatusCode, delivery.NextAttemptAt));
        var requests = Receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Id).Distinct()); // one webhook-id: the receiver can dedupe
        Assert.Single(requests.Select(r => r.Body).Distinct()); // the same bytes, signed again at each attempt
        Assert.All(requests, r => Assert.True(r.SignedWith(created.Secret)));
        var log = (await admin.DeliveryAsync(created.Webhook.Id, delivery.Id)).AttemptLog;
        Assert.Equal([500, 500, 200], log.Select(a => a.StatusCode));
        Assert.Equal(["HTTP 500 Internal Server Error", "HTTP 500 Internal Server Error", null], log.Select(a => a.Error));
        // Exponential with jitter: each retry between a few seconds and the 2 hours cap, and later than it was.
        var waits = log.Take(2).Select(a => a.NextRetryAt!.Value - a.At).ToList();
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(1), WebhookRetries.MaxDelay));
        Assert.Equal(1, (await admin.WebhookAsync(created.Webhook.Id)).LastSuccessAt is null ? 0 : 1);
    }

    [Fact]
    public async Task A_delivery_refused_for_24_hours_is_given_up_and_the_webhook_shows_failing_until_a_success()
    {
        var admin = await Api.AdminAsync();
        Receiver.Respond = _ => Task.FromResult<(int, string?, string?)>((503, "en maintenance", null));
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        await (await Api.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Jamais reçu"));
        var first = Api.Clock.GetUtcNow();

        var delivery = await AttemptedAsync(admin, created.Webhook.Id, 1);
        while (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            Assert.Equal(WebhookHealth.Healthy, (await admin.WebhookAsync(created.Webhook.Id)).Health); // not yet
            await DueAsync(delivery);
            admin = await Api.AdminAsync(); // hours went by: the access token expired
            delivery = await AttemptedAsync(admin, created.Webhook.Id, delivery.Attempts + 1);
        }

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.True(delivery.LastAttemptAt - first >= TimeSpan.FromHours(24), $"gave up after {delivery.LastAttemptAt - first}");
        Assert.InRange(delivery.Attempts, 10, 40);
        var webhook = await admin.WebhookAsync(created.Webhook.Id);
        Assert.Equal(WebhookHealth.Failing, webhook.Health);
        Assert.Equal(delivery.LastAttemptAt, webhook.FailingSince);
        Assert.Equal(delivery.Attempts, webhook.ConsecutiveFailures);
        Assert.Equal("HTTP 503 Service Unavailable", webhook.LastError);

        // The receiver is back: the next success clears the failing state.
        Receiver.Respond = _ => Task.FromResult<(int, string?, string?)>((204, null, null));
        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);
        await Api.UntilAsync(async () => (await admin.WebhookAsync(created.Webhook.Id)).Health == WebhookHealth.Healthy, "healthy again");
        Assert.Null((await admin.WebhookAsync(created.Webhook.Id)).FailingSince);
    }

    [Fact]
    public async Task AReceiver_that_does_not_answer_within_5_seconds_is_a_failed_attempt()
    {
        var admin = await Api.AdminAsync();
        var never = new TaskCompletionSource();
        Receiver.Respond = async _ =>
        {
            await never.Task;
            return (200, null, null);
        };
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);
        await Receiver.WaitForAsync(1);

        Api.Clock.Advance(WebhookSender.Timeout); // the attempt's 5 s run on the host's clock
        var delivery = await AttemptedAsync(admin, created.Webhook.Id, 1);
        never.SetResult();

        Assert.Equal("No answer within 5 s.", delivery.LastError);
        Assert.Null(delivery.LastStatusCode);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
    }

    [Fact]
    public async Task After_a_day_a_rotated_secret_no_longer_signs()
    {
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        var rotated = await (await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/secret", null)).ReadAsync<WebhookWithSecret>();

        Api.Clock.Advance(RotateWebhookSecret.Overlap + TimeSpan.FromSeconds(1));
        admin = await Api.AdminAsync();
        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);

        var request = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Single(request.Headers["webhook-signature"].ToString().Split(' '));
        Assert.True(request.SignedWith(rotated.Secret));
        Assert.False(request.SignedWith(created.Secret));
    }

    [Fact]
    public async Task Settled_deliveries_leave_the_log_after_30_days_and_pending_ones_stay()
    {
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);
        await AttemptedAsync(admin, created.Webhook.Id, 1);
        Receiver.Respond = _ => Task.FromResult<(int, string?, string?)>((500, null, null));
        Api.Clock.Advance(TimeSpan.FromDays(31));
        admin = await Api.AdminAsync();
        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null); // failing, so pending
        await Receiver.WaitForAsync(2);

        await Api.UntilAsync(async () => (await admin.DeliveriesAsync(created.Webhook.Id)).Count == 1, "the old delivery pruned", moveClock: true);
        var left = Assert.Single(await admin.DeliveriesAsync(created.Webhook.Id));
        Assert.Equal(WebhookDeliveryStatus.Pending, left.Status);
    }

    /// <summary>The webhook's one delivery once it has made <paramref name="attempts"/> attempts.</summary>
    private async Task<WebhookDelivery> AttemptedAsync(HttpClient admin, Guid webhook, int attempts)
    {
        WebhookDelivery delivery = null!;
        await Api.UntilAsync(async () => (delivery = (await admin.DeliveriesAsync(webhook)).OrderBy(d => d.CreatedAt).First()).Attempts >= attempts,
            $"{attempts} attempts");
        Assert.Equal(attempts, delivery.Attempts);
        return delivery;
    }

    /// <summary>Moves the clock to the delivery's next attempt.</summary>
    private Task DueAsync(WebhookDelivery delivery)
    {
        var wait = delivery.NextAttemptAt!.Value - Api.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero) Api.Clock.Advance(wait);
        Api.Dispatcher.Wake();
        return Task.CompletedTask;
    }
}
