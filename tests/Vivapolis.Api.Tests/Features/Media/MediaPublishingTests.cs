using System.Net;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Sync;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>Through the write pipeline: publishing asks the library for alt texts, and delivery gets the images' widths.</summary>
public sealed class MediaPublishingTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task An_article_whose_cover_has_no_alt_text_is_refused_then_published_with_its_images_for_srcset()
    {
        var editor = await Api.EditorAsync();
        var (cover, coverTag) = await editor.UploadAsync(TestImages.Jpeg(1200, 800), "couverture.jpg");
        var (draft, _) = await editor.CreateAsync(ArticleSteps.Draft("Une couverture de la médiathèque") with
        {
            Cover = new CoverImage(cover.Url, "Une rue arborée", "Photo : Vivapolis", cover.Id),
        });

        var refused = await (await editor.PostAsync($"{ArticleSteps.Manage}/{draft.Id}/publish", null))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(refused.ErrorsFor("cover.mediaId"));
        var scheduled = await editor.ScheduleAsync(ArticleSteps.Segment, draft.Id, Api.Clock.GetUtcNow().AddDays(1));
        await scheduled.ProblemAsync(HttpStatusCode.UnprocessableEntity); // said when scheduling, not at night
        await (await Api.CreateClient().GetAsync($"{ArticleSteps.Delivery}/{draft.Slug}")).ProblemAsync(HttpStatusCode.NotFound);

        (await editor.EditAsync(cover.Id, coverTag, "Une rue arborée de Grenoble")).EnsureSuccessStatusCode();
        var aggregator = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;
        await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, draft.Id);

        var delivered = await (await Api.CreateClient().GetAsync($"{ArticleSteps.Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        var image = Assert.Single(delivered.Images!);
        Assert.Equal(("Une rue arborée", 1200, 800), (image.Alt, image.Width, image.Height)); // the cover says its own alt text
        Assert.Contains(image.Variants, v => v.Width == 640 && v.Url.EndsWith(".webp", StringComparison.Ordinal));
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        await Api.AssertMirrorsAsync(mirror); // the mirror gets the images too, byte for byte
    }
}
