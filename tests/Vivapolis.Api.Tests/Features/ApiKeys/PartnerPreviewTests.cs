using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using static Vivapolis.Api.Tests.Features.ApiKeys.ApiKeySteps;
using ArticleSteps = Vivapolis.Api.Tests.Features.Articles.ArticleSteps;
using Contacts = Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;
using EventSteps = Vivapolis.Api.Tests.Features.Events.EventSteps;
using FicheSteps = Vivapolis.Api.Tests.Features.Fiches.FicheSteps;

namespace Vivapolis.Api.Tests.Features.ApiKeys;

/// <summary>
/// GET /api/v1/preview/{type}/{id}: a partner whose key has preview:read reads drafts in their delivery shape;
/// other keys, bearer tokens and nobody do not.
/// </summary>
public class PartnerPreviewTests(ApiFactory api) : ApiTest(api)
{
    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_preview_key_reads_the_current_draft_of_every_type_in_its_delivery_shape()
    {
        var editor = await Api.EditorAsync();
        var (article, _) = await editor.CreateAsync(ArticleSteps.Segment, ArticleSteps.Draft("Article en cours"));
        var (fiche, _) = await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Fiche en cours"));
        var (agendaEvent, _) = await editor.CreateAsync(EventSteps.Segment, EventSteps.Draft("Matinale en cours", Api.Clock.GetUtcNow().AddDays(10)));
        var (contact, _) = await (await Api.SalesAsync()).CreateAsync(Contacts.Segment, Contacts.Contact("Jeanne Martin"));
        var (partner, _) = await Api.PartnerAsync("preview:read");

        foreach (var (segment, id, field, expected) in new[]
                 {
                     (ArticleSteps.Segment, article.Id, "title", "Article en cours"),
                     (FicheSteps.Segment, fiche.Id, "title", "Fiche en cours"),
                     (EventSteps.Segment, agendaEvent.Id, "title", "Matinale en cours"),
                     (Contacts.Segment, contact.Id, "fullName", "Jeanne Martin"),
                 })
        {
            var response = await partner.GetAsync(Preview(segment, id));
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, $"{segment}: {(int)response.StatusCode} {json}");
            Assert.Equal(id.ToString(), json["id"]!.GetValue<string>());
            Assert.Equal(expected, json[field]!.GetValue<string>());
            AssertPrivate(response);
            // The public still knows nothing of the draft.
            await (await Api.CreateClient().GetAsync($"/api/v1/{segment}/{json["slug"]!.GetValue<string>()}"))
                .ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Each_read_shows_the_latest_draft_never_a_cached_one()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Segment, ArticleSteps.Draft("En ligne"));
        var (partner, _) = await Api.PartnerAsync("preview:read");
        var url = Preview(ArticleSteps.Segment, published.Id);
        Assert.Equal("En ligne", (await (await partner.GetAsync(url)).ReadAsync<ArticleDelivery>()).Title);

        var current = await editor.GetAsync($"{ArticleSteps.Manage}/{published.Id}");
        (await editor.PutAsync(ArticleSteps.Segment, published.Id, ArticleSteps.Draft("Modification en attente") with { Slug = published.Slug },
            current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();

        var again = await partner.GetAsync(url);
        Assert.Equal("Modification en attente", (await again.ReadAsync<ArticleDelivery>()).Title);
        AssertPrivate(again);
        Assert.Equal("En ligne", (await (await Api.CreateClient().GetAsync($"{ArticleSteps.Delivery}/{published.Slug}")).ReadAsync<ArticleDelivery>()).Title);
    }

    [Fact]
    public async Task A_sync_only_key_is_403_no_key_401_and_a_bearer_token_401()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(ArticleSteps.Segment, ArticleSteps.Draft("Réservé"));
        var (syncOnly, _) = await Api.PartnerAsync("sync:read");
        var url = Preview(ArticleSteps.Segment, draft.Id);

        var forbidden = await (await syncOnly.GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = await Api.CreateClient().GetAsync(url);
        var missing = await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        var bearer = await (await editor.GetAsync(url)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("scope", forbidden["detail"]!.GetValue<string>());
        Assert.Contains("X-Api-Key", missing["detail"]!.GetValue<string>());
        Assert.Contains("X-Api-Key", bearer["detail"]!.GetValue<string>());
        Assert.Equal("ApiKey", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("Réservé", forbidden.ToJsonString());
    }

    [Fact]
    public async Task A_malformed_or_unknown_key_is_a_401_problem()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(ArticleSteps.Segment, ArticleSteps.Draft("Gardé"));
        var (_, key) = await Api.PartnerAsync("preview:read");
        var url = Preview(ArticleSteps.Segment, draft.Id);
        var lookalike = "vvp_" + Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var bad in new[] { "", "nope", key.Key[..^1], key.Key + "A", key.Key.ToUpperInvariant(), key.Key.Replace("vvp_", "vvq_"), lookalike, $" {key.Key}" })
        {
            var response = await Api.CreateClient().GetAsync(url, (Header, bad));
            var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.DoesNotContain("Gardé", problem.ToJsonString());
        }
        // Two keys in one request: which one would it be?
        var twice = new HttpRequestMessage(HttpMethod.Get, url);
        twice.Headers.Add(Header, [key.Key, key.Key]);
        await (await Api.CreateClient().SendAsync(twice, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        // The real key, for contrast.
        (await Api.ClientWithKey(key.Key).GetAsync(url)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_contact_preview_shows_only_its_public_fields()
    {
        var editor = await Api.EditorAsync();
        var (contact, _) = await (await Api.SalesAsync()).CreateAsync(Contacts.Segment, Contacts.Contact("Paul Durand"));
        var (partner, _) = await Api.PartnerAsync("preview:read");

        var body = await (await partner.GetAsync(Preview(Contacts.Segment, contact.Id))).Content.ReadAsStringAsync();

        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(contact.Id.ToString(), json["id"]!.GetValue<string>());
        Assert.Equal("Paul Durand", json["fullName"]!.GetValue<string>());
        Assert.DoesNotContain("Rencontrée au salon", body); // internal notes
        Assert.DoesNotContain("formulaire salon", body); // the consent record
        Assert.Null(json["internalNotes"]);
        Assert.Null(json["consent"]);
        Assert.Null(json["isPublic"]);
    }

    [Fact]
    public async Task A_missing_deleted_or_non_public_item_is_a_404()
    {
        var editor = await Api.EditorAsync();
        var (partner, _) = await Api.PartnerAsync("preview:read");
        var (deleted, _) = await editor.CreateAsync(ArticleSteps.Segment, ArticleSteps.Draft("Supprimé"));
        (await editor.DeleteAsync($"{ArticleSteps.Manage}/{deleted.Id}")).EnsureSuccessStatusCode();
        var (hidden, _) = await (await Api.SalesAsync()).CreateAsync(Contacts.Segment, Contacts.Contact("Anne Privée") with { IsPublic = false });
        var (fiche, _) = await editor.CreateAsync(FicheSteps.Segment, FicheSteps.Draft("Une fiche"));

        await (await partner.GetAsync(Preview(ArticleSteps.Segment, Guid.NewGuid()))).ProblemAsync(HttpStatusCode.NotFound);
        await (await partner.GetAsync(Preview(ArticleSteps.Segment, deleted.Id))).ProblemAsync(HttpStatusCode.NotFound);
        await (await partner.GetAsync(Preview(Contacts.Segment, hidden.Id))).ProblemAsync(HttpStatusCode.NotFound);
        // An id is only found under its own type.
        await (await partner.GetAsync(Preview(ArticleSteps.Segment, fiche.Id))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
