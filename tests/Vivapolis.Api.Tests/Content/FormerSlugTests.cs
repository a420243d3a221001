using System.Net;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Tests.Content;

public class FormerSlugTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_slug_an_item_was_published_under_redirects_to_its_new_one_until_it_is_unpublished()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Draft("Titre d'origine") with { Slug = "titre-d-origine" });
        var edited = await editor.PutAsync(published.Id, ArticleSteps.Draft("Titre revu") with { Slug = "titre-revu" }, $"\"v{published.Version}\"");
        edited.EnsureSuccessStatusCode();
        var anonymous = Api.CreateClient(new() { AllowAutoRedirect = false });

        // Until the edit is published, the public copy keeps its slug.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{ArticleSteps.Delivery}/titre-d-origine")).StatusCode);
        await editor.PublishAsync(published.Id);

        var moved = await anonymous.GetAsync($"{ArticleSteps.Delivery}/titre-d-origine");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"{ArticleSteps.Delivery}/titre-revu", moved.Headers.Location!.OriginalString);
        var current = await (await anonymous.GetAsync($"{ArticleSteps.Delivery}/titre-revu")).ReadAsync<ArticleDelivery>();
        Assert.Equal(published.Id, current.Id);

        (await editor.PostAsync($"{ArticleSteps.Manage}/{published.Id}/unpublish", null)).EnsureSuccessStatusCode();
        await (await anonymous.GetAsync($"{ArticleSteps.Delivery}/titre-d-origine")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
