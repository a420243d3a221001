using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StandardWebhooks;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Features.Webhooks;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Fiches;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Sync;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Tests.Features.Webhooks;

/// <summary>
/// Webhooks against a real receiver on 127.0.0.1, whose signatures the Standard Webhooks library verifies as a
/// receiver's code would (the host's clock is the real time here: this class never moves it).
/// </summary>
public class WebhookDeliveryTests(WebhookApi api) : WebhookTest<WebhookApi>(api)
{
    [Fact]
    public async Task A_publication_reaches_a_realReceiver_signed_per_standard_webhooks_and_is_logged()
    {
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        Assert.StartsWith("whsec_", created.Secret);
        Assert.Equal(created.Secret[..10], created.Webhook.SecretPrefix);

        var article = await (await Api.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Vers un modèle français"));

        var request = Assert.Single(await Receiver.WaitForAsync(1));
        new StandardWebhook(created.Secret).Verify(request.Body, request.Headers); // throws when it does not verify
        Assert.Equal("application/json; charset=utf-8", request.Headers.ContentType.ToString());
        Assert.StartsWith(WebhookSender.UserAgent, request.Headers.UserAgent.ToString());
        var payload = request.Json;
        Assert.Equal("content.published", payload["type"]!.GetValue<string>());
        var data = payload["data"]!;
        Assert.Equal("article", data["type"]!.GetValue<string>());
        Assert.Equal(article.Id, data["id"]!.GetValue<Guid>());
        Assert.Equal("published", data["kind"]!.GetValue<string>());
        Assert.Equal("upsert", data["op"]!.GetValue<string>());
        Assert.Equal(article.Version, data["version"]!.GetValue<int>());
        Assert.Equal("fr", data["locale"]!.GetValue<string>());
        Assert.Equal("vers-un-modele-francais", data["slug"]!.GetValue<string>());
        Assert.Equal(await HeadAsync(), data["position"]!.GetValue<long>()); // the change's place in the sync feed
        Assert.Null(data["title"]); // what changed, not the item

        await Api.UntilAsync(async () => (await admin.DeliveriesAsync(created.Webhook.Id)).Single().Status == WebhookDeliveryStatus.Delivered, "delivered");
        var delivery = Assert.Single(await admin.DeliveriesAsync(created.Webhook.Id));
        Assert.Equal(request.Id, delivery.Id.ToString()); // webhook-id is the delivery's id
        Assert.Equal("content.published", delivery.Event);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        var details = await admin.DeliveryAsync(created.Webhook.Id, delivery.Id);
        var attempt = Assert.Single(details.AttemptLog);
        Assert.Equal((1, 200, "ok", null), (attempt.Number, attempt.StatusCode, attempt.ResponseBody, attempt.Error));
        Assert.True(attempt.DurationMs >= 0);
        Assert.Equal(article.Id, details.Payload.Data.Id);
        var webhook = await admin.WebhookAsync(created.Webhook.Id);
        Assert.Equal((WebhookHealth.Healthy, 0, 0), (webhook.Health, webhook.PendingDeliveries, webhook.ConsecutiveFailures));
        Assert.NotNull(webhook.LastSuccessAt);
    }

    [Fact]
    public async Task A_webhook_gets_only_the_kinds_of_change_and_the_types_it_follows()
    {
        var admin = await Api.AdminAsync();
        var editor = await Api.EditorAsync();
        var narrow = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/narrow"), [ChangeKind.Unpublished], ["article"]));
        await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/all")));
        var paused = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/paused")) with { Enabled = false });

        var article = await editor.CreatePublishedAsync(ArticleSteps.Draft("Une matinale sur la mobilité"));
        await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Une fiche de Lyon"));
        (await editor.PostAsync($"{ArticleSteps.Manage}/{article.Id}/unpublish", null)).EnsureSuccessStatusCode();

        var all = await Receiver.WaitForAsync(3, "/all");
        Assert.Equal(["content.published", "content.published", "content.unpublished"],
            all.OrderBy(r => r.Json["data"]!["position"]!.GetValue<long>()).Select(r => r.Json["type"]!.GetValue<string>()));
        var only = Assert.Single(await Receiver.WaitForAsync(1, "/narrow"));
        Assert.Equal(("content.unpublished", "article"), (only.Json["type"]!.GetValue<string>(), only.Json["data"]!["type"]!.GetValue<string>()));
        Assert.Equal(["delete", "upsert", "upsert"], all.Select(r => r.Json["data"]!["op"]!.GetValue<string>()).Order());
        Assert.Single(await admin.DeliveriesAsync(narrow.Webhook.Id));
        Assert.Empty(await admin.DeliveriesAsync(paused.Webhook.Id)); // paused: nothing is queued for it
        Assert.DoesNotContain(Receiver.Requests, r => r.Path == "/paused");
    }

    [Fact]
    public async Task A_ping_is_signed_and_logged_and_a_redelivery_sends_the_same_message_again()
    {
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()) with { Enabled = false });

