using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Fiches;
using Vivapolis.Api.Tests.Features.Sync;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Tests.Content;

public class TranslationTests(ApiFactory api) : ApiTest(api)
{
    private static string Translations(string manage, Guid id) => $"{manage}/{id}/translations";

    private static async Task<Managed<TContent>> TranslateAsync<TContent>(HttpClient client, string manage, Guid id, string locale, string? slug = null)
        where TContent : class
    {
        var body = new JsonObject { ["locale"] = locale };
        if (slug is not null) body["slug"] = slug;
        var response = await client.PostJsonAsync(Translations(manage, id), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Managed<TContent>>();
    }

    [Fact]
    public async Task The_english_version_starts_as_a_draft_with_the_french_content_in_the_same_group_and_one_per_language()
    {
        var editor = await Api.EditorAsync();
        var french = await editor.CreatePublishedAsync(ArticleSteps.Draft("Vers un modèle français de la ville durable"));

        var english = await TranslateAsync<ArticleContent>(editor, ArticleSteps.Manage, french.Id, "en");

        Assert.Equal((ContentStatus.Draft, Locale.En), (english.Status, english.Content.Locale));
        Assert.Equal(french.Slug, english.Slug); // slugs are unique per language
        Assert.Equal(french.Content.Title, english.Content.Title); // to translate
        Assert.Equal(french.Id, english.Content.TranslationGroup);
        var versions = await (await editor.GetAsync(Translations(ArticleSteps.Manage, english.Id))).ReadAsync<List<TranslationSummary>>();
        Assert.Equal([(french.Id, Locale.Fr, ContentStatus.Published), (english.Id, Locale.En, ContentStatus.Draft)],
            versions.Select(v => (v.Id, v.Locale, v.Status)));
        var again = await (await editor.PostJsonAsync(Translations(ArticleSteps.Manage, french.Id), new JsonObject { ["locale"] = "en" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(english.Slug, again["detail"]!.GetValue<string>());
        var list = await (await editor.GetAsync($"{ArticleSteps.Manage}?locale=fr")).ReadAsync<Page<ManagedSummary>>();
        Assert.Equal([Locale.Fr, Locale.En], list.Items.Single(i => i.Id == french.Id).Translations);
    }

    [Fact]
    public async Task Publishing_a_version_links_it_and_its_siblings_both_ways_and_the_mirror_follows()
    {
        var editor = await Api.EditorAsync();
        var french = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("L'écoquartier de Kénitra"));
        var english = await TranslateAsync<FicheContent>(editor, FicheSteps.Manage, french.Id, "en", "kenitra-eco-district");
        var aggregator = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        var anonymous = Api.CreateClient();

        await editor.PublishAsync<FicheContent>(FicheSteps.Segment, english.Id);

        var en = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/kenitra-eco-district?locale=en")).ReadAsync<FicheDelivery>();
        var fr = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{french.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Equal([new AlternateLink(Locale.Fr, french.Slug, $"{FicheSteps.Delivery}/{french.Slug}")], en.Alternates);
        Assert.Equal([new AlternateLink(Locale.En, "kenitra-eco-district", $"{FicheSteps.Delivery}/kenitra-eco-district?locale=en")], fr.Alternates);
        await mirror.CatchUpAsync(aggregator);
        Assert.Contains(mirror.Entries, e => e["id"]!.GetValue<Guid>() == french.Id && e["kind"]?.GetValue<string>() == "republished");
        await Api.AssertMirrorsAsync(mirror);

        (await editor.PostAsync($"{FicheSteps.Manage}/{english.Id}/unpublish", null)).EnsureSuccessStatusCode();

        fr = await (await anonymous.GetAsync($"{FicheSteps.Delivery}/{french.Slug}")).ReadAsync<FicheDelivery>();
        Assert.Empty(fr.Alternates);
        await mirror.CatchUpAsync(aggregator);
        await Api.AssertMirrorsAsync(mirror);
    }

    [Fact]
    public async Task An_english_list_can_fall_back_to_french_where_no_english_version_is_published()
    {
        var editor = await Api.EditorAsync();
        var translated = await editor.CreatePublishedAsync(ArticleSteps.Draft("Article traduit"));
        var english = await TranslateAsync<ArticleContent>(editor, ArticleSteps.Manage, translated.Id, "en", "translated-article");
        await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, english.Id);
        var frenchOnly = await editor.CreatePublishedAsync(ArticleSteps.Draft("Article seulement en français"));
        var anonymous = Api.CreateClient();

        var strict = await (await anonymous.GetAsync($"{ArticleSteps.Delivery}?locale=en")).ReadAsync<Page<ArticleDelivery>>();
        var fallback = await (await anonymous.GetAsync($"{ArticleSteps.Delivery}?locale=en&fallback=fr")).ReadAsync<Page<ArticleDelivery>>();

        Assert.Equal([english.Id], strict.Items.Select(i => i.Id));
        Assert.Equal(new[] { (frenchOnly.Id, Locale.Fr), (english.Id, Locale.En) }.Order(), fallback.Items.Select(i => (i.Id, i.Locale)).Order());
    }

    [Fact]
    public async Task An_unlinked_version_leaves_its_group_and_its_public_links_go_at_the_next_publication()
    {
        var editor = await Api.EditorAsync();
        var french = await editor.CreatePublishedAsync(ArticleSteps.Draft("Article lié puis délié"));
        var english = await TranslateAsync<ArticleContent>(editor, ArticleSteps.Manage, french.Id, "en", "linked-then-unlinked");
        var (published, etag) = await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, english.Id);

        await (await editor.DeleteAsync(Translations(ArticleSteps.Manage, english.Id))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var unlink = new HttpRequestMessage(HttpMethod.Delete, Translations(ArticleSteps.Manage, english.Id));
        unlink.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));
        var unlinked = await (await editor.SendAsync(unlink)).ReadAsync<Managed<ArticleContent>>();

        Assert.NotEqual(french.Id, unlinked.Content.TranslationGroup);
        Assert.True(unlinked.HasUnpublishedChanges);
        var versions = await (await editor.GetAsync(Translations(ArticleSteps.Manage, french.Id))).ReadAsync<List<TranslationSummary>>();
        Assert.Equal([french.Id], versions.Select(v => v.Id));
        var anonymous = Api.CreateClient();
        Assert.NotEmpty((await (await anonymous.GetAsync($"{ArticleSteps.Delivery}/{french.Slug}")).ReadAsync<ArticleDelivery>()).Alternates);
        await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, english.Id);
        Assert.Empty((await (await anonymous.GetAsync($"{ArticleSteps.Delivery}/{french.Slug}")).ReadAsync<ArticleDelivery>()).Alternates);
        Assert.Equal(published.Id, english.Id);
    }

    [Theory]
    [InlineData("""{"locale": "de"}""", "locale")]
    [InlineData("""{"locale": "en", "slug": "Pas Un Slug"}""", "slug")]
    [InlineData("""{}""", "locale")]
    public async Task A_translation_request_that_is_not_valid_is_a_400_naming_the_field(string body, string field)
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(ArticleSteps.Draft("Un brouillon à traduire"));

        var problem = await (await editor.PostAsync(Translations(ArticleSteps.Manage, draft.Id),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }
}
