using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// Review, history and the pending draft: submit, restore and discard, and the revision every change writes.
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    public async Task<TDoc> SubmitAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        ContentTransitions.Require(ContentTransitions.CanSubmit(doc.Status), doc.Status,
            "Seul un brouillon ou un élément dépublié peut être soumis à relecture",
            "Only a draft or an unpublished item can be submitted for review");
        var expected = ifMatch is null ? doc.Version : RequireCurrent(doc, ifMatch);
        var now = clock.Now();
        doc.Status = ContentStatus.InReview;
        Touch(doc, expected, by, now);
        Record(doc, RevisionAction.Submitted, by, now);
        session.Events.Append(doc.Id, new ItemSubmitted(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        return doc;
    }

    /// <summary>
    /// A new version with an earlier version's content, like an edit: the status stays, and a published item keeps
    /// its public version until it is published again. Earlier revisions are left as they are.
    /// </summary>
    public async Task<TDoc> RestoreAsync(Guid id, int version, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        var expected = RequireCurrent(doc, ifMatch);
        var revision = await session.LoadAsync<ContentRevision>(ContentRevision.IdOf(id, version), ct);
        if (revision is null || revision.Type != type.Name) throw ProblemException.NotFound();
        var content = await ValidAsync(revision.ContentAs<TContent>(), ct);
        var now = clock.Now();
        await ApplyAsync(doc, content, ct);
        Touch(doc, expected, by, now);
        Record(doc, RevisionAction.Restored, by, now, restoredFrom: version);
        session.Events.Append(doc.Id, new ItemRestored(type.Name, doc.Slug, doc.Locale, doc.Version, version, by, now));
        await session.SaveChangesAsync(ct);
        return doc;
    }

    /// <summary>
    /// Drop the pending draft of a published item: its content becomes the published version's again, as a new
    /// version that is the public one, so the item no longer has unpublished changes. Delivery is untouched.
    /// </summary>
    public async Task<TDoc> DiscardAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        ContentTransitions.Require(ContentTransitions.CanDiscard(doc.Status, doc.HasUnpublishedChanges), doc.Status,
            "Seul un élément publié qui a des modifications non publiées a un brouillon à abandonner",
            "Only a published item with unpublished changes has a draft to discard");
        var expected = ifMatch is null ? doc.Version : RequireCurrent(doc, ifMatch);
        // The latest revision up to the public version: a change that leaves the content alone (a schedule) may
        // raise the public version without a revision of its own.
        var publicVersion = doc.PublishedVersion!.Value;
        var published = await session.Query<ContentRevision>()
                            .Where(r => r.ItemId == id && r.Version <= publicVersion)
                            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.Conflict(Text.Of(
                "La version publiée n'est pas dans l'historique : elle ne peut pas être rétablie.",
                "The published version is not in the history: it cannot be brought back."));
        var now = clock.Now();
        await ApplyAsync(doc, published.ContentAs<TContent>(), ct);
        Touch(doc, expected, by, now);
        doc.PublishedVersion = doc.Version; // same content as the public copy
        Record(doc, RevisionAction.Discarded, by, now, restoredFrom: published.Version);
        session.Events.Append(doc.Id, new ItemDraftDiscarded(type.Name, doc.Slug, doc.Locale, doc.Version, published.Version, by, now));
        await session.SaveChangesAsync(ct);
        return doc;
    }

    /// <summary>The revision of the change being made, in the same unit of work: who, when, what, and the content then.</summary>
    private void Record(TDoc doc, RevisionAction action, string by, DateTimeOffset now, int? restoredFrom = null, int? version = null) =>
        session.Insert(ContentRevision.Of(doc, type.Name, action, by, now, restoredFrom, version));
}
