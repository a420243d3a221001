using System.Net;
using System.Net.Sockets;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>Finds the addresses of a receiver's host name (DNS; a test replaces it, as the edge it is).</summary>
public interface IWebhookResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsWebhookResolver : IWebhookResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A delivery the guard refused to send; its message is what the delivery log shows.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);

/// <summary>
/// What a webhook may be sent to, so that it cannot be turned against the API's own network (SSRF): https only, and
/// only to public addresses. Checked twice: the URL when it is saved (a clear 400 for what can be seen then), and the
/// addresses its host resolves to when each connection is opened, where the check counts: the connection then goes
/// to the very address checked (<see cref="WebhookSender"/>'s ConnectCallback), so a DNS answer that changes in
/// between (DNS rebinding) cannot slip a private address in. With <c>Vivapolis:Webhooks:AllowLoopback</c> (a
/// development setting: ./run.sh and the tests turn it on), loopback addresses are allowed, over http too.
/// </summary>
public sealed class WebhookAddresses(IConfiguration config)
{
    public const int MaxUrlLength = 2000;

    public bool AllowLoopback { get; } = config.GetValue("Vivapolis:Webhooks:AllowLoopback", false);

    /// <summary>Ranges no webhook is sent to, with what they are (for the refusal's message).</summary>
    private static readonly (IPNetwork Network, string Fr, string En)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "« ce réseau »", "\"this network\""),
        (IPNetwork.Parse("10.0.0.0/8"), "privée", "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "partagée (CGNAT)", "shared (CGNAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "de bouclage", "loopback"),
        (IPNetwork.Parse("169.254.169.254/32"), "du service de métadonnées du cloud", "cloud metadata"),
        (IPNetwork.Parse("169.254.0.0/16"), "lien-local", "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "privée", "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "réservée", "reserved"),
        (IPNetwork.Parse("192.0.2.0/24"), "de documentation", "documentation"),
        (IPNetwork.Parse("192.168.0.0/16"), "privée", "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "de test", "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "de documentation", "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "de documentation", "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast", "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "réservée", "reserved"),
        (IPNetwork.Parse("::/128"), "non spécifiée", "unspecified"),
        (IPNetwork.Parse("::1/128"), "de bouclage", "loopback"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "du service de métadonnées du cloud", "cloud metadata"),
        (IPNetwork.Parse("fc00::/7"), "privée (ULA)", "private (ULA)"),
        (IPNetwork.Parse("fe80::/10"), "lien-local", "link-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast", "multicast"),
        (IPNetwork.Parse("2001:db8::/32"), "de documentation", "documentation"),
        (IPNetwork.Parse("100::/64"), "de rejet", "discard-only"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>Why this address may not be a receiver's, or null when it may (English unless <paramref name="french"/>).</summary>
    public string? RefusalOf(IPAddress address, bool french = false)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        // NAT64 embeds an IPv4 address: judge that one.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
            address = new IPAddress(address.GetAddressBytes()[12..]);
        if (AllowLoopback && IPAddress.IsLoopback(address)) return null;
        foreach (var (network, fr, en) in Refused)
            if (network.Contains(address))
                return french ? $"{address} est une adresse {fr} ({network})" : $"{address} is a {en} address ({network})";
        return null;
    }

    /// <summary>The problem with a URL as saved (null when it may be saved); addresses are checked again at send time.</summary>
    public string? ProblemWith(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return Text.Of("Donnez une adresse absolue, par exemple https://recepteur.example.org/vivapolis.",
                           "Give an absolute address, for example https://receiver.example.org/vivapolis.");
        // Under the development setting any host is accepted over http here: the send refuses it unless it resolves to loopback.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && AllowLoopback))
            return Text.Of("L'adresse doit commencer par https:// (http n'est permis que vers la machine locale, en développement).",
                           "The address must start with https:// (http is allowed only to the local machine, in development).");
        if (uri.UserInfo.Length > 0)
            return Text.Of("L'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.", "The address must hold no user name or password.");
        if (uri.Fragment.Length > 0)
            return Text.Of("L'adresse ne doit pas contenir de fragment (#…).", "The address must hold no fragment (#…).");
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal) && RefusalOf(literal) is not null)
            return Text.Of($"Adresse refusée : {RefusalOf(literal, french: true)}.", $"Address refused: {RefusalOf(literal)}.");
        if (uri.IsLoopback && !AllowLoopback)
            return Text.Of("Adresse refusée : la machine locale n'est pas un récepteur permis.", "Address refused: the local machine is not an allowed receiver.");
        return null;
    }

    /// <summary>May a request to this URL go to these addresses? The refusal (English, for the delivery log), or null.</summary>
    public string? RefusalOf(Uri uri, IReadOnlyList<IPAddress> addresses)
    {
        if (addresses.Count == 0)
            return $"{uri.DnsSafeHost} resolves to no address";
        // Every address must pass: a name that also resolves to a private address is not a public receiver.
        foreach (var address in addresses)
            if (RefusalOf(address) is { } refusal) return refusal;
        if (uri.Scheme != Uri.UriSchemeHttps && !(AllowLoopback && addresses.All(IPAddress.IsLoopback)))
            return "http is allowed only to loopback addresses, with the development setting Vivapolis:Webhooks:AllowLoopback";
        return null;
    }
}
