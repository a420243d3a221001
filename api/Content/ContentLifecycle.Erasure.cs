using Marten;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Content;

// The right to erasure, for types that hold personal data.
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    /// <summary>
    /// Everything that holds the person goes in one transaction: the document (Marten keeps no older revisions of
    /// it), its public copies, its revisions, its former slugs, its earlier change records (they carry its public
    /// copy), and its event stream, whose events carry the slug made from the person's name. An
    /// <see cref="ItemErased"/> event without the data starts a new stream under the same id, so history and audit
    /// learn of it the way they learn of everything else, and an <see cref="ChangeKind.Erased"/> record tells
    /// mirrors to forget the item. An item already deleted still has its stream, so it can be erased too.
    /// </summary>
    public async Task EraseAsync(Guid id, string by, CancellationToken ct)
    {
        if (!TDoc.HoldsPersonalData)
            throw new InvalidOperationException($"{type.Name} holds no personal data: it is deleted, not erased.");
        var doc = await session.LoadAsync<TDoc>(id, ct);
        if (doc is null && !await HasHistoryAsync(id, ct)) throw ProblemException.NotFound();

        var now = clock.Now();
        if (doc is not null) session.Delete(doc);
        DeletePublicCopies(id);
        session.DeleteWhere<ContentRevision>(r => r.ItemId == id);
        session.DeleteWhere<Scheduling.ScheduledJob>(j => j.ItemId == id);
        FormerSlugs.ForgetItem(session, id);
        session.Events.TombstoneStream(id); // Marten's hard delete: the stream row and every event in it
        session.Events.StartStream<TDoc>(id, new ItemErased(type.Name, by, now));
        changes.Forget(session, id);
        changes.Append(session, new ContentChange(type.Name, id, null, null, ChangeKind.Erased, (doc?.Version ?? 0) + 1, now, null));
        await session.SaveChangesAsync(ct);
        await cache.EvictTypeAsync<TDoc>(ct);
    }

    /// <summary>A deleted item's stream still starts with its creation; an erased one starts with the erasure.</summary>
    private async Task<bool> HasHistoryAsync(Guid id, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count > 0 && events[0].Data is ItemCreated { Type: var created } && created == type.Name;
    }
}
