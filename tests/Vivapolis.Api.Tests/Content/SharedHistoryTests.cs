using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using static Vivapolis.Api.Tests.Features.Fiches.FicheSteps;

namespace Vivapolis.Api.Tests.Content;

/// <summary>Review, history, diff, restore and discard are the shared machinery: the same for fiches as for articles.</summary>
public class SharedHistoryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_fiche_goes_through_review_history_diff_restore_and_discard_like_an_article()
    {
        var editor = await Api.EditorAsync();
        var (fiche, etag) = await editor.CreateAsync(Segment, Draft("Réseau de chaleur"));
        (_, etag) = await editor.DoAsync<FicheContent>(Segment, fiche.Id, "submit", etag);
        await (await editor.ActAsync(Segment, fiche.Id, "submit")).ProblemAsync(HttpStatusCode.Conflict);
        (_, etag) = await editor.DoAsync<FicheContent>(Segment, fiche.Id, "publish", etag);
        (_, etag) = await editor.EditAsync(Segment, fiche.Id, Draft("Réseau de chaleur") with { Challenge = "<p>Un enjeu régional.</p>" }, etag);

        var diff = await editor.DiffAsync(Segment, fiche.Id, 3, 4);
        var challenge = Assert.Single(diff.Changes);
        Assert.Equal(("challenge", true), (challenge.Path, challenge.RichText));
        Assert.Equal([new(WordChangeKind.Kept, "Un enjeu"), new(WordChangeKind.Removed, "local."), new WordChange(WordChangeKind.Added, "régional.")],
            challenge.Words!);

        (_, etag) = await editor.DoAsync<FicheContent>(Segment, fiche.Id, "restore/1", etag);
        var (discarded, _) = await editor.DoAsync<FicheContent>(Segment, fiche.Id, "discard", etag);

        Assert.Equal("<p>Un enjeu local.</p>", discarded.Content.Challenge);
        Assert.False(discarded.HasUnpublishedChanges);
        Assert.Equal([RevisionAction.Discarded, RevisionAction.Restored, RevisionAction.Edited, RevisionAction.Published,
                      RevisionAction.Submitted, RevisionAction.Created],
            (await editor.RevisionsAsync(Segment, fiche.Id)).Items.Select(r => r.Action));
    }

    [Fact]
    public async Task Erasing_an_advertiser_contact_erases_its_revisions_too()
    {
        const string contacts = Features.AdvertiserContacts.AdvertiserContactSteps.Segment;
        var editor = await Api.SalesAsync();
        var (contact, etag) = await editor.CreateAsync(contacts, Features.AdvertiserContacts.AdvertiserContactSteps.Contact("Jeanne Effacée"));
        await editor.EditAsync(contacts, contact.Id, contact.Content with { JobTitle = "Directrice" }, etag);
        Assert.Equal(2, (await editor.RevisionsAsync(contacts, contact.Id)).Items.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.ActAsync(contacts, contact.Id, "erase")).StatusCode);

        await (await editor.GetAsync($"{ContentSteps.Manage(contacts)}/{contact.Id}/revisions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.GetAsync($"{ContentSteps.Manage(contacts)}/{contact.Id}/revisions/1")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
