using System.Net;
using Microsoft.OpenApi;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Search;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Security;

/// <summary>
/// No public answer depends on a private field: filtering, sorting or searching by internal notes, consent records
/// or the e-mail of a contact who is not public changes nothing, in any casing or nesting of the parameter, so a
/// stranger cannot learn them by asking yes-or-no questions.
/// </summary>
/// <remarks>
/// Query parameters the contract does not declare are ignored, not refused: partners' links carry cache-busters and
/// tracking parameters, and a 400 for them would break pages for nothing. Ignoring is safe because no code reads an
/// undeclared parameter, which these tests prove from the outside: the answer is the same, byte for byte.
/// </remarks>
public class PrivateFieldOracleTests(ApiFactory api) : ApiTest(api)
{
    private const string NotesWord = "zanzibarite";
    private const string ConsentWord = "quintessencier";
    private const string PrivateEmail = "karim.benali.prive@example.org";

    /// <summary>Every type's public list (from the registry's test examples), and the reference lists.</summary>
    private static readonly string[] PublicLists =
        [.. ContentKind.All.Select(k => $"/api/v1/{k.Segment}"), "/api/v1/themes", "/api/v1/regions"];

    /// <summary>The public lists whose contract declares a full-text <c>q</c>.</summary>
    private static readonly string[] SearchedLists = [.. PublicLists.Where(url => OperationCatalog.All
        .Single(o => o.Method == HttpMethod.Get && o.PathTemplate == url).In(ParameterLocation.Query).Any(p => p.Name == "q"))];

    /// <summary>Every way a client might try to filter, sort or pick fields by something private.</summary>
    private static readonly (string Name, string Value)[] PrivateProbes =
    [
        ("email", PrivateEmail), ("Email", PrivateEmail), ("EMAIL", PrivateEmail.ToUpperInvariant()),
        ("notes", NotesWord), ("internalNotes", NotesWord), ("InternalNotes", NotesWord.ToUpperInvariant()),
        ("filter[notes]", NotesWord), ("filter[internalNotes]", NotesWord), ("filter[email]", PrivateEmail),
        ("contact.email", PrivateEmail), ("content.internalNotes", NotesWord), ("consent.text", ConsentWord),
        ("consent", "true"), ("isPublic", "false"), ("phone", "+33199009876"),
        ("sort", "email"), ("sort", "-internalNotes"), ("orderBy", "notes"), ("order_by", "email desc"),
        ("$filter", $"internalNotes eq '{NotesWord}'"), ("where", $"notes like '%{NotesWord}%'"),
        ("fields", "internalNotes,consent"), ("include", "internalNotes"), ("expand", "consent"),
        ("q", PrivateEmail), ("q", NotesWord),
    ];

    [Fact]
    public async Task Public_lists_answer_the_same_whatever_private_filters_sorts_or_fields_are_asked_for()
    {
        var items = await PlantAsync();
        var anonymous = Api.CreateClient();
        var urls = PublicLists.Concat(items);

        foreach (var url in urls)
        {
            var (status, baseline) = await ReadAsync(anonymous, url);
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var (name, value) in PrivateProbes)
            {
                // Where q is a declared search, it searches: that is the next test.
                if (name == "q" && SearchedLists.Contains(url)) continue;
                var probed = $"{url}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
                var (probedStatus, answer) = await ReadAsync(anonymous, probed);
                Assert.True(probedStatus == HttpStatusCode.OK && answer == baseline,
                    $"GET {probed} answered {(int)probedStatus} {answer}\ninstead of GET {url}: {baseline}");
            }
        }
    }

    [Theory]
    [InlineData(NotesWord)]
    [InlineData("ZANZIBARITE")]
    [InlineData("Zanzibarites")]
    [InlineData(ConsentWord)]
    [InlineData("QuintessencieR")]
    [InlineData(PrivateEmail)]
    [InlineData("KARIM.BENALI.PRIVE@EXAMPLE.ORG")]
    [InlineData("Karim Benali")]
    public async Task Search_never_finds_a_word_that_only_a_private_field_holds(string query)
    {
        await PlantAsync();
        var anonymous = Api.CreateClient();
        var q = Uri.EscapeDataString(query);

        var search = await (await anonymous.GetAsync($"/api/v1/search?q={q}")).ReadAsync<SearchResults>();

        Assert.Empty(search.Items);
        Assert.NotEmpty(SearchedLists);
        foreach (var list in SearchedLists)
            Assert.Empty((await (await anonymous.GetAsync($"{list}?q={q}")).ReadAsync<Page<System.Text.Json.Nodes.JsonObject>>()).Items);
    }

    [Fact]
    public async Task The_search_that_finds_nothing_private_does_find_public_words()
    {
        await PlantAsync();
        var anonymous = Api.CreateClient();

        var hit = Assert.Single((await (await anonymous.GetAsync("/api/v1/search?q=tramontane")).ReadAsync<SearchResults>()).Items);

        Assert.Equal("article", hit.Type);
        // Contacts are not searchable at all, so asking for them is refused rather than answered with nothing.
        await (await anonymous.GetAsync($"/api/v1/search?q=Benali&types=advertiser-contact")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// A public contact and a published contact who is not public, both with private words, and public items beside
    /// them; returns the public items' by-slug URLs.
    /// </summary>
    private async Task<string[]> PlantAsync()
    {
        var editor = await Api.AdminAsync(); // contacts are the sales desk's, articles the editors': admin has both
        var consent = new ConsentRecord(true, DateTimeOffset.Parse("2026-10-14T10:00:00+02:00"), "formulaire salon",
            $"J'accepte, {ConsentWord}.");
        var shown = await editor.CreatePublishedAsync(Contact("Hélène Marivaux") with
        {
            InternalNotes = $"Rappeler en mars ({NotesWord}).", Consent = consent,
        });
        await editor.CreatePublishedAsync(Contact("Karim Benali") with
        {
            IsPublic = false, Email = PrivateEmail, Phone = "01 99 00 98 76", InternalNotes = $"Client difficile, {NotesWord}.", Consent = consent,
        });
        var article = await editor.CreatePublishedAsync(ContentKind.Articles.Segment, new ArticleContent
        {
            Title = "La tramontane souffle sur la ville durable", Themes = ["mobilite"],
        });
        var fiche = await editor.CreatePublishedAsync(ContentKind.Fiches.Segment, (Vivapolis.Contracts.Fiches.FicheContent)ContentKind.Fiches.Example(RecipeContext.Unique()));
        var agenda = await editor.CreatePublishedAsync(ContentKind.Events.Segment, (Vivapolis.Contracts.Events.EventContent)ContentKind.Events.Example(RecipeContext.Unique()));
        return [$"{Delivery}/{shown.Slug}", $"/api/v1/articles/{article.Slug}", $"/api/v1/fiches/{fiche.Slug}", $"/api/v1/events/{agenda.Slug}"];
    }

    private static async Task<(HttpStatusCode, string)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
