using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Features.Webhooks;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Tests.Features.Webhooks;

/// <summary>
/// Another API process on the first one's schema and clock (what a second node, or the next process after a
/// crash, is), with its webhook dispatcher on or off.
/// </summary>
public sealed class PeerHost(ApiFactory first, bool sends) : ApiFactory
{
    protected override bool SendsWebhooks => sends;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Vivapolis:Database:Schema", first.Schema);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(first.Clock);

    public long Attempts => Services.GetRequiredService<WebhookDispatcher>().AttemptsMade;
}

/// <summary>
/// The outbox across processes: two nodes attempt each delivery once, and a delivery committed by a process that
/// stops before sending it (or dies during the attempt) is sent by the next one. The class's own host sends nothing.
/// </summary>
public class WebhookTwoHostTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Two_api_hosts_on_one_database_attempt_each_delivery_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var one = new PeerHost(Api, sends: true);
        await using var two = new PeerHost(Api, sends: true);
        await one.InitializeAsync();
        await two.InitializeAsync();
        var created = await (await one.AdminAsync()).CreateWebhookAsync(WebhookSteps.Hook(receiver.Url()));
        var editors = new[] { await one.EditorAsync(), await two.EditorAsync() };

        const int count = 30;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            editors[i % 2].CreatePublishedAsync(ArticleSteps.Draft($"Publié par le nœud {i % 2 + 1}, numéro {i}"))));

        var requests = await receiver.WaitForAsync(count);
        await Task.Delay(500); // time for a second attempt of anything, if there were to be one
        requests = receiver.Requests;
        Assert.Equal(count, requests.Count);
        Assert.Equal(count, requests.Select(r => r.Id).Distinct().Count()); // each message once
        Assert.All(requests, r => Assert.True(r.SignedWith(created.Secret)));
        Assert.Equal(count, one.Attempts + two.Attempts);
        Assert.Equal(count, await CountAsync($"select count(*) from {Outbox.Attempts}")); // one attempt per delivery
        await Api.UntilAsync(async () => await CountAsync($"select count(*) from {Outbox.Deliveries} where status = 'delivered'") == count, "all delivered");
        TestContext.Current.TestOutputHelper?.WriteLine($"attempts by host 1: {one.Attempts}, by host 2: {two.Attempts}");
    }

    [Fact]
    public async Task A_delivery_committed_by_a_host_that_stops_before_sending_is_sent_once_by_the_next_host()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        WebhookWithSecret created;
        Managed<ArticleContent> article;
        await using (var stopping = new PeerHost(Api, sends: false)) // commits, then stops before any attempt
        {
            await stopping.InitializeAsync();
            created = await (await stopping.AdminAsync()).CreateWebhookAsync(WebhookSteps.Hook(receiver.Url()));
            article = await (await stopping.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Publié juste avant l'arrêt"));
        }
        Assert.Empty(receiver.Requests);

        await using var next = new PeerHost(Api, sends: true);
        await next.InitializeAsync();

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(article.Id, request.Json["data"]!["id"]!.GetValue<Guid>());
        Assert.True(request.SignedWith(created.Secret));
        await Task.Delay(500);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_delivery_whose_host_dies_during_the_attempt_is_attempted_again_under_the_same_id_after_the_lease()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hang = new TaskCompletionSource();
        receiver.Respond = async r =>
        {
            if (r.Number == 1) await hang.Task; // the first attempt never gets its answer
            return (200, "ok", null);
        };
        WebhookWithSecret created;
        await using (var dying = new PeerHost(Api, sends: true))
        {
            await dying.InitializeAsync();
            created = await (await dying.AdminAsync()).CreateWebhookAsync(WebhookSteps.Hook(receiver.Url()));
            await (await dying.EditorAsync()).CreatePublishedAsync(ArticleSteps.Draft("Envoyé pendant la panne"));
            await receiver.WaitForAsync(1);
        } // stopped mid-attempt: nothing recorded, the claim stays until its lease runs out
        hang.SetResult();

        await using var next = new PeerHost(Api, sends: true);
        await next.InitializeAsync();
        Assert.Single(receiver.Requests); // still claimed by the dead host
        Api.Clock.Advance(WebhookOutbox.Lease);

        var requests = await receiver.WaitForAsync(2);
        Assert.Equal(requests[0].Id, requests[1].Id);
        Assert.All(requests, r => Assert.True(r.SignedWith(created.Secret)));
        await Api.UntilAsync(async () => await CountAsync($"select count(*) from {Outbox.Deliveries} where status = 'delivered'") == 1, "delivered");
        Assert.Equal(1, await CountAsync($"select count(*) from {Outbox.Attempts}")); // the dead host's attempt left no record
    }

    private WebhookOutbox Outbox => Api.Services.GetRequiredService<WebhookOutbox>();

    private async Task<long> CountAsync(string sql)
    {
        await using var command = Api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
