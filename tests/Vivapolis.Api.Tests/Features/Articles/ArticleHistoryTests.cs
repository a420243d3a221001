using System.Net;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleHistoryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Every_change_is_a_revision_listed_newest_first_with_who_when_and_what()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.ClientForAsync(ApiFactory.AdminEmail);
        var t0 = Api.Clock.GetUtcNow();
        var (draft, etag) = await editor.CreateAsync(Draft("Historique"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (_, etag) = await admin.EditAsync(Segment, draft.Id, Draft("Historique revu"), etag);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (_, etag) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "submit", etag);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (_, etag) = await admin.DoAsync<ArticleContent>(Segment, draft.Id, "publish", etag);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.DoAsync<ArticleContent>(Segment, draft.Id, "unpublish", etag);

        var page = await editor.RevisionsAsync(Segment, draft.Id);

        Assert.Equal([5, 4, 3, 2, 1], page.Items.Select(r => r.Version));
        Assert.Equal([RevisionAction.Unpublished, RevisionAction.Published, RevisionAction.Submitted, RevisionAction.Edited, RevisionAction.Created],
            page.Items.Select(r => r.Action));
        Assert.Equal([ApiFactory.AdminEmail, ApiFactory.AdminEmail, ApiFactory.EditorEmail, ApiFactory.AdminEmail, ApiFactory.EditorEmail],
            page.Items.Select(r => r.By));
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(m => t0.AddMinutes(m)), page.Items.Select(r => r.At));
        Assert.Equal([ContentStatus.Unpublished, ContentStatus.Published, ContentStatus.InReview, ContentStatus.Draft, ContentStatus.Draft],
            page.Items.Select(r => r.Status));
        Assert.Null(page.Next);

        var first = await editor.RevisionsAsync(Segment, draft.Id, "?limit=2");
        var second = await editor.RevisionsAsync(Segment, draft.Id, $"?limit=2&cursor={first.Next}");
        Assert.Equal([5, 4, 3, 2], first.Items.Concat(second.Items).Select(r => r.Version));
    }

    [Fact]
    public async Task An_old_revision_returns_the_content_of_that_version()
    {
        var editor = await Api.EditorAsync();
        var (draft, etag) = await editor.CreateAsync(Draft("Version d'origine") with { Tags = ["un"] });
        await editor.EditAsync(Segment, draft.Id, Draft("Version suivante") with { Tags = ["deux"] }, etag);

        var old = await editor.RevisionAsync<ArticleContent>(Segment, draft.Id, 1);

        Assert.Equal(1, old.Version);
        Assert.Equal(RevisionAction.Created, old.Action);
        Assert.Equal(ApiFactory.EditorEmail, old.By);
        Assert.Equal("Version d'origine", old.Content.Title);
        Assert.Equal(["un"], old.Content.Tags);
        Assert.Equal("version-d-origine", old.Slug);
        await (await editor.GetAsync($"{Manage}/{draft.Id}/revisions/9")).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.GetAsync($"{Manage}/{Guid.NewGuid()}/revisions")).ProblemAsync(HttpStatusCode.NotFound);
        // The id of an article under another type's route is not found either.
        await (await editor.GetAsync($"/api/v1/manage/fiches/{draft.Id}/revisions/1")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_diff_lists_the_changed_fields_with_old_and_new_values_and_the_body_in_words()
    {
        var editor = await Api.EditorAsync();
        var before = Draft("Le tramway de Brest") with
        {
            Body = "<p>Le tramway arrive <strong>en 2027</strong> à Brest.</p><p>Deuxième paragraphe.</p>",
            Tags = ["transport", "bretagne"],
            Interviewee = new Interviewee("Anne Martin", "maire", "Ville de Brest"),
        };
        var (draft, etag) = await editor.CreateAsync(before);
        await editor.EditAsync(Segment, draft.Id, before with
        {
            Title = "Le tram de Brest",
            Body = "<p>Le tramway arrive <em>en 2028</em> à Brest.</p><p>Deuxième paragraphe.</p>",
            Tags = ["transport", "finistère"],
            Interviewee = new Interviewee("Anne Martin", "présidente", "Ville de Brest"),
        }, etag);

        var diff = await editor.DiffAsync(Segment, draft.Id, 1, 2);

        Assert.Equal((1, 2), (diff.From, diff.To));
        Assert.Equal(["title", "body", "interviewee.role", "tags[1]"], diff.Changes.Select(c => c.Path).ToArray()); // in document order
        var title = Assert.Single(diff.Changes, c => c.Path == "title");
        Assert.Equal(("Le tramway de Brest", "Le tram de Brest"), (title.Old!.Value.GetString(), title.New!.Value.GetString()));
        Assert.False(title.RichText);
        var body = Assert.Single(diff.Changes, c => c.Path == "body");
        Assert.True(body.RichText);
        Assert.Equal("Le tramway arrive en 2027 à Brest. Deuxième paragraphe.", body.Old!.Value.GetString());
        Assert.Equal("Le tramway arrive en 2028 à Brest. Deuxième paragraphe.", body.New!.Value.GetString());
        Assert.Equal(
            [new(WordChangeKind.Kept, "Le tramway arrive en"), new(WordChangeKind.Removed, "2027"),
             new(WordChangeKind.Added, "2028"), new WordChange(WordChangeKind.Kept, "à Brest. Deuxième paragraphe.")],
            body.Words!);
        var role = Assert.Single(diff.Changes, c => c.Path == "interviewee.role");
        Assert.Equal(("maire", "présidente"), (role.Old!.Value.GetString(), role.New!.Value.GetString()));
        var tag = Assert.Single(diff.Changes, c => c.Path == "tags[1]");
        Assert.Equal(("bretagne", "finistère"), (tag.Old!.Value.GetString(), tag.New!.Value.GetString()));

        Assert.Empty((await editor.DiffAsync(Segment, draft.Id, 2, 2)).Changes);
        await (await editor.GetAsync($"{Manage}/{draft.Id}/diff?from=1&to=7")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restoring_makes_a_new_draft_version_and_leaves_history_and_the_public_copy_alone()
    {
        var editor = await Api.EditorAsync();
        var (draft, etag) = await editor.CreateAsync(Draft("Titre A"));
        (_, etag) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish", etag);
        (_, etag) = await editor.EditAsync(Segment, draft.Id, Draft("Titre B"), etag);
        (_, etag) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish", etag);

        var (restored, _) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "restore/1", etag);

        Assert.Equal(5, restored.Version);
        Assert.Equal("Titre A", restored.Content.Title);
        Assert.Equal(ContentStatus.Published, restored.Status);
        Assert.True(restored.HasUnpublishedChanges);
        var publicCopy = await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        Assert.Equal("Titre B", publicCopy.Title);
        var revisions = await editor.RevisionsAsync(Segment, draft.Id);
        Assert.Equal([5, 4, 3, 2, 1], revisions.Items.Select(r => r.Version));
        Assert.Equal((RevisionAction.Restored, 1), (revisions.Items[0].Action, revisions.Items[0].RestoredFrom));
        Assert.Equal("Titre B", (await editor.RevisionAsync<ArticleContent>(Segment, draft.Id, 3)).Content.Title);

        await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish");
        publicCopy = await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>();
        Assert.Equal("Titre A", publicCopy.Title);
    }

    [Fact]
    public async Task Restoring_needs_the_current_etag_and_an_existing_version()
    {
        var editor = await Api.EditorAsync();
        var (draft, first) = await editor.CreateAsync(Draft("Concurrence"));
        var (_, current) = await editor.EditAsync(Segment, draft.Id, Draft("Concurrence revue"), first);

        await (await editor.ActAsync(Segment, draft.Id, "restore/1")).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await editor.ActAsync(Segment, draft.Id, "restore/1", first)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await editor.ActAsync(Segment, draft.Id, "restore/8", current)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await editor.RevisionsAsync(Segment, draft.Id)).Items.Count);
    }

    [Fact]
    public async Task Discarding_the_pending_draft_brings_back_the_published_content_as_a_new_revision()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Publié") with { Body = "<p>Texte publié.</p>" });
        var (_, etag) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "publish");
        (_, etag) = await editor.EditAsync(Segment, draft.Id, Draft("Brouillon en cours") with { Body = "<p>Texte en cours.</p>" }, etag);

        var (discarded, _) = await editor.DoAsync<ArticleContent>(Segment, draft.Id, "discard", etag);

        Assert.Equal(4, discarded.Version);
        Assert.Equal(("Publié", "<p>Texte publié.</p>"), (discarded.Content.Title, discarded.Content.Body));
        Assert.Equal(ContentStatus.Published, discarded.Status);
        Assert.False(discarded.HasUnpublishedChanges);
        var latest = (await editor.RevisionsAsync(Segment, draft.Id)).Items[0];
        Assert.Equal((4, RevisionAction.Discarded), (latest.Version, latest.Action));
        Assert.Equal("Brouillon en cours", (await editor.RevisionAsync<ArticleContent>(Segment, draft.Id, 3)).Content.Title);
        Assert.Equal("Publié", (await (await Api.CreateClient().GetAsync($"{Delivery}/{draft.Slug}")).ReadAsync<ArticleDelivery>()).Title);
        var problem = await (await editor.ActAsync(Segment, draft.Id, "discard")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("« published »", problem["detail"]!.GetValue<string>());
    }
}
