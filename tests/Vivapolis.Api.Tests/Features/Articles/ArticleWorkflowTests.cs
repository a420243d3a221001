using System.Net;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleWorkflowTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_draft_submitted_for_review_is_in_review_and_can_then_be_published()
    {
        var editor = await Api.EditorAsync();
        var (draft, etag) = await editor.CreateAsync(Draft("À relire"));

        var (submitted, _) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "submit", etag);

        Assert.Equal(ContentStatus.InReview, submitted.Status);
        Assert.Equal(draft.Version + 1, submitted.Version);
        var (published, _) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish");
        Assert.Equal(ContentStatus.Published, published.Status);
    }

    [Fact]
    public async Task An_unpublished_article_can_be_submitted_again()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Retiré puis relu"));
        await editor.DoAsync<ArticleContent>(Segment, published.Id, "unpublish");

        var (submitted, _) = await editor.DoAsync<ArticleContent>(Segment, published.Id, "submit");

        Assert.Equal(ContentStatus.InReview, submitted.Status);
    }

    [Theory]
    [InlineData("published", "submit")]
    [InlineData("in_review", "submit")]
    [InlineData("published", "publish")]
    [InlineData("in_review", "unpublish")]
    [InlineData("draft", "discard")]
    [InlineData("published", "discard")]
    public async Task An_illegal_transition_is_a_409_problem_that_names_the_current_state(string state, string action)
    {
        var editor = await Api.EditorAsync();
        var (item, _) = await editor.CreateAsync(Draft($"Transition {action} depuis {state}"));
        if (state == "in_review") await editor.DoAsync<ArticleContent>(Segment, item.Id, "submit");
        if (state == "published") await editor.DoAsync<ArticleContent>(Segment, item.Id, "publish");

        var problem = await (await editor.ActAsync(Segment, item.Id, action)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"« {state} »", problem["detail"]!.GetValue<string>());
        Assert.Equal(state, problem["state"]!.GetValue<string>());
        var current = await (await editor.GetAsync($"{Manage}/{item.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(state, System.Text.Json.JsonSerializer.Serialize(current.Status, HttpAssertions.JsonOptions).Trim('"'));
    }

    [Fact]
    public async Task The_409_names_the_state_in_english_when_asked()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("In English"));

        var response = await editor.SendAsync(HttpMethod.Post, $"{Manage}/{draft.Id}/discard", null, ("Accept-Language", "en"));

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("this one is 'draft'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_article_with_unpublished_changes_can_be_published_again()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Première version"));
        var (_, etag) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish");
        await editor.EditAsync(Segment, draft.Id, Draft("Seconde version"), etag);

        var (republished, _) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish");

        Assert.False(republished.HasUnpublishedChanges);
        var problem = await (await editor.ActAsync(Segment, draft.Id, "publish")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("« published »", problem["detail"]!.GetValue<string>());
    }
}