        var ping = await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var queued = await ping.ReadAsync<WebhookDelivery>();
        Assert.Equal($"{WebhookSteps.Manage}/{created.Webhook.Id}/deliveries/{queued.Id}", ping.Headers.Location!.ToString());
        var first = Assert.Single(await Receiver.WaitForAsync(1)); // sent even though the webhook is paused
        new StandardWebhook(created.Secret).Verify(first.Body, first.Headers);
        Assert.Equal("webhook.ping", first.Json["type"]!.GetValue<string>());
        Assert.Equal(created.Webhook.Id, first.Json["data"]!["webhookId"]!.GetValue<Guid>());
        await Api.UntilAsync(async () => (await admin.DeliveryAsync(created.Webhook.Id, queued.Id)).Delivery.Status == WebhookDeliveryStatus.Delivered, "ping delivered");

        var again = await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/deliveries/{queued.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = (await Receiver.WaitForAsync(2))[1];
        Assert.Equal((first.Id, first.Body), (second.Id, second.Body)); // the same message: receivers dedupe by webhook-id
        new StandardWebhook(created.Secret).Verify(second.Body, second.Headers);
        await Api.UntilAsync(async () => (await admin.DeliveryAsync(created.Webhook.Id, queued.Id)).AttemptLog.Count == 2, "two attempts logged");
        await (await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/deliveries/{Guid.NewGuid()}/redeliver", null))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_secret_is_shown_once_kept_encrypted_and_a_rotation_signs_with_both_secrets_for_a_day()
    {
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url()));
        var secretBody = created.Secret["whsec_".Length..];
        Assert.DoesNotContain(secretBody, await admin.GetStringAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}"));
        Assert.DoesNotContain(secretBody, await admin.GetStringAsync(WebhookSteps.Manage));
        Assert.False(await DatabaseHoldsAsync(secretBody), "the secret is stored in clear");

        var rotation = await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/secret", null);
        var rotated = await rotation.ReadAsync<WebhookWithSecret>();
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.Equal(created.Webhook.Version + 1, rotated.Webhook.Version);
        Assert.Equal(Api.Clock.GetUtcNow().AddHours(24), rotated.Webhook.PreviousSecretExpiresAt!.Value, TimeSpan.FromSeconds(1));
        Assert.False(await DatabaseHoldsAsync(rotated.Secret["whsec_".Length..]));

        await (await Api.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Signé deux fois"));
        var request = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Equal(2, request.Headers["webhook-signature"].ToString().Split(' ').Length);
        new StandardWebhook(rotated.Secret).Verify(request.Body, request.Headers); // the receiver that switched: the first signature
        // The one that has not switched yet. StandardWebhooks 1.1.2 checks only the first signature of the header (its
        // loop stops before the last one), so this receiver passes it each signature alone, as the README shows.
        Assert.True(request.VerifiesWithAnySignature(created.Secret));
        Assert.False(request.VerifiesWithAnySignature(WebhookSecrets.New()));
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_only_the_first_kilobyte_of_an_answer_is_kept()
    {
        var admin = await Api.AdminAsync();
        Receiver.Respond = r => Task.FromResult<(int, string?, string?)>(r.Path == "/moved"
            ? (302, new string('x', 5000), Receiver.Url("/elsewhere"))
            : (200, "ok", null));
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/moved")));

        await (await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null)).ReadAsync<WebhookDelivery>();
        await Receiver.WaitForAsync(1);
        WebhookDelivery delivery = null!;
        await Api.UntilAsync(async () => (delivery = (await admin.DeliveriesAsync(created.Webhook.Id)).Single()).Attempts == 1, "one attempt");

        Assert.Equal((WebhookDeliveryStatus.Pending, 302), (delivery.Status, delivery.LastStatusCode));
        Assert.Contains("redirects are not followed", delivery.LastError);
        var attempt = Assert.Single((await admin.DeliveryAsync(created.Webhook.Id, delivery.Id)).AttemptLog);
        Assert.Equal(WebhookSender.MaxResponseBytes, attempt.ResponseBody!.Length);
        Assert.NotNull(attempt.NextRetryAt);
        Assert.DoesNotContain(Receiver.Requests, r => r.Path == "/elsewhere");
    }

    [Fact]
    public async Task The_connection_goes_to_the_address_checked_not_to_a_second_resolution_of_the_name()
    {
        var admin = await Api.AdminAsync();
        Api.Resolver.Names["receiver.test"] = [IPAddress.Loopback]; // a name no real DNS knows: only our look-up finds it
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook($"http://receiver.test:{Receiver.Port}/named"));
        var before = Api.Resolver.Lookups;

        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);

