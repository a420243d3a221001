using System.Net;
using System.Net.Http.Json;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Tests.Features.Webhooks;

/// <summary>
/// SSRF: what a webhook may not be sent to, with the settings of production (no loopback, https only). Each refused
/// range once when saved (an address literal), and once at send time (a name whose DNS answer is that address): the
/// attempt is logged as refused, and nothing connects. DNS is the test's (<see cref="FakeResolver"/>), so no
/// request ever leaves the machine.
/// </summary>
public class WebhookAddressTests(ProductionWebhookApi api) : ApiTest<ProductionWebhookApi>(api)
{
    /// <summary>One address of each refused kind, with the word the refusal names it by.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "10.20.30.40", "private" },
        { "172.16.5.4", "private" },
        { "192.168.1.10", "private" },
        { "127.0.0.1", "loopback" },
        { "::1", "loopback" },
        { "169.254.169.254", "cloud metadata" },
        { "fd00:ec2::254", "cloud metadata" },
        { "169.254.10.20", "link-local" },
        { "fe80::1", "link-local" },
        { "224.0.0.251", "multicast" },
        { "ff02::1", "multicast" },
        { "100.64.1.1", "shared (CGNAT)" },
        { "fd12:3456::1", "private (ULA)" },
        { "::ffff:10.0.0.1", "private" }, // IPv4-mapped: judged as the IPv4 address it is
        { "0.0.0.0", "\"this network\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_address_that_is_not_public_is_refused_when_the_webhook_is_saved(string address, string _)
    {
        var host = IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        var response = await (await Api.AdminAsync()).PostAsJsonAsync(WebhookSteps.Manage, WebhookSteps.Hook($"https://{host}/hook"), HttpAssertions.JsonOptions);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Adresse refusée", Assert.Single(problem.ErrorsFor("url")));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_name_resolving_to_an_address_that_is_not_public_is_refused_at_send_time_without_connecting(string address, string what)
    {
        await using var receiver = await WebhookReceiver.StartAsync(); // listening on 127.0.0.1: a loopback attempt would reach it
        var name = $"hooks-{Guid.NewGuid():N}.example.org";
        Api.Resolver.Names[name] = [IPAddress.Parse(address)];
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook($"https://{name}:{receiver.Port}/hook"));

        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);

        WebhookDelivery delivery = null!;
        await Api.UntilAsync(async () => (delivery = (await admin.DeliveriesAsync(created.Webhook.Id)).Single()).Attempts == 1, "one attempt");
        Assert.StartsWith($"Refused: {IPAddress.Parse(address).MapToIPv4IfMapped()} is a {what} address (", delivery.LastError);
        Assert.Null(delivery.LastStatusCode);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status); // retried: DNS may be fixed
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_name_with_one_private_address_among_public_ones_is_refused()
    {
        var name = $"mixed-{Guid.NewGuid():N}.example.org";
        Api.Resolver.Names[name] = [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.0.0.5")]; // refused before any connection
        var admin = await Api.AdminAsync();
        var created = await admin.CreateWebhookAsync(WebhookSteps.Hook($"https://{name}/hook"));

        await admin.PostAsync($"{WebhookSteps.Manage}/{created.Webhook.Id}/ping", null);

        WebhookDelivery delivery = null!;
        await Api.UntilAsync(async () => (delivery = (await admin.DeliveriesAsync(created.Webhook.Id)).Single()).Attempts == 1, "one attempt");
        Assert.StartsWith("Refused: 10.0.0.5 is a private address", delivery.LastError);
    }

    [Theory]
    [InlineData("http://hooks.example.org/vivapolis", "https://")]
    [InlineData("http://127.0.0.1:8080/hook", "https://")]
    [InlineData("https://localhost/hook", "machine locale")]
    [InlineData("https://user:secret@hooks.example.org/hook", "mot de passe")]
    [InlineData("ftp://hooks.example.org/hook", "https://")]
    [InlineData("/relative/hook", "https://")] // on Linux, Uri reads it as file:///relative/hook
    public async Task Only_an_https_address_without_credentials_may_be_saved(string url, string said)
    {
        var response = await (await Api.AdminAsync()).PostAsJsonAsync(WebhookSteps.Manage, WebhookSteps.Hook(url), HttpAssertions.JsonOptions);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(said, Assert.Single(problem.ErrorsFor("url")));
    }
}

internal static class AddressExtensions
{
    public static IPAddress MapToIPv4IfMapped(this IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
