using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Sync;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;
using Vivapolis.Contracts.Search;
using static Vivapolis.Api.Tests.Features.Members.MemberSteps;

namespace Vivapolis.Api.Tests.Features.Members;

/// <summary>The members directory: delivered like the other types, filtered, searchable, and private members nowhere.</summary>
public class MemberDirectoryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_directory_lists_published_members_by_kind_region_theme_and_words()
    {
        var editor = await Api.EditorAsync();
        var biomass = await editor.CreatePublishedAsync(Segment, Draft("Armor Biomasse Énergies", ActorKind.Entreprise, "53", "energie")
            with { Description = "Exploitant de réseaux de chaleur au bois du bocage." });
        await editor.CreatePublishedAsync(Segment, Draft("Ville de Kerlaouen", ActorKind.Collectivite, "53", "energie"));
        await editor.CreatePublishedAsync(Segment, Draft("Agence de l'eau Sud-Garonne", ActorKind.AgencePublique, "76", "eau"));
        await editor.CreateAsync(Segment, Draft("Un brouillon jamais publié", ActorKind.Entreprise, "53", "energie"));
        var anonymous = Api.CreateClient();

        async Task<string[]> Names(string query) =>
            [.. (await anonymous.ReadAllPagesAsync<MemberDelivery>($"{Delivery}?{query}")).Select(m => m.Name).Order()];

        Assert.Equal(["Agence de l'eau Sud-Garonne", "Armor Biomasse Énergies", "Ville de Kerlaouen"], await Names("limit=2"));
        Assert.Equal(["Armor Biomasse Énergies", "Ville de Kerlaouen"], await Names("region=53"));
        Assert.Equal(["Armor Biomasse Énergies"], await Names("region=53&kind=entreprise"));
        Assert.Equal(["Agence de l'eau Sud-Garonne"], await Names("theme=eau"));
        Assert.Equal(["Armor Biomasse Énergies"], await Names("q=reseau%20chaleurs")); // accents and word endings
        await (await anonymous.GetAsync($"{Delivery}?kind=startup")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync($"{Delivery}?region=12")).ProblemAsync(HttpStatusCode.BadRequest);

        var member = await (await anonymous.GetAsync($"{Delivery}/{biomass.Slug}")).ReadAsync<MemberDelivery>();
        Assert.Equal((ActorKind.Entreprise, "53", 2019, "https://membre.example.org"), (member.Kind, member.RegionCode, member.MemberSince, member.Website));
        Assert.Equal($"/api/v1/fiches?member={biomass.Id}", member.FichesUrl);
        Assert.Equal($"/api/v1/events?member={biomass.Id}", member.EventsUrl);
    }

    [Fact]
    public async Task Public_members_are_found_by_search_and_mirrored_by_sync()
    {
        var editor = await Api.EditorAsync();
        var member = await editor.CreatePublishedAsync(Segment, Draft("Coopérative bocagère du Léon") with { Description = "Gestion durable des haies." });
        var partner = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;

        var results = await (await Api.CreateClient().GetAsync("/api/v1/search?q=haie&types=member")).ReadAsync<SearchResults>();
        var mirror = new SyncMirror(types: "member");
        await mirror.CatchUpAsync(partner);

        Assert.Equal(member.Id, Assert.Single(results.Items).Id);
        Assert.Equal("member", results.Items[0].Type);
        Assert.Contains(("member", member.Id), mirror.Items.Keys);
        await Api.AssertMirrorsAsync(mirror);
    }

    [Fact]
    public async Task A_member_that_is_not_public_is_delivered_nowhere_and_leaves_at_once_when_made_private()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Segment, Draft("Discrète Ingénierie") with { IsPublic = false });
        var (leaving, _) = await editor.CreateAsync(Segment, Draft("Partante Conseil"));
        var (_, etag) = await editor.PublishAsync<MemberContent>(Segment, leaving.Id);
        var partner = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;
        var mirror = new SyncMirror(types: "member");
        await mirror.CatchUpAsync(partner);
        Assert.Single(mirror.Items);

        var saved = await editor.PutAsync(Segment, leaving.Id, Draft("Partante Conseil") with { IsPublic = false }, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var anonymous = Api.CreateClient();
        Assert.Empty((await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<MemberDelivery>>()).Items);
        await (await anonymous.GetAsync($"{Delivery}/discrete-ingenierie")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Delivery}/{leaving.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await anonymous.GetAsync("/api/v1/search?q=partante%20discrete&types=member")).ReadAsync<SearchResults>()).Items);
        await mirror.CatchUpAsync(partner);
        Assert.Empty(mirror.Items);
        Assert.Equal("withdrawn", mirror.Entries[^1]["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_members_are_refused_field_by_field_in_french_and_change_nothing()
    {
        var editor = await Api.EditorAsync();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Draft("Ok"), HttpAssertions.JsonOptions))!.AsObject();
        body["name"] = "X";
        body["kind"] = null;
        body["regionCode"] = "12";
        body["website"] = "http://insecure.example.org";
        body["memberSince"] = 2015;
        body["logo"] = new JsonObject { ["url"] = "https://images.example.org/logo.png", ["alt"] = " " };

        var problem = await (await editor.PostJsonAsync(Manage, body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind", "logo.alt", "memberSince", "name", "regionCode", "website"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Contains("2016", problem.ErrorsFor("memberSince")[0]);
        Assert.Contains("collectivite", problem.ErrorsFor("kind")[0]);
        Assert.Empty((await (await editor.GetAsync(Manage)).ReadAsync<Page<ManagedSummary>>()).Items);
    }
}
