using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Features.Fiches;
using Vivapolis.Api.Tests.Features.Sync;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;
using static Vivapolis.Api.Tests.Features.Members.MemberSteps;

namespace Vivapolis.Api.Tests.Features.Members;

/// <summary>
/// Fiches' actors and events' organisers that are members show the member as the directory publishes it now: a
/// rename, a new slug, a member made private or unpublished restates every published item that links it.
/// </summary>
public class MemberLinkTests(ApiFactory api) : ApiTest(api)
{
    private static readonly DateTimeOffset NextSpring = new(2027, 4, 3, 9, 0, 0, TimeSpan.FromHours(2));

    private static FicheContent FicheWith(string title, Guid member) => FicheSteps.Draft(title) with
    {
        Actors =
        [
            new FicheActor("Nom saisi par la rédaction", ActorKind.Association, "maître d'ouvrage", member),
            new FicheActor("Bureau d'études sans adhésion", ActorKind.Entreprise, "études"),
        ],
    };

    private static EventContent EventBy(string title, Guid member) =>
        EventSteps.Draft(title, NextSpring) with { Organizer = new EventOrganizer("Nom saisi", null, member) };

    [Fact]
    public async Task A_linked_member_gives_its_name_kind_and_address_and_its_page_lists_the_items_that_link_it()
    {
        var editor = await Api.EditorAsync();
        var member = await editor.CreatePublishedAsync(Segment, Draft("Armor Biomasse Énergies", ActorKind.Entreprise));
        var fiche = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheWith("Un réseau de chaleur au bois", member.Id));
        await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Une fiche sans ce membre"));
        var agenda = await editor.CreatePublishedAsync(EventBy("Visite de la chaufferie", member.Id));
        var anonymous = Api.CreateClient();

        var delivered = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>();
        var memberPage = await (await anonymous.GetAsync($"{Delivery}/{member.Slug}")).ReadAsync<MemberDelivery>();
        var fiches = await (await anonymous.GetAsync(memberPage.FichesUrl)).ReadAsync<Page<FicheDelivery>>();
        var events = await (await anonymous.GetAsync(memberPage.EventsUrl)).ReadAsync<Page<EventDelivery>>();
        var organised = await anonymous.DeliveredJsonAsync(agenda.Slug);

