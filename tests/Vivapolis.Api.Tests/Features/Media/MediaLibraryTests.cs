using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>Browsing, editing and deleting images, and the items that hold on to them.</summary>
public sealed class MediaLibraryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_library_lists_newest_first_by_pages_and_finds_by_name_alt_credit_or_caption()
    {
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var (tram, _) = await editor.UploadAsync(TestImages.Jpeg(200, 100), "tramway-lyon.jpg", "image/jpeg", ("alt", "Le tramway"), ("credit", "Photo : Sytral"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var (roof, _) = await author.UploadAsync(TestImages.Jpeg(200, 100), "toit.jpg", "image/jpeg", ("caption", "Une toiture végétalisée à Nantes"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var (park, _) = await editor.UploadAsync(TestImages.Jpeg(200, 100), "parc.jpg", "image/jpeg", ("alt", "Un parc"));

        var first = await (await editor.GetAsync($"{MediaSteps.Manage}?limit=2")).ReadAsync<Page<MediaDetails>>();
        Assert.Equal([park.Id, roof.Id], first.Items.Select(m => m.Id));
        var second = await (await editor.GetAsync($"{MediaSteps.Manage}?limit=2&cursor={first.Next}")).ReadAsync<Page<MediaDetails>>();
        Assert.Equal([tram.Id], second.Items.Select(m => m.Id));
        Assert.Null(second.Next);

        async Task<Guid[]> Find(string query, HttpClient? client = null) =>
            (await (await (client ?? editor).GetAsync($"{MediaSteps.Manage}?{query}")).ReadAsync<Page<MediaDetails>>()).Items.Select(m => m.Id).ToArray();
        Assert.Equal([tram.Id], await Find("q=TRAMWAY"));
        Assert.Equal([tram.Id], await Find("q=sytral"));
        Assert.Equal([roof.Id], await Find("q=toiture nantes"));
        Assert.Empty(await Find("q=100%25"));
        Assert.Equal([roof.Id], await Find("missingAlt=true"));
        Assert.Equal([roof.Id], await Find("mine=true", author));
    }

    [Fact]
    public async Task Editing_the_texts_needs_the_current_etag()
    {
        var editor = await Api.EditorAsync();
        var (media, etag) = await editor.UploadAsync(TestImages.Jpeg(200, 100));

        await (await editor.EditAsync(media.Id, null, "Un jardin")).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await editor.EditAsync(media.Id, etag, "  Un jardin partagé ", "Photo : Ville de Rennes", "");
        var edited = await saved.ReadAsync<MediaDetails>();
        Assert.Equal(("Un jardin partagé", "Photo : Ville de Rennes", (string?)null, 2), (edited.Alt, edited.Credit, edited.Caption, edited.Version));
        Assert.Equal("\"v2\"", saved.Headers.ETag!.ToString());
        var stale = await (await editor.EditAsync(media.Id, etag, "Autre")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        var tooLong = await (await editor.EditAsync(media.Id, "\"v2\"", new string('a', 301))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(tooLong.ErrorsFor("alt"));
        Assert.Equal("Un jardin partagé", (await (await editor.GetAsync($"{MediaSteps.Manage}/{media.Id}")).ReadAsync<MediaDetails>()).Alt);
    }

    [Fact]
    public async Task Authors_change_only_their_own_uploads_but_may_use_any()
    {
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var (editors, editorsTag) = await editor.UploadAsync(TestImages.Jpeg(200, 100));
        var (own, ownTag) = await author.UploadAsync(TestImages.Jpeg(200, 100));

        await (await author.EditAsync(editors.Id, editorsTag, "Texte")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await author.DeleteAsync($"{MediaSteps.Manage}/{editors.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"{MediaSteps.Manage}/{editors.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.EditAsync(own.Id, ownTag, "Ma photo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.EditAsync(own.Id, "\"v2\"", "Relu par l'éditrice")).StatusCode);
        await (await (await Api.SalesAsync()).GetAsync(MediaSteps.Manage)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deleting_an_unused_image_removes_it_and_its_files()
    {
        var editor = await Api.EditorAsync();
        var (media, etag) = await editor.UploadWithAltAsync();
        var anonymous = Api.CreateClient();

        await (await editor.SendAsync(HttpMethod.Delete, $"{MediaSteps.Manage}/{media.Id}", null, ("If-Match", "\"v7\""))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var deleted = await editor.SendAsync(HttpMethod.Delete, $"{MediaSteps.Manage}/{media.Id}", null, ("If-Match", etag));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await editor.GetAsync($"{MediaSteps.Manage}/{media.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var variant in media.Variants)
            await (await anonymous.GetAsync(new Uri(variant.Url).AbsolutePath)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(Directory.EnumerateFiles(Api.MediaRoot, "*", SearchOption.AllDirectories));
        // The audit log keeps who uploaded and who deleted it.
        var audit = JsonNode.Parse(await (await (await Api.AdminAsync()).GetAsync("/api/v1/manage/audit?limit=100")).Content.ReadAsStringAsync())!;
        var actions = audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("media_uploaded", actions);
        Assert.Contains("media_deleted", actions);
    }

    [Fact]
    public async Task An_image_used_as_a_cover_or_in_rich_text_cannot_be_deleted_and_the_409_lists_the_items()
    {
        var editor = await Api.EditorAsync();
        var (cover, _) = await editor.UploadWithAltAsync();
        var (inline, _) = await editor.UploadWithAltAsync();
        var (article, _) = await editor.CreateAsync(ArticleSteps.Draft("Le tramway revient") with
        {
            Cover = new CoverImage(cover.Url, "Le tramway", null, cover.Id),
        });
        var fiche = (FicheContent)ContentKind.Fiches.Example(RecipeContext.Unique()) with
        {
            Actions = $"<p>Des toits plantés.</p><figure><img src=\"{inline.Url}\" alt=\"Un toit\"><figcaption>Nantes</figcaption></figure>",
        };
        var (ficheItem, _) = await editor.CreateAsync("fiches", fiche);
        Assert.Contains(inline.Url, ficheItem.Content.Actions); // the sanitiser keeps library images

        var refused = await (await editor.DeleteAsync($"{MediaSteps.Manage}/{cover.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        var usedBy = refused["usedBy"]!.AsArray().Single()!;
        Assert.Equal(("article", article.Id.ToString(), "Le tramway revient", "draft", true, false),
            (usedBy["type"]!.GetValue<string>(), usedBy["id"]!.GetValue<string>(), usedBy["title"]!.GetValue<string>(),
             usedBy["status"]!.GetValue<string>(), usedBy["inCurrentContent"]!.GetValue<bool>(), usedBy["inPublishedVersion"]!.GetValue<bool>()));
        var inText = await (await editor.DeleteAsync($"{MediaSteps.Manage}/{inline.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ficheItem.Id.ToString(), inText["usedBy"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{MediaSteps.Manage}/{cover.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_image_still_on_the_published_page_cannot_be_deleted_even_once_the_draft_drops_it()
    {
        var editor = await Api.EditorAsync();
        var (media, _) = await editor.UploadWithAltAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Draft("Une matinale à Lyon") with
        {
            Cover = new CoverImage(media.Url, "La salle", null, media.Id),
        });
        var current = await (await editor.GetAsync($"{ArticleSteps.Manage}/{published.Id}")).Content.ReadAsStringAsync();
        var etag = (await editor.GetAsync($"{ArticleSteps.Manage}/{published.Id}")).Headers.ETag!.ToString();
        (await editor.PutAsync(published.Id, published.Content with { Cover = null }, etag)).EnsureSuccessStatusCode();

        var uses = await (await editor.GetAsync($"{MediaSteps.Manage}/{media.Id}/uses")).ReadAsync<List<MediaUse>>();

        var use = Assert.Single(uses);
        Assert.Equal((published.Id, "published", false, true), (use.Id, use.Status, use.InCurrentContent, use.InPublishedVersion));
        await (await editor.DeleteAsync($"{MediaSteps.Manage}/{media.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(current);
    }

    [Fact]
    public async Task A_cover_from_the_library_is_given_by_its_media_url_and_other_covers_stay_https()
    {
        var editor = await Api.EditorAsync();
        var (media, _) = await editor.UploadWithAltAsync();

        var (article, _) = await editor.CreateAsync(ArticleSteps.Draft("Couverture de la médiathèque") with
        {
            Cover = new CoverImage(media.Url, "Une place", "Photo : Vivapolis", media.Id),
        });
        Assert.Equal(media.Id, article.Content.Cover!.MediaId);
        Assert.StartsWith("http://localhost/media/", media.Url); // the test server is plain http

        var notMedia = await editor.PostJsonAsync(ArticleSteps.Manage, ArticleSteps.Draft("Couverture http") with
        {
            Cover = new CoverImage("http://images.example.org/a.jpg", "Une place", null),
        });
        Assert.NotEmpty((await notMedia.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("cover.url"));
        var wrongPath = await editor.PostJsonAsync(ArticleSteps.Manage, ArticleSteps.Draft("Couverture ailleurs") with
        {
            Cover = new CoverImage("http://images.example.org/a.jpg", "Une place", null, media.Id),
        });
        Assert.NotEmpty((await wrongPath.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("cover.url"));
    }
}