        var request = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Equal($"receiver.test:{Receiver.Port}", request.Headers.Host.ToString());
        Assert.Equal(1, Api.Resolver.Lookups - before); // one resolution, checked, then connected to
    }

    [Fact]
    public async Task Plain_http_is_refused_at_send_time_unless_the_name_resolves_to_loopback()
    {
        var admin = await Api.AdminAsync();
        Api.Resolver.Names["public.test"] = [IPAddress.Parse("8.8.8.8")]; // refused before any connection is tried
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook("http://public.test/hook"));

        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);

        WebhookDelivery delivery = null!;
        await Api.UntilAsync(async () => (delivery = (await admin.DeliveriesAsync(created.Webhook.Id)).Single()).Attempts == 1, "one attempt");
        Assert.StartsWith("Refused: http is allowed only to loopback addresses", delivery.LastError);
    }

    [Fact]
    public async Task Erasing_a_contact_leaves_nothing_of_the_person_in_payloads_or_the_delivery_log()
    {
        var admin = await Api.AdminAsync();
        var sales = await Api.SalesAsync();
        // A receiver that echoes what it got and fails at first: the delivery stays pending, its attempt logged.
        Receiver.Respond = r => Task.FromResult<(int, string?, string?)>((500, "échec pour " + r.Body, null));
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url(), types: ["advertiser-contact"]));
        var contact = await sales.CreatePublishedAsync(AdvertiserContactSteps.Contact("Hélène Marivaux"));

        var published = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Equal("advertiser-contact", published.Json["data"]!["type"]!.GetValue<string>());
        Assert.Null(published.Json["data"]!["slug"]); // the slug is made from the person's name: never sent
        await Api.UntilAsync(async () => (await admin.DeliveriesAsync(created.Webhook.Id)).Single().Attempts == 1, "the failed attempt logged");
        Assert.False(await DatabaseHoldsAsync("marivaux"), "a payload or a log already holds the name");

        Receiver.Respond = _ => Task.FromResult<(int, string?, string?)>((200, "ok", null));
        Assert.Equal(HttpStatusCode.NoContent, (await sales.EraseAsync(contact.Id)).StatusCode);

        var erased = (await Receiver.WaitForAsync(2))[1];
        Assert.Equal("content.erased", erased.Json["type"]!.GetValue<string>());
        Assert.Null(erased.Json["data"]!["slug"]);
        Assert.Null(erased.Json["data"]!["locale"]);
        var deliveries = await admin.DeliveriesAsync(created.Webhook.Id);
        Assert.Equal("content.erased", Assert.Single(deliveries).Event); // the earlier one, pending, and its attempt are gone
        Assert.False(await DatabaseHoldsAsync("marivaux"));
        Assert.False(await DatabaseHoldsAsync("urbaterra"));
    }

    [Fact]
    public async Task Webhooks_are_listed_updated_only_with_a_current_if_match_and_deleted_with_their_log()
    {
        var admin = await Api.AdminAsync();
        var first = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/one")));
        Api.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await admin.CreateWebhookAsync(WebhookSteps.Hook(Receiver.Url("/two"), [ChangeKind.Published, ChangeKind.Deleted]));
        var list = await (await admin.GetAsync(WebhookSteps.Manage)).ReadAsync<Contracts.Common.Page<WebhookDetails>>();
        Assert.Equal([second.Webhook.Id, first.Webhook.Id], list.Items.Select(w => w.Id)); // newest first
        Assert.Equal([ChangeKind.Published, ChangeKind.Deleted], list.Items[0].Events);

        var url = $"{WebhookSteps.Manage}/{first.Webhook.Id}";
        var get = await admin.GetAsync(url);
        Assert.Equal("\"v1\"", get.Headers.ETag!.ToString());
        var changed = WebhookSteps.Hook(Receiver.Url("/une"), [ChangeKind.Erased], ["fiche", "event"]) with { Description = "Renommé" };
        await (await admin.SendAsync(HttpMethod.Put, url, Body(changed))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await admin.SendAsync(HttpMethod.Put, url, Body(changed), ("If-Match", "\"v7\""))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await admin.SendAsync(HttpMethod.Put, url, Body(changed), ("If-Match", "\"v1\""))).ReadAsync<WebhookDetails>();
        Assert.Equal((2, "Renommé", Receiver.Url("/une")), (updated.Version, updated.Description, updated.Url));
        Assert.Equal(["event", "fiche"], updated.ContentTypes);
        Assert.Equal(first.Webhook.SecretPrefix, updated.SecretPrefix); // the secret stays

        await admin.PostAsync($"{url}/ping", null);
        await Receiver.WaitForAsync(1);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        await (await admin.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{url}/deliveries")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await DatabaseHoldsAsync(first.Webhook.Id.ToString()), "the deleted webhook's deliveries remain");
        var audit = await (await admin.GetAsync($"/api/v1/manage/audit?item={first.Webhook.Id}")).ReadAsync<Contracts.Common.Page<Contracts.Audit.AuditEntry>>();
        Assert.Equal(["webhook_deleted", "webhook_updated", "webhook_created"], audit.Items.Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal(ApiFactory.AdminEmail, e.By));
    }

    [Fact]
    public async Task A_webhook_to_a_private_address_or_an_unknown_type_is_a_400_naming_the_field()
    {
        var admin = await Api.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync(WebhookSteps.Manage, WebhookSteps.Hook("https://10.0.0.8/hook"), HttpAssertions.JsonOptions))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("privée", Assert.Single(problem.ErrorsFor("url")));
        problem = await (await admin.PostAsJsonAsync(WebhookSteps.Manage, WebhookSteps.Hook(Receiver.Url(), types: ["podcast"]), HttpAssertions.JsonOptions))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("contentTypes"));
    }

    private static HttpContent Body(WebhookRequest request) => JsonContent.Create(request, options: HttpAssertions.JsonOptions);

    private async Task<long> HeadAsync() => await Api.Services.GetRequiredService<ChangeLog>().HeadAsync(default);

    /// <summary>Whether any row of the webhooks' tables (the webhook documents included) holds this text, in any case.</summary>
    private async Task<bool> DatabaseHoldsAsync(string text)
    {
        var outbox = Api.Services.GetRequiredService<WebhookOutbox>();
        var db = Api.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = db.CreateCommand(
            $"select exists (select 1 from {outbox.Deliveries} x where x::text ilike $1) or exists (select 1 from {outbox.Attempts} x where x::text ilike $1) " +
            $"or exists (select 1 from {Api.Schema}.mt_doc_webhook x where x::text ilike $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = "%" + text + "%" });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
