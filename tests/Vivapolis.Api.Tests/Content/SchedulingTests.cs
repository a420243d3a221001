using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using Articles = Vivapolis.Api.Tests.Features.Articles.ArticleSteps;
using Fiches = Vivapolis.Api.Tests.Features.Fiches.FicheSteps;

namespace Vivapolis.Api.Tests.Content;

public class SchedulingTests(ApiFactory api) : ApiTest(api)
{
    private const string Segment = Articles.Segment;

    /// <summary>Signs in again: the clock moves past the lifetime of earlier tokens.</summary>
    private async Task<Managed<ArticleContent>> ManagedAsync(HttpClient _, Guid id) =>
        await (await (await Api.EditorAsync()).GetAsync($"{Articles.Manage}/{id}")).ReadAsync<Managed<ArticleContent>>();

    private async Task<bool> IsPublicAsync(string slug) =>
        (await Api.CreateClient().GetAsync($"{Articles.Delivery}/{slug}")).StatusCode == HttpStatusCode.OK;

    private async Task<List<object>> EventsAsync(Guid id)
    {
        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
    }

    [Fact]
    public async Task A_scheduled_article_is_not_public_before_its_time_and_is_published_once_after_it()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Publication programmée"));
        var publishAt = Api.Clock.GetUtcNow().AddHours(1);

        var scheduled = await (await editor.ScheduleAsync(Segment, draft.Id, publishAt)).ReadAsync<Managed<ArticleContent>>();

        Assert.Equal(ContentStatus.Scheduled, scheduled.Status);
        Assert.Equal(publishAt, scheduled.PublishAt);
        Assert.Null(scheduled.UnpublishAt);
        Assert.Contains(await EventsAsync(draft.Id), e => e is ItemScheduled s && s.PublishAt == publishAt);

        Api.Clock.Advance(TimeSpan.FromMinutes(59));
        await Api.SweptAsync();
        Assert.False(await IsPublicAsync(draft.Slug));
        Assert.Equal(ContentStatus.Scheduled, (await ManagedAsync(editor, draft.Id)).Status);

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        await Api.EventuallyAsync(() => IsPublicAsync(draft.Slug), "the scheduled article is public");

