using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Articles;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>
/// A canary contact with unique values is planted, then every anonymous GET of the API is called: internal notes,
/// consent records and anything of a contact who is not public must come out of none of them. The operations are
/// read from the OpenAPI document the app generates (the contract test holds it equal to openapi.yaml), so a public
/// path added later is checked without touching this test.
/// </summary>
public class AdvertiserContactCanaryTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>Public paths that are not part of the contract document.</summary>
    private static readonly string[] Undocumented = ["/health/live", "/health/ready", "/feeds/articles.atom", "/feeds/events.ics"];

    [Fact]
    public async Task Internal_notes_consent_records_and_private_contacts_appear_in_no_public_response()
    {
        var marker = Guid.NewGuid().ToString("N");
        var notes = $"canary-notes-{marker}";
        var consentText = $"canary-consent-{marker}";
        var publicEmail = $"canary-public-{marker}@example.org";
        var privateEmail = $"canary-private-{marker}@example.org";
        var editor = await Api.AdminAsync();
        var shown = await editor.CreatePublishedAsync(Canary("Canari Public", publicEmail, "01 99 00 45 67", notes, consentText));
        var hidden = await editor.CreatePublishedAsync(
            Canary("Canari Privé", privateEmail, "01 99 00 98 76", notes, consentText) with { IsPublic = false });
        var article = await editor.CreatePublishedAsync("articles", new ArticleContent { Title = "Article témoin", Themes = ["mobilite"] });
        // What must never leak. The private contact's name is not in the list: its slug is put in URLs on purpose.
        string[] secrets = [notes, consentText, privateEmail, "+33199009876", "199009876", "formulaire canari"];

        var urls = PublicGetUrls(slugs: [shown.Slug, hidden.Slug, article.Slug], ids: [shown.Id, hidden.Id, article.Id],
            words: ["canary", marker, "canari"]).ToList();
        var anonymous = Api.CreateClient();
        var publicEmailSeenIn = new List<string>();
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            var text = response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync();
            foreach (var secret in secrets)
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"GET {url} ({(int)response.StatusCode}) shows {secret}");
            if (text.Contains(publicEmail)) publicEmailSeenIn.Add(url);
            TestContext.Current.TestOutputHelper?.WriteLine($"{(int)response.StatusCode} GET {url}");
        }

        Assert.Contains(Delivery, urls);
        Assert.Contains($"{Delivery}/{shown.Slug}", urls);
        Assert.Contains($"{Delivery}/{hidden.Slug}", urls);
        Assert.Contains("/api/v1/articles", urls);
        Assert.Contains("/api/v1/themes", urls);
        Assert.Contains("/api/v1/regions", urls);
        // The check can see a leak: the public contact's public e-mail does come out where it should.
        Assert.Superset(new HashSet<string> { Delivery, $"{Delivery}/{shown.Slug}" }, publicEmailSeenIn.ToHashSet());
    }

    private static AdvertiserContactContent Canary(string name, string email, string phone, string notes, string consentText) =>
        Contact(name) with
        {
            Email = email,
            Phone = phone,
            InternalNotes = notes,
            Consent = new ConsentRecord(true, DateTimeOffset.Parse("2026-10-14T10:00:00+02:00"), "formulaire canari", consentText),
        };

    /// <summary>Every anonymous GET operation, path parameters filled with real slugs and ids, search words for <c>q</c>.</summary>
    private IEnumerable<string> PublicGetUrls(string[] slugs, Guid[] ids, string[] words)
    {
        var document = Api.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(OpenApiSetup.DocumentName);
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations?.GetValueOrDefault(HttpMethod.Get) is not { } get || !IsAnonymous(get)) continue;
            var parameters = get.Parameters ?? [];
            var filled = new List<string> { path };
            foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Path))
            {
                var name = parameter.Name!;
                string[] values = name.Contains("slug", StringComparison.OrdinalIgnoreCase) ? slugs
                    : name.Equals("id", StringComparison.OrdinalIgnoreCase) ? ids.Select(i => i.ToString()).ToArray()
                    : [.. slugs, .. ids.Select(i => i.ToString())];
                filled = filled.SelectMany(p => values.Select(v => p.Replace($"{{{name}}}", Uri.EscapeDataString(v)))).ToList();
            }
            var searches = parameters.Any(p => p.In == ParameterLocation.Query && p.Name == "q");
            foreach (var url in filled)
            {
                urls.Add(url);
                if (searches)
                    foreach (var word in words) urls.Add($"{url}?q={Uri.EscapeDataString(word)}");
            }
        }
        urls.UnionWith(Undocumented);
        return urls;
    }

    /// <summary>Anonymous operations carry an empty security requirement (see FastEndpointsOperationFilter).</summary>
    private static bool IsAnonymous(OpenApiOperation operation) =>
        operation.Security is null || operation.Security.Count == 0 || operation.Security.Any(r => r.Count == 0);
}