        var link = new MemberLink(member.Id, member.Slug, "Armor Biomasse Énergies", $"/api/v1/members/{member.Slug}");
        Assert.Equal(new FicheActorDelivery("Armor Biomasse Énergies", ActorKind.Entreprise, "maître d'ouvrage", link), delivered.Actors[0]);
        Assert.Equal(new FicheActorDelivery("Bureau d'études sans adhésion", ActorKind.Entreprise, "études", null), delivered.Actors[1]);
        Assert.Equal(fiche.Id, Assert.Single(fiches.Items).Id);
        Assert.Equal(agenda.Id, Assert.Single(events.Items).Id);
        Assert.Equal("Armor Biomasse Énergies", organised["organizer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://membre.example.org", organised["organizer"]!["url"]!.GetValue<string>()); // the member's site, none given
        Assert.Equal("Armor Biomasse Énergies", organised["jsonLd"]!["organizer"]!["name"]!.GetValue<string>());
        Assert.Equal(member.Id, (await (await anonymous.GetAsync(link.Url)).ReadAsync<MemberDelivery>()).Id);
        await (await anonymous.GetAsync($"{FicheSteps.Delivery}?member=not-an-id")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Renaming_a_member_restates_the_published_items_that_link_it_and_the_feed_says_so()
    {
        var editor = await Api.EditorAsync();
        var (member, _) = await editor.CreateAsync(Segment, Draft("Ville de Kerlaouen", ActorKind.Collectivite));
        var (_, memberTag) = await editor.PublishAsync<MemberContent>(Segment, member.Id);
        var (fiche, _) = await editor.CreateAsync(FicheSteps.Segment, FicheWith("La chaufferie du port", member.Id));
        var (_, ficheTag) = await editor.PublishAsync<FicheContent>(FicheSteps.Segment, fiche.Id);
        var agenda = await editor.CreatePublishedAsync(EventBy("Matinale au port", member.Id));
        // A draft edit of the fiche waits for its next publication: restating must not publish it.
        (await editor.PutAsync(FicheSteps.Segment, fiche.Id, FicheWith("Titre pas encore publié", member.Id), ficheTag)).EnsureSuccessStatusCode();
        var partner = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(partner);
        var seen = mirror.Entries.Count;

        (await editor.PutAsync(Segment, member.Id, Draft("Kerlaouen Métropole", ActorKind.Collectivite) with { Slug = "kerlaouen-metropole" },
            memberTag)).EnsureSuccessStatusCode();
        await editor.PublishAsync<MemberContent>(Segment, member.Id);

        var anonymous = Api.CreateClient();
        var delivered = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Equal("La chaufferie du port", delivered.Title);
        Assert.Equal(new MemberLink(member.Id, "kerlaouen-metropole", "Kerlaouen Métropole", "/api/v1/members/kerlaouen-metropole"), delivered.Actors[0].Member);
        Assert.Equal("Kerlaouen Métropole", delivered.Actors[0].Name);
        var organised = await anonymous.DeliveredJsonAsync(agenda.Slug);
        Assert.Equal("kerlaouen-metropole", organised["organizer"]!["member"]!["slug"]!.GetValue<string>());
        Assert.Equal("Kerlaouen Métropole", organised["jsonLd"]!["organizer"]!["name"]!.GetValue<string>());
        await mirror.CatchUpAsync(partner);
        Assert.Equal([("member", "slug_changed"), ("fiche", "republished"), ("event", "republished")],
            mirror.Entries.Skip(seen).Select(e => (e["type"]!.GetValue<string>(), e["kind"]!.GetValue<string>())));
        await Api.AssertMirrorsAsync(mirror);
    }

    [Theory]
    [InlineData("unpublish")]
    [InlineData("private")]
    [InlineData("delete")]
    public async Task A_member_that_leaves_the_directory_leaves_the_items_that_linked_it_with_the_name_their_editors_wrote(string how)
    {
        var editor = await Api.EditorAsync();
        var (member, _) = await editor.CreateAsync(Segment, Draft("Partante Énergies"));
        var (_, etag) = await editor.PublishAsync<MemberContent>(Segment, member.Id);
        var fiche = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheWith("Une fiche qui la citait", member.Id));
        var agenda = await editor.CreatePublishedAsync(EventBy("Un atelier qu'elle organisait", member.Id));

        var left = how switch
        {
            "unpublish" => await editor.PostAsync($"{Manage}/{member.Id}/unpublish", null),
            "private" => await editor.PutAsync(Segment, member.Id, Draft("Partante Énergies") with { IsPublic = false }, etag),
            _ => await editor.DeleteAsync($"{Manage}/{member.Id}"),
        };

        Assert.True(left.IsSuccessStatusCode, $"{(int)left.StatusCode}");
        var anonymous = Api.CreateClient();
        var delivered = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Equal(new FicheActorDelivery("Nom saisi par la rédaction", ActorKind.Association, "maître d'ouvrage", null), delivered.Actors[0]);
        var organised = await anonymous.DeliveredJsonAsync(agenda.Slug);
        Assert.Null(organised["organizer"]!["member"]);
        Assert.Equal("Nom saisi", organised["organizer"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("Partante", await anonymous.GetStringAsync($"{FicheSteps.Delivery}?limit=100"));
        Assert.Empty((await (await anonymous.GetAsync($"{FicheSteps.Delivery}?member={member.Id}")).ReadAsync<Page<FicheDelivery>>()).Items);
    }

    [Fact]
    public async Task A_member_published_after_the_fiche_that_links_it_appears_in_it()
    {
        var editor = await Api.EditorAsync();
        var (member, _) = await editor.CreateAsync(Segment, Draft("Coopérative tardive"));
        var fiche = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheWith("Une fiche en avance", member.Id));
        var anonymous = Api.CreateClient();
        Assert.Null((await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>()).Actors[0].Member);

        await editor.PublishAsync<MemberContent>(Segment, member.Id);

        var delivered = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Equal(member.Id, delivered.Actors[0].Member!.Id);
        Assert.Equal("Coopérative tardive", delivered.Actors[0].Name);
    }

    [Fact]
    public async Task A_fiche_published_while_its_member_is_renamed_ends_with_the_new_name()
    {
        var editor = await Api.EditorAsync();
        var (member, _) = await editor.CreateAsync(Segment, Draft("Nom 0"));
        var (_, etag) = await editor.PublishAsync<MemberContent>(Segment, member.Id);
        var anonymous = Api.CreateClient();
        for (var round = 1; round <= 4; round++)
        {
            var (fiche, _) = await editor.CreateAsync(FicheSteps.Segment, FicheWith($"Fiche concurrente {round}", member.Id));
            var renamed = await editor.PutAsync(Segment, member.Id, Draft($"Nom {round}") with { Slug = member.Slug }, etag);
            renamed.EnsureSuccessStatusCode();

            // The member's new name goes public while the fiche is being published: whichever commits first, the
            // fiche ends with the name the directory shows.
            var published = await Task.WhenAll(
                editor.PostAsync($"{Manage}/{member.Id}/publish", null),
                editor.PostAsync($"{FicheSteps.Manage}/{fiche.Id}/publish", null));

            Assert.All(published, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            etag = published[0].Headers.ETag!.ToString();
            var delivered = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{fiche.Slug}")).ReadAsync<FicheDelivery>();
            Assert.Equal($"Nom {round}", delivered.Actors[0].Name);
        }
    }

    [Fact]
    public async Task A_preview_shows_the_links_as_publication_will()
    {
        var editor = await Api.EditorAsync();
        var member = await editor.CreatePublishedAsync(Segment, Draft("Aperçu Conseil"));
        var (fiche, _) = await editor.CreateAsync(FicheSteps.Segment, FicheWith("Une fiche en brouillon", member.Id));
        var link = await (await editor.PostJsonAsync($"{FicheSteps.Manage}/{fiche.Id}/preview", new { expiresInMinutes = 10 }))
            .ReadAsync<Vivapolis.Contracts.Preview.PreviewLink>();

        var previewed = await (await Api.CreateClient().GetAsync(link.Url)).ReadAsync<FicheDelivery>();

        Assert.Equal("Aperçu Conseil", previewed.Actors[0].Name);
        Assert.Equal(member.Slug, previewed.Actors[0].Member!.Slug);
    }
}