        var published = await ManagedAsync(editor, draft.Id);
        Assert.Equal(ContentStatus.Published, published.Status);
        Assert.Null(published.PublishAt);
        Assert.False(published.HasUnpublishedChanges);
        await Api.SweptAsync();
        var events = await EventsAsync(draft.Id);
        var publication = Assert.Single(events.OfType<ItemPublished>());
        Assert.Equal(ApiFactory.EditorEmail, publication.By);
        Assert.Equal(published.Version, publication.Version);
    }

    [Fact]
    public async Task Scheduling_and_cancelling_are_revisions_of_the_history_like_every_other_change()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Programmée puis annulée"));

        await editor.ScheduleAsync(Segment, draft.Id, Api.Clock.GetUtcNow().AddDays(2));
        await editor.CancelScheduleAsync(Segment, draft.Id);

        var history = await editor.RevisionsAsync(Segment, draft.Id);
        Assert.Equal([RevisionAction.Unscheduled, RevisionAction.Scheduled, RevisionAction.Created], history.Items.Select(r => r.Action));
        Assert.Equal([3, 2, 1], history.Items.Select(r => r.Version));
        var diff = await editor.DiffAsync(Segment, draft.Id, 1, 3);
        Assert.Empty(diff.Changes); // the content did not change
    }

    [Fact]
    public async Task A_published_article_is_unpublished_on_time()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Segment, Articles.Draft("Retrait programmé"));
        var unpublishAt = Api.Clock.GetUtcNow().AddDays(2);

        var scheduled = await (await editor.ScheduleAsync(Segment, published.Id, null, unpublishAt)).ReadAsync<Managed<ArticleContent>>();

        Assert.Equal(ContentStatus.Published, scheduled.Status);
        Assert.False(scheduled.HasUnpublishedChanges); // a schedule is not an edit of the content
        Assert.Equal(unpublishAt, scheduled.UnpublishAt);
        Assert.True(await IsPublicAsync(published.Slug));

        Api.Clock.Advance(TimeSpan.FromDays(2));
        await Api.EventuallyAsync(async () => !await IsPublicAsync(published.Slug), "the article is no longer public");

        var after = await ManagedAsync(editor, published.Id);
        Assert.Equal(ContentStatus.Unpublished, after.Status);
        Assert.Null(after.UnpublishAt);
        Assert.Single((await EventsAsync(published.Id)).OfType<ItemUnpublished>());
    }

    [Fact]
    public async Task Publication_then_unpublication_both_happen_on_time_in_order()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Une semaine en ligne"));
        var publishAt = Api.Clock.GetUtcNow().AddHours(2);

        await (await editor.ScheduleAsync(Segment, draft.Id, publishAt, publishAt.AddDays(7))).ReadAsync<Managed<ArticleContent>>();

        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.EventuallyAsync(() => IsPublicAsync(draft.Slug), "published after two hours");
        Assert.Equal(publishAt.AddDays(7), (await ManagedAsync(editor, draft.Id)).UnpublishAt);

        Api.Clock.Advance(TimeSpan.FromDays(7));
        await Api.EventuallyAsync(async () => !await IsPublicAsync(draft.Slug), "unpublished a week later");
        var events = await EventsAsync(draft.Id);
        Assert.Single(events.OfType<ItemPublished>());
        Assert.Single(events.OfType<ItemUnpublished>());
        Assert.True(events.FindIndex(e => e is ItemPublished) < events.FindIndex(e => e is ItemUnpublished));
    }

    [Fact]
    public async Task Even_if_both_are_due_at_the_first_sweep_publication_comes_before_unpublication()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Les deux à la fois"));
        var publishAt = Api.Clock.GetUtcNow().AddMinutes(10);
        await (await editor.ScheduleAsync(Segment, draft.Id, publishAt, publishAt.AddMinutes(5))).ReadAsync<Managed<ArticleContent>>();

        Api.Clock.Advance(TimeSpan.FromHours(1));
        await Api.EventuallyAsync(async () => (await ManagedAsync(editor, draft.Id)).Status == ContentStatus.Unpublished, "published then unpublished");

        var events = await EventsAsync(draft.Id);
        Assert.Single(events.OfType<ItemPublished>());
        Assert.Single(events.OfType<ItemUnpublished>());
    }

    [Fact]
    public async Task Times_in_the_past_or_an_unpublication_before_the_publication_are_400_problems_in_french()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Dates invalides"));
        var now = Api.Clock.GetUtcNow();

        var past = await (await editor.ScheduleAsync(Segment, draft.Id, now.AddMinutes(-1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("futur", Assert.Single(past.ErrorsFor("publishAt")));

        var pastUnpublish = await (await editor.ScheduleAsync(Segment, draft.Id, now.AddHours(1), now.AddSeconds(-1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("futur", Assert.Single(pastUnpublish.ErrorsFor("unpublishAt")));

        var inversed = await (await editor.ScheduleAsync(Segment, draft.Id, now.AddHours(2), now.AddHours(1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("postérieure", Assert.Single(inversed.ErrorsFor("unpublishAt")));

        var nothing = await (await editor.ScheduleAsync(Segment, draft.Id, null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(nothing.ErrorsFor("publishAt"));

        var alone = await (await editor.ScheduleAsync(Segment, draft.Id, null, now.AddHours(1))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("draft", alone["detail"]!.GetValue<string>());

        await (await editor.ScheduleAsync(Segment, Guid.NewGuid(), now.AddHours(1))).ProblemAsync(HttpStatusCode.NotFound);
        var unchanged = await ManagedAsync(editor, draft.Id);
        Assert.Equal(ContentStatus.Draft, unchanged.Status);
        Assert.Equal(draft.Version, unchanged.Version);
    }

    [Fact]
    public async Task Cancelling_the_schedule_of_an_item_in_review_puts_it_back_in_review_not_in_draft()
    {
        var author = await Api.AuthorAsync();
        var editor = await Api.EditorAsync();
        var (draft, _) = await author.CreateAsync(Segment, Articles.Draft("Relu puis programmé"));
        (await author.PostAsync($"{ContentSteps.Manage(Segment)}/{draft.Id}/submit", null)).EnsureSuccessStatusCode();
        var scheduled = await (await editor.ScheduleAsync(Segment, draft.Id, Api.Clock.GetUtcNow().AddHours(1))).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(ContentStatus.Scheduled, scheduled.Status);

        var cancelled = await (await editor.CancelScheduleAsync(Segment, draft.Id)).ReadAsync<Managed<ArticleContent>>();

        Assert.Equal(ContentStatus.InReview, cancelled.Status);
    }

    [Fact]
    public async Task A_cancelled_schedule_never_happens_and_the_item_goes_back_to_draft()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Finalement non"));
        await (await editor.ScheduleAsync(Segment, draft.Id, Api.Clock.GetUtcNow().AddHours(1))).ReadAsync<Managed<ArticleContent>>();

        var cancelled = await (await editor.CancelScheduleAsync(Segment, draft.Id)).ReadAsync<Managed<ArticleContent>>();

        Assert.Equal(ContentStatus.Draft, cancelled.Status);
        Assert.Null(cancelled.PublishAt);
        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.SweptAsync();
        Assert.False(await IsPublicAsync(draft.Slug));
        var events = await EventsAsync(draft.Id);
        Assert.DoesNotContain(events, e => e is ItemPublished);
        Assert.Single(events.OfType<ItemUnscheduled>());
    }

    [Fact]
    public async Task Rescheduling_replaces_the_earlier_time()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Segment, Articles.Draft("Reporté"));
        var first = Api.Clock.GetUtcNow().AddHours(1);
        await (await editor.ScheduleAsync(Segment, draft.Id, first)).ReadAsync<Managed<ArticleContent>>();
        await (await editor.ScheduleAsync(Segment, draft.Id, first.AddHours(3))).ReadAsync<Managed<ArticleContent>>();

        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.SweptAsync();
        Assert.False(await IsPublicAsync(draft.Slug));

        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.EventuallyAsync(() => IsPublicAsync(draft.Slug), "published at the new time");
        Assert.Single((await EventsAsync(draft.Id)).OfType<ItemPublished>());
    }

    [Fact]
    public async Task An_article_published_by_hand_before_its_time_is_not_published_again_and_a_deleted_one_is_left_alone()
    {
        var editor = await Api.EditorAsync();
        var (early, _) = await editor.CreateAsync(Segment, Articles.Draft("Publié plus tôt"));
        var (deleted, _) = await editor.CreateAsync(Segment, Articles.Draft("Supprimé entre-temps"));
        var at = Api.Clock.GetUtcNow().AddHours(1);
        await (await editor.ScheduleAsync(Segment, early.Id, at)).ReadAsync<Managed<ArticleContent>>();
        await (await editor.ScheduleAsync(Segment, deleted.Id, at)).ReadAsync<Managed<ArticleContent>>();

        await editor.PublishAsync<ArticleContent>(Segment, early.Id);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await editor.DeleteAsync($"{Articles.Manage}/{deleted.Id}")).StatusCode);
        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.SweptAsync();

        Assert.Single((await EventsAsync(early.Id)).OfType<ItemPublished>());
        Assert.DoesNotContain(await EventsAsync(deleted.Id), e => e is ItemPublished);
        Assert.False(await IsPublicAsync(deleted.Slug));
    }

    [Fact]
    public async Task Every_content_type_can_be_scheduled()
    {
        var editor = await Api.EditorAsync();
        var (fiche, _) = await editor.CreateAsync(Fiches.Segment, Fiches.Draft("Fiche programmée"));

        var scheduled = await (await editor.ScheduleAsync(Fiches.Segment, fiche.Id, Api.Clock.GetUtcNow().AddMinutes(30)))
            .ReadAsync<Managed<FicheContent>>();
        Assert.Equal(ContentStatus.Scheduled, scheduled.Status);

        Api.Clock.Advance(TimeSpan.FromMinutes(30));
        await Api.EventuallyAsync(async () =>
            (await Api.CreateClient().GetAsync($"{Fiches.Delivery}/{fiche.Slug}")).StatusCode == HttpStatusCode.OK, "the fiche is public");
    }
}
