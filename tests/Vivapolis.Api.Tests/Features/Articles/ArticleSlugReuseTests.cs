using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleSlugReuseTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_slug_still_in_use_by_a_published_version_cannot_be_published_by_another_article()
    {
        var editor = await Api.EditorAsync();
        var first = await editor.CreatePublishedAsync(Draft("Le vélo partagé") with { Slug = "velo" });
        var etag = (await editor.GetAsync($"{Manage}/{first.Id}")).Headers.ETag!.ToString();
        await editor.PutAsync(first.Id, Draft("Le vélo partagé") with { Slug = "velo-partage" }, etag); // not republished
        var (second, _) = await editor.CreateAsync(Draft("Un autre vélo") with { Slug = "velo" });

        var response = await editor.PostAsync($"{Manage}/{second.Id}/publish", null);

        await response.ProblemAsync(HttpStatusCode.Conflict);
        var item = await (await Api.CreateClient().GetAsync($"{Delivery}/velo")).ReadAsync<ArticleDelivery>();
        Assert.Equal(first.Id, item.Id);
        var secondNow = await (await editor.GetAsync($"{Manage}/{second.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(ContentStatus.Draft, secondNow.Status);
    }
}
