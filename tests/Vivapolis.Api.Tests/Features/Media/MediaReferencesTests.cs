using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>
/// What publishing asks of the library (<see cref="IContentMedia"/>), on items written through the API: every image
/// has its alt text before publication, and the delivery shape carries each image's widths for srcset.
/// </summary>
public sealed class MediaReferencesTests(ApiFactory api) : ApiTest(api)
{
    private async Task<T> WithMediaAsync<T>(Func<IContentMedia, Task<T>> use)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IContentMedia>());
    }

    private async Task<ArticleContent> StoredAsync(HttpClient editor, ArticleContent draft)
    {
        var (article, _) = await editor.CreateAsync(draft);
        return (await (await editor.GetAsync($"{ArticleSteps.Manage}/{article.Id}")).ReadAsync<Managed<ArticleContent>>()).Content;
    }

    [Fact]
    public async Task An_item_whose_cover_or_inline_image_lacks_alt_text_cannot_be_published_until_the_library_has_it()
    {
        var editor = await Api.EditorAsync();
        var (cover, coverTag) = await editor.UploadAsync(TestImages.Jpeg(700, 400), "sans-alt.jpg");
        var (inline, _) = await editor.UploadAsync(TestImages.Png(300, 200), "schema.png", "image/png");
        var content = await StoredAsync(editor, ArticleSteps.Draft("Une ville plus verte") with
        {
            Cover = new CoverImage(cover.Url, "Une rue arborée", null, cover.Id),
            Body = $"<p>Le schéma :</p><p><img src=\"{inline.Url}\" alt=\"Schéma\"></p>",
        });

        var refused = await Assert.ThrowsAsync<ProblemException>(() => WithMediaAsync(async m => { await m.RequireUsableAsync(content, default); return 0; }));

        Assert.Equal(422, refused.Status);
        var errors = (Dictionary<string, string[]>)refused.Extensions["errors"]!;
        Assert.Equal(["body", "cover.mediaId"], errors.Keys.Order());
        Assert.Contains("sans-alt.jpg", errors["cover.mediaId"].Single());
        Assert.Contains("schema.png", errors["body"].Single());

        (await editor.EditAsync(cover.Id, coverTag, "Une rue arborée à Grenoble")).EnsureSuccessStatusCode();
        (await editor.EditAsync(inline.Id, "\"v1\"", "Schéma du réseau de chaleur")).EnsureSuccessStatusCode();
        await WithMediaAsync(async m => { await m.RequireUsableAsync(content, default); return 0; });
    }

    [Fact]
    public async Task An_image_deleted_from_the_library_is_named_as_missing_and_items_without_images_pass()
    {
        var editor = await Api.EditorAsync();
        var content = await StoredAsync(editor, ArticleSteps.Draft("Image disparue") with
        {
            Cover = new CoverImage($"http://localhost/media/{new string('a', 32)}/w800.jpg", "Une image", null, Guid.NewGuid()),
        });

        var refused = await Assert.ThrowsAsync<ProblemException>(() => WithMediaAsync(async m => { await m.RequireUsableAsync(content, default); return 0; }));
        Assert.Contains("plus dans la médiathèque", ((Dictionary<string, string[]>)refused.Extensions["errors"]!)["cover.mediaId"].Single());

        var plain = await StoredAsync(editor, ArticleSteps.Draft("Sans image"));
        await WithMediaAsync(async m => { await m.RequireUsableAsync(plain, default); return 0; });
        Assert.Empty(await WithMediaAsync(m => m.ImagesAsync(plain, default)));
    }

    [Fact]
    public async Task The_delivery_shape_carries_each_image_once_with_its_widths_for_srcset()
    {
        var editor = await Api.EditorAsync();
        var (photo, _) = await editor.UploadAsync(TestImages.Jpeg(1200, 800), "bellecour.jpg", "image/jpeg",
            ("alt", "La place Bellecour"), ("credit", "Photo : Ville de Lyon"), ("caption", "Vue du sud"));
        var content = await StoredAsync(editor, ArticleSteps.Draft("La presqu'île") with
        {
            Cover = new CoverImage(photo.Url, "La place Bellecour un matin", null, photo.Id),
            Body = $"<p><img src=\"{photo.Variants[0].Url}\" alt=\"\"></p>",
        });

        var images = await WithMediaAsync(m => m.ImagesAsync(content, default));

        var image = Assert.Single(images);
        // Outside a request and without Vivapolis:Media:PublicBaseUrl (as when the scheduler publishes), root-relative.
        Assert.Equal((photo.Id, new Uri(photo.Url).AbsolutePath, 1200, 800, "La place Bellecour un matin", "Photo : Ville de Lyon", "Vue du sud"),
            (image.Id, image.Url, image.Width, image.Height, image.Alt, image.Credit, image.Caption));
        Assert.Equal([320, 320, 640, 640, 1024, 1024, 1200, 1200], image.Variants.Select(v => v.Width));
        foreach (var variant in image.Variants)
            Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync(variant.Url)).StatusCode);

        // Each type that shows images puts them in its delivery shape.
        var type = Api.Services.GetRequiredService<ContentType<Article, ArticleContent, ArticleDelivery>>();
        var doc = new Article { Id = Guid.NewGuid(), Slug = "la-presqu-ile", Content = content, Title = content.Title };
        var delivery = type.ToDelivery(doc, images)!;
        Assert.Same(images, delivery.Images);
        Assert.Null(type.ToDelivery(doc, [])!.Images);
    }

    [Fact]
    public async Task A_preview_link_shows_the_draft_with_its_images_as_publishing_will()
    {
        var editor = await Api.EditorAsync();
        var (photo, _) = await editor.UploadAsync(TestImages.Jpeg(700, 400), "matinale.jpg", "image/jpeg", ("alt", "La salle de la matinale"));
        var (article, _) = await editor.CreateAsync(ArticleSteps.Draft("Retour sur la matinale") with
        {
            Cover = new CoverImage(photo.Url, "Le public de la matinale", "Photo : Vivapolis", photo.Id),
        });

        var link = System.Text.Json.Nodes.JsonNode.Parse(await (await editor.PostAsync($"{ArticleSteps.Manage}/{article.Id}/preview", null)).Content.ReadAsStringAsync())!;
        var preview = await Api.CreateClient().GetAsync(link["url"]!.GetValue<string>());
        var delivered = await preview.ReadAsync<ArticleDelivery>();

        Assert.Equal(photo.Id, delivered.Cover!.MediaId);
        var image = Assert.Single(delivered.Images!);
        Assert.Equal((photo.Id, "Le public de la matinale", "Photo : Vivapolis", 700, 400), (image.Id, image.Alt, image.Credit, image.Width, image.Height));
        Assert.Equal(photo.Variants.Select(v => v.Url), image.Variants.Select(v => v.Url));
    }

    [Fact]
    public async Task References_are_found_in_any_field_of_any_type_by_media_id_or_by_address()
    {
        var hash = new string('b', 32);
        var id = Guid.NewGuid();
        var content = ContentKindsExample() with
        {
            Cover = new CoverImage($"https://cdn.example.org/media/{hash}/w640.webp", "Alt", "Crédit", id),
            Body = $"<img src=\"https://cdn.example.org/media/{hash}/w320.jpg\"><img src=\"/media/{new string('c', 32)}/w320.webp\">",
        };

        var found = Vivapolis.Api.Features.Media.MediaReferences.In(content);

        Assert.Equal([("body", (Guid?)null, hash), ("body", null, new string('c', 32)), ("cover", id, (string?)null)],
            found.Select(r => (r.Field, r.Id, r.Hash)).OrderBy(r => r.Field).ThenBy(r => r.Item3));
    }

    private static ArticleContent ContentKindsExample() => ArticleSteps.Draft("Exemple");
}
