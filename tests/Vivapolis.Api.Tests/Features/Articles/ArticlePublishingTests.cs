using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticlePublishingTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_draft_is_invisible_to_the_public_in_the_same_way_as_an_unknown_slug()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Encore secret"));
        var anonymous = Api.CreateClient();

        var forDraft = await (await anonymous.GetAsync($"{Delivery}/{draft.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        var forUnknown = await (await anonymous.GetAsync($"{Delivery}/n-existe-pas")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(forUnknown["title"]!.ToString(), forDraft["title"]!.ToString());
        var list = await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>();
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Publishing_makes_the_article_readable_by_slug_and_in_the_list()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Mobilités partagées à Rennes", "mobilite") with { Tags = ["vélo"] });

        var (published, _) = await editor.PublishAsync(draft.Id);

        Assert.Equal(ContentStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        var anonymous = Api.CreateClient();
        var item = await (await anonymous.GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        Assert.Equal("Mobilités partagées à Rennes", item.Title);
        Assert.Equal(["mobilite"], item.Themes);
        Assert.Equal(published.Version, item.Version);
        var list = await (await anonymous.GetAsync(Delivery)).ReadAsync<Page<ArticleDelivery>>();
        Assert.Equal(draft.Id, Assert.Single(list.Items).Id);
    }

    [Fact]
    public async Task Delivery_never_shows_who_wrote_or_edited_an_article()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Sans les comptes"));

        var body = await Api.CreateClient().GetStringAsync($"{Delivery}/{published.Slug}");
        var list = await Api.CreateClient().GetStringAsync(Delivery);

        Assert.DoesNotContain(ApiFactory.EditorEmail, body);
        Assert.DoesNotContain(ApiFactory.EditorEmail, list);
        Assert.DoesNotContain("createdBy", body);
    }

    [Fact]
    public async Task Editing_a_published_article_leaves_the_public_version_alone_until_it_is_published_again()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Titre publié"));
        var (published, etag) = await editor.PublishAsync(draft.Id);

        var edited = await (await editor.PutAsync(draft.Id, Draft("Titre en cours de révision"), etag)).ReadAsync<Managed<ArticleContent>>();

        Assert.True(edited.HasUnpublishedChanges);
        Assert.Equal(ContentStatus.Published, edited.Status);
        var publicCopy = await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        Assert.Equal("Titre publié", publicCopy.Title);

        var (republished, _) = await editor.PublishAsync(draft.Id);
        Assert.False(republished.HasUnpublishedChanges);
        Assert.Equal(published.PublishedAt, republished.PublishedAt); // first publication date is kept
        publicCopy = await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        Assert.Equal("Titre en cours de révision", publicCopy.Title);
    }

    [Fact]
    public async Task Unpublishing_removes_the_article_from_delivery_but_not_from_management()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Bientôt retiré"));

        var response = await editor.PostAsync($"{Manage}/{published.Id}/unpublish", null);

        Assert.Equal(ContentStatus.Unpublished, (await response.ReadAsync<Managed<ArticleContent>>()).Status);
        await (await Api.CreateClient().GetAsync($"{Delivery}/{published.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{Manage}/{published.Id}")).StatusCode);
    }

    [Fact]
    public async Task Unpublishing_a_draft_is_a_409_problem_that_names_the_current_state()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Jamais publié"));

        var problem = await (await editor.PostAsync($"{Manage}/{draft.Id}/unpublish", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("draft", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_removes_the_article_from_management_and_delivery()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("À supprimer"));

        var response = await editor.DeleteAsync($"{Manage}/{published.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await editor.GetAsync($"{Manage}/{published.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Api.CreateClient().GetAsync($"{Delivery}/{published.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Management_is_never_anonymous()
    {
        var anonymous = Api.CreateClient();

        await (await anonymous.GetAsync(Manage)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync(Manage, Draft("Intrus"))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync($"{Manage}/{Guid.NewGuid()}/publish", null)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
