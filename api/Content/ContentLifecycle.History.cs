using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// Review, history and the pending draft: submit, restore and discard.
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    public async Task<TDoc> SubmitAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct, doc => ContentTransitions.Require(
            ContentTransitions.CanSubmit(doc.Status), doc.Status,
            "Seul un brouillon ou un élément dépublié peut être soumis à relecture",
            "Only a draft or an unpublished item can be submitted for review"));
        item.Doc.Status = ContentStatus.InReview;
        return await CommitAsync(item, new Change(RevisionAction.Submitted), by, ct);
    }

    /// <summary>
    /// A new version with an earlier version's content, like an edit: the status stays, and a published item keeps
    /// its public version until it is published again. Earlier revisions are left as they are.
    /// </summary>
    public async Task<TDoc> RestoreAsync(Guid id, int version, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Required, ct);
        var revision = await session.LoadAsync<ContentRevision>(ContentRevision.IdOf(id, version), ct);
        if (revision is null || revision.Type != type.Name) throw ProblemException.NotFound();
        await ApplyAsync(item.Doc, await ValidAsync(revision.ContentAs<TContent>(), ct), ct);
        return await CommitAsync(item, new Change(RevisionAction.Restored, EditsContent: true, From: version), by, ct);
    }

    /// <summary>
    /// Drop the pending draft of a published item: its content becomes the published version's again, as a new
    /// version that is the public one, so the item no longer has unpublished changes. Delivery is untouched.
    /// </summary>
    public async Task<TDoc> DiscardAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct, doc => ContentTransitions.Require(
            ContentTransitions.CanDiscard(doc.Status, doc.HasUnpublishedChanges), doc.Status,
            "Seul un élément publié qui a des modifications non publiées a un brouillon à abandonner",
            "Only a published item with unpublished changes has a draft to discard"));
        // The latest revision up to the public version: a change that leaves the content alone (a schedule) may
        // raise the public version without a revision of its own.
        var publicVersion = item.Doc.PublishedVersion!.Value;
        var published = await session.Query<ContentRevision>()
                            .Where(r => r.ItemId == id && r.Version <= publicVersion)
                            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.Conflict(Text.Of(
                "La version publiée n'est pas dans l'historique : elle ne peut pas être rétablie.",
                "The published version is not in the history: it cannot be brought back."));
        await ApplyAsync(item.Doc, published.ContentAs<TContent>(), ct);
        return await CommitAsync(item, new Change(RevisionAction.Discarded, BackToPublic: true, From: published.Version), by, ct);
    }
}
