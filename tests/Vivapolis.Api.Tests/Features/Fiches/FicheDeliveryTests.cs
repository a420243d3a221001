using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using static Vivapolis.Api.Tests.Features.Fiches.FicheSteps;

namespace Vivapolis.Api.Tests.Features.Fiches;

/// <summary>The partners' side: published fiches only, newest first, with the filters of the contract.</summary>
public class FicheDeliveryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Publishing_makes_the_fiche_readable_by_slug_with_its_territory_actors_indicators_and_financing()
    {
        var editor = await Api.EditorAsync();
        var content = Draft("Rénovation énergétique des écoles de Lorient", "energie", "batiment-habitat") with
        {
            Indicators = [new FicheIndicator("Consommation de chauffage", -38, "%")],
            Financing = [new FicheFinancing(FinancingSource.ActionCoeurDeVille, 850_000m, null)],
            Period = new FichePeriod(new DateOnly(2021, 1, 4), null),
            Contact = new FicheContact("Mission énergie", "Ville de démonstration", "energie@example.org", null),
        };
        var (draft, _) = await editor.CreateAsync(Segment, content);

        var (published, _) = await editor.PublishAsync<FicheContent>(Segment, draft.Id);

        var item = await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Equal(draft.Id, item.Id);
        Assert.Equal(published.Version, item.Version);
        Assert.Equal(content.Territory, item.Territory);
        Assert.Equal(content.Actors.Select(a => new FicheActorDelivery(a.Name, a.Kind, a.Role, null)), item.Actors);
        Assert.Equal(content.Indicators, item.Indicators);
        Assert.Equal(content.Financing, item.Financing);
        Assert.Equal(content.Period, item.Period);
        Assert.Equal("energie@example.org", item.Contact!.Email); // the fiche's contact is public by design
        Assert.Equal(["energie", "batiment-habitat"], item.Themes);
    }

    [Fact]
    public async Task The_JSON_uses_the_contract_names_for_enums_and_dates()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Segment, Draft("Une agence et un PIA") with
        {
            Actors = [new FicheActor("Agence de démonstration", ActorKind.AgencePublique, null)],
            Financing = [new FicheFinancing(FinancingSource.ActionCoeurDeVille, 10m, null)],
            Period = new FichePeriod(new DateOnly(2023, 5, 2), null),
        });

        var json = JsonNode.Parse(await Api.CreateClient().GetStringAsync($"{Delivery}/{published.Slug}", TestContext.Current.CancellationToken))!;

        Assert.Equal("agence_publique", json["actors"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("action_coeur_de_ville", json["financing"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("2023-05-02", json["period"]!["start"]!.GetValue<string>());
        Assert.Equal("FR", json["territory"]!["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drafts_and_unpublished_fiches_are_invisible_to_the_public()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Draft("Encore en préparation", "eau"));
        var withdrawn = await editor.CreatePublishedAsync(Segment, Draft("Retirée", "eau"));
        await editor.PostAsync($"{Manage}/{withdrawn.Id}/unpublish", null, TestContext.Current.CancellationToken);
        var visible = await editor.CreatePublishedAsync(Segment, Draft("Visible", "eau"));
        var anonymous = Api.CreateClient();

        await (await anonymous.GetAsync($"{Delivery}/{draft.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Delivery}/{withdrawn.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        var listed = await anonymous.ReadAllPagesAsync<FicheDelivery>($"{Delivery}?theme=eau&q=pr%C3%A9paration");
        Assert.Empty(listed);
        Assert.Equal([visible.Id], (await anonymous.ReadAllPagesAsync<FicheDelivery>(Delivery)).Select(f => f.Id));
    }

    [Fact]
    public async Task Paging_newest_first_replays_every_published_fiche_once()
    {
        var editor = await Api.EditorAsync();
        var published = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            published.Add((await editor.CreatePublishedAsync(Segment, Draft($"Fiche publiée {i}"))).Id);
            if (i % 2 == 0) Api.Clock.Advance(TimeSpan.FromMinutes(1)); // some share a publication time
        }
        await editor.CreateAsync(Segment, Draft("Fiche en brouillon"));

        var seen = await Api.CreateClient().ReadAllPagesAsync<FicheDelivery>($"{Delivery}?limit=3");

        Assert.Equal(published.Order(), seen.Select(f => f.Id).Order());
        Assert.Equal(seen.OrderByDescending(f => f.PublishedAt).ThenByDescending(f => f.Id).Select(f => f.Id), seen.Select(f => f.Id));
    }

    /// <summary>Five fiches that each filter tells apart.</summary>
    private async Task SeedAsync()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Segment, Draft("Chaufferie bois de Lorient", "energie") with
        {
            Challenge = "<p>Réduire la dépendance au gaz grâce aux énergies renouvelables.</p>",
            Actors = [new FicheActor("Ville de Lorient démo", ActorKind.Collectivite, null), new FicheActor("Bois Énergie Ouest", ActorKind.Entreprise, null)],
            Financing = [new FicheFinancing(FinancingSource.Pia, 2_000_000m, null)],
        });
        await editor.CreatePublishedAsync(Segment, Draft("Revitaliser le centre de Vierzon", "amenagement-urbanisme") with
        {
            Territory = new FicheTerritory { Commune = "Vierzon", Departement = "Cher", RegionCode = "24" },
            Actions = "<p>Le programme <strong>Action cœur de ville</strong> a financé la rénovation des façades.</p>",
            Financing = [new FicheFinancing(FinancingSource.ActionCoeurDeVille, 400_000m, null)],
        });
        await editor.CreatePublishedAsync(Segment, Draft("Eau potable à Kénitra", "eau", "international") with
        {
            Territory = Abroad("Kénitra", "MA"),
            Actors = [new FicheActor("Régie de démonstration", ActorKind.AgencePublique, null), new FicheActor("Hydro Sud", ActorKind.Entreprise, null)],
            Financing = [new FicheFinancing(FinancingSource.Europe, null, null)],
        });
        await editor.CreatePublishedAsync(Segment, Draft("Bus électriques à Da Nang", "mobilite", "energie", "international") with
        {
            Territory = Abroad("Da Nang", "VN"),
            Results = "<p>La flotte électrique consomme moins d'énergie.</p>",
        });
        await editor.CreatePublishedAsync(Segment, Draft("Jardins partagés à Rennes", "biodiversite-nature-en-ville") with
        {
            Actors = [new FicheActor("Les Jardiniers démo", ActorKind.Association, null)],
        });
    }

    [Theory]
    [InlineData("theme=energie", "Chaufferie bois de Lorient", "Bus électriques à Da Nang")]
    [InlineData("region=53", "Chaufferie bois de Lorient", "Jardins partagés à Rennes")]
    [InlineData("region=24", "Revitaliser le centre de Vierzon")]
    [InlineData("region=99", "Eau potable à Kénitra", "Bus électriques à Da Nang")]
    [InlineData("country=MA", "Eau potable à Kénitra")]
    [InlineData("country=vn", "Bus électriques à Da Nang")]
    [InlineData("country=FR", "Chaufferie bois de Lorient", "Revitaliser le centre de Vierzon", "Jardins partagés à Rennes")]
    [InlineData("actorKind=entreprise", "Chaufferie bois de Lorient", "Eau potable à Kénitra")]
    [InlineData("actorKind=agence_publique", "Eau potable à Kénitra")]
    [InlineData("actorKind=association", "Jardins partagés à Rennes")]
    [InlineData("financingSource=pia", "Chaufferie bois de Lorient")]
    [InlineData("financingSource=action_coeur_de_ville", "Revitaliser le centre de Vierzon")]
    [InlineData("financingSource=europe", "Eau potable à Kénitra")]
    [InlineData("q=energies", "Chaufferie bois de Lorient", "Bus électriques à Da Nang")] // stemmed, accents ignored
    [InlineData("q=coeur%20de%20ville", "Revitaliser le centre de Vierzon")]
    [InlineData("q=JARDIN", "Jardins partagés à Rennes")]
    [InlineData("q=Hydro%20Sud", "Eau potable à Kénitra")] // actors' names are searched too
    [InlineData("theme=energie&region=99", "Bus électriques à Da Nang")]
    [InlineData("actorKind=entreprise&financingSource=pia&q=gaz", "Chaufferie bois de Lorient")]
    [InlineData("actorKind=etat")]
    [InlineData("q=%22aucun%20mot%20pareil%22")]
    public async Task Each_filter_keeps_only_the_matching_fiches(string query, params string[] expected)
    {
        await SeedAsync();

        var found = await Api.CreateClient().ReadAllPagesAsync<FicheDelivery>($"{Delivery}?{query}");

        Assert.Equal(expected.Order(), found.Select(f => f.Title).Order());
    }

    [Theory]
    [InlineData("theme=astrologie", "theme", "mobilite")]
    [InlineData("region=12", "region", "53")]
    [InlineData("country=FRA", "country", "deux lettres")]
    [InlineData("actorKind=ong", "actorKind", "organisation_professionnelle")]
    [InlineData("financingSource=loto", "financingSource", "action_coeur_de_ville")]
    [InlineData("limit=0", "limit", "entre 1 et 100")]
    public async Task An_unknown_filter_value_is_a_400_problem_listing_what_is_allowed(string query, string field, string listed)
    {
        var problem = await (await Api.CreateClient().GetAsync($"{Delivery}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(listed, problem.ErrorsFor(field).Single());
    }

    [Fact]
    public async Task Publishing_gives_search_the_words_of_the_challenge_actions_results_and_actors()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Segment, Draft("Compostage collectif", "dechets-economie-circulaire") with
        {
            Actions = "<p>Des <em>composteurs</em> au pied des immeubles.</p>",
            Results = "<p>Moins de biodéchets.</p>",
            Actors = [new FicheActor("Compost & Cie", ActorKind.Entreprise, null)],
        });

        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var entry = await session.LoadAsync<SearchEntry>(published.Id, TestContext.Current.CancellationToken);

        Assert.Equal("fiche", entry!.Type);
        Assert.Equal("Compostage collectif", entry.Title);
        Assert.Contains("composteurs", entry.Text);
        Assert.Contains("au pied des immeubles", entry.Text);
        Assert.Contains("biodéchets", entry.Text);
        Assert.Contains("Compost & Cie", entry.Text);
        Assert.DoesNotContain("<p>", entry.Text);
    }
}
