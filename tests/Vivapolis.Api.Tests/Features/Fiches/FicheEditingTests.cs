using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using static Vivapolis.Api.Tests.Features.Fiches.FicheSteps;

namespace Vivapolis.Api.Tests.Features.Fiches;

/// <summary>The editors' side: what a fiche holds, and the checks an editor recognises, in French by default.</summary>
public class FicheEditingTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Creating_a_fiche_gives_a_draft_that_returns_every_field_with_rich_text_sanitised()
    {
        var editor = await Api.EditorAsync();
        var content = Draft("Un réseau de chaleur bois à Lorient", "energie") with
        {
            Territory = new FicheTerritory { Commune = " Lorient ", Departement = "Morbihan", RegionCode = "53", Country = "fr" },
            Actors =
            [
                new FicheActor("Lorient Démo Agglomération", ActorKind.Collectivite, "maître d'ouvrage"),
                new FicheActor("Chaleur d'Armor", ActorKind.Entreprise, "exploitant"),
            ],
            Actions = "<p onclick=\"alert(1)\">Une chaufferie bois.</p><script>alert('x')</script>",
            Results = "<p>Moins de gaz.</p>",
            Indicators = [new FicheIndicator("Émissions évitées", 4200.5m, "tonnes de CO₂ par an")],
            Financing = [new FicheFinancing(FinancingSource.Europe, 1_250_000m, "FEDER"), new FicheFinancing(FinancingSource.Prive, null, null)],
            Period = new FichePeriod(new DateOnly(2022, 3, 1), new DateOnly(2025, 6, 30)),
            Contact = new FicheContact("Service énergie", "Lorient Démo Agglomération", "energie@example.org", "https://www.example.org/energie"),
            Links = [new FicheLink("Le projet", "https://www.example.org/chaleur")],
            Tags = ["bois", " bois ", ""],
        };

        var (created, etag) = await editor.CreateAsync(Segment, content);

        Assert.Equal("un-reseau-de-chaleur-bois-a-lorient", created.Slug);
        Assert.Equal(ContentStatus.Draft, created.Status);
        Assert.Equal("\"v1\"", etag);
        var fetched = (await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<FicheContent>>()).Content;
        Assert.Equal(new FicheTerritory { Commune = "Lorient", Departement = "Morbihan", RegionCode = "53", Country = "FR" }, fetched.Territory);
        Assert.Equal(content.Actors, fetched.Actors);
        Assert.Equal(content.Indicators, fetched.Indicators);
        Assert.Equal(content.Financing, fetched.Financing);
        Assert.Equal(content.Period, fetched.Period);
        Assert.Equal(content.Contact, fetched.Contact);
        Assert.Equal(content.Links, fetched.Links);
        Assert.Equal(["bois"], fetched.Tags);
        Assert.Equal("<p>Une chaufferie bois.</p>", fetched.Actions);
    }

    [Fact]
    public async Task The_country_is_France_when_the_editor_does_not_give_one()
    {
        var editor = await Api.EditorAsync();
        var json = new JsonObject
        {
            ["title"] = "Sans pays",
            ["territory"] = new JsonObject { ["regionCode"] = "11" },
            ["actors"] = new JsonArray(new JsonObject { ["name"] = "Une ville", ["kind"] = "collectivite" }),
        };

        var created = await (await editor.PostAsJsonAsync(Manage, json)).ReadAsync<Managed<FicheContent>>();

        Assert.Equal("FR", created.Content.Territory.Country);
    }

    [Fact]
    public async Task A_fiche_without_an_actor_or_a_region_is_a_400_in_French_and_nothing_is_stored()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Draft("Action orpheline") with { Actors = [], Territory = new() }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Indiquez au moins un acteur", problem.ErrorsFor("actors").Single());
        Assert.Contains("Indiquez la région", problem.ErrorsFor("territory.regionCode").Single());
        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Query<Fiche>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_wrong_row_is_named_by_its_list_index_and_field_with_a_French_message()
    {
        var editor = await Api.EditorAsync();
        var content = Draft("Une fiche à reprendre") with
        {
            Actors = [new FicheActor("Ville", ActorKind.Collectivite, null), new FicheActor(" ", ActorKind.Etat, null)],
            Indicators = [new FicheIndicator("Logements rénovés", 120, "logements"), new FicheIndicator("Économies", 30, "")],
            Financing = [new FicheFinancing(FinancingSource.Pia, -5000m, null), new FicheFinancing(FinancingSource.Etat, 12.345m, null)],
            Period = new FichePeriod(new DateOnly(2024, 9, 1), new DateOnly(2023, 1, 1)),
            Contact = new FicheContact("Équipe projet", "Ville", "pas-une-adresse", "http://www.example.org"),
            Links = [new FicheLink("Site", "ftp://example.org/fichier")],
            Themes = ["astrologie"],
        };

        var problem = await (await editor.PostJsonAsync(Manage, content)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("nom de l'acteur", problem.ErrorsFor("actors[1].name").Single());
        Assert.Contains("unité", problem.ErrorsFor("indicators[1].unit").Single());
        Assert.Empty(problem.ErrorsFor("indicators[0].unit"));
        Assert.Equal(["Le montant en euros ne peut pas être négatif."], problem.ErrorsFor("financing[0].amountEuros"));
        Assert.Contains("au centime près", problem.ErrorsFor("financing[1].amountEuros").Single());
        Assert.Equal(["La date de fin doit être postérieure à la date de début."], problem.ErrorsFor("period.end"));
        Assert.NotEmpty(problem.ErrorsFor("contact.email"));
        Assert.Contains("https", problem.ErrorsFor("contact.url").Single());
        Assert.Contains("https", problem.ErrorsFor("links[0].url").Single());
        Assert.Contains("Thème inconnu", problem.ErrorsFor("themes").Single());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"mairie\"")]
    [InlineData("\"Collectivite\"")]
    public async Task An_actor_kind_that_is_not_a_contract_name_is_a_400_listing_the_allowed_values(string kind)
    {
        var editor = await Api.EditorAsync();
        var body = $$"""
            { "title": "Une fiche à reprendre", "territory": { "regionCode": "53" },
              "actors": [ { "name": "Ville", "kind": "collectivite" }, { "name": "État", "kind": {{kind}} } ] }
            """;

        var response = await editor.PostAsync(Manage, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("agence_publique", problem.ErrorsFor("actors[1].kind").Single());
    }

    [Theory]
    [InlineData("FR", "99", "réservée aux projets hors de France")]
    [InlineData("MA", "53", "la région est « 99 » (étranger)")]
    public async Task Region_99_goes_with_a_foreign_country_and_only_with_one(string country, string region, string message)
    {
        var editor = await Api.EditorAsync();
        var territory = new FicheTerritory { Commune = "Quelque part", RegionCode = region, Country = country };

        var problem = await (await editor.PostJsonAsync(Manage, Draft("Territoire incohérent") with { Territory = territory }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.ErrorsFor("territory.regionCode").Single());
    }

    [Theory]
    [InlineData("12", "territory.regionCode", "Région inconnue")]
    [InlineData("53", "territory.country", "deux lettres majuscules")]
    public async Task An_unknown_region_code_or_a_country_that_is_not_two_letters_is_refused(string region, string field, string message)
    {
        var editor = await Api.EditorAsync();
        var territory = new FicheTerritory { RegionCode = region, Country = field == "territory.country" ? "FRA" : "FR" };

        var problem = await (await editor.PostJsonAsync(Manage, Draft("Territoire inconnu") with { Territory = territory }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.ErrorsFor(field).Single());
    }

    [Fact]
    public async Task A_project_abroad_is_accepted_with_region_99_and_its_country()
    {
        var editor = await Api.EditorAsync();

        var (created, _) = await editor.CreateAsync(Segment, Draft("Tramway à Hué") with { Territory = Abroad("Hué", "VN") });

        Assert.Equal("99", created.Content.Territory.RegionCode);
        Assert.Equal("VN", created.Content.Territory.Country);
    }

    [Theory]
    [InlineData("\"beaucoup\"")]
    [InlineData("\"12,5\"")]
    [InlineData("null")]
    public async Task An_indicator_value_that_is_not_a_number_is_a_400_naming_the_indicator(string value)
    {
        var editor = await Api.EditorAsync();
        var body = $$"""
            { "title": "Valeur illisible", "territory": { "regionCode": "53" },
              "actors": [ { "name": "Ville", "kind": "collectivite" } ],
              "indicators": [ { "label": "Arbres plantés", "value": {{value}}, "unit": "arbres" } ] }
            """;

        var response = await editor.PostAsync(Manage, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.StartsWith("indicators[0]"));
    }

    [Fact]
    public async Task Validation_messages_are_in_English_when_the_client_asks_for_it()
    {
        var editor = await Api.EditorAsync();
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await editor.PostJsonAsync(Manage, Draft("No actors") with
        {
            Actors = [],
            Financing = [new FicheFinancing(FinancingSource.Europe, -1, null)],
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Give at least one actor", problem.ErrorsFor("actors").Single());
        Assert.Equal(["The amount in euros cannot be negative."], problem.ErrorsFor("financing[0].amountEuros"));
    }

    [Fact]
    public async Task Lists_longer_than_their_bound_are_refused()
    {
        var editor = await Api.EditorAsync();
        var content = Draft("Trop de tout") with
        {
            Actors = Enumerable.Range(0, FicheValidator.MaxActors + 1).Select(i => new FicheActor($"Acteur {i}", ActorKind.Association, null)).ToList(),
            Indicators = Enumerable.Range(0, FicheValidator.MaxIndicators + 1).Select(i => new FicheIndicator($"Mesure {i}", i, "%")).ToList(),
            Links = Enumerable.Range(0, FicheValidator.MaxLinks + 1).Select(i => new FicheLink($"Lien {i}", "https://www.example.org")).ToList(),
        };

        var problem = await (await editor.PostJsonAsync(Manage, content)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([$"{FicheValidator.MaxActors} acteurs au plus."], problem.ErrorsFor("actors"));
        Assert.NotEmpty(problem.ErrorsFor("indicators"));
        Assert.NotEmpty(problem.ErrorsFor("links"));
    }

    [Fact]
    public async Task The_editors_list_takes_statuses_by_their_contract_names()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Draft("En attente de relecture"));

        var drafts = await (await editor.GetAsync($"{Manage}?status=draft")).ReadAsync<Page<ManagedSummary>>();
        var inReview = await (await editor.GetAsync($"{Manage}?status=in_review")).ReadAsync<Page<ManagedSummary>>();

        Assert.Equal(draft.Id, Assert.Single(drafts.Items).Id);
        Assert.Empty(inReview.Items);
    }
}
