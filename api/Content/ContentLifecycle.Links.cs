using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Content.Links;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Content;

// Links between types (a fiche's actors and their members): a public copy is made with its links resolved, and a
// change to a linked item's public copy restates the copies that link it, in the same transaction (ContentLinking).
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    /// <summary>
    /// The link locks the change needs, before anything is read: those of the items a publication links, and the
    /// item's own when other types' public copies show it and the change may alter its public copy.
    /// </summary>
    private async Task LockLinksAsync(Opened item, Change change, CancellationToken ct)
    {
        var links = change.Public == PublicCopy.Refresh ? type.LinksOf(item.Doc.Content).ToList() : [];
        if (linking.IsLinked(type.Name) && (change.Public != PublicCopy.Keep || (change.EditsContent && item.WasPublic)))
            links.Add(new ItemLink(type.Name, item.Doc.Id));
        await ContentLinking.LockAsync(session, links, ct);
    }

    /// <summary>What the public version links, kept with its public copy, so that a change to a linked item finds it.</summary>
    private void KeepPublicLinks(TDoc doc, Change change)
    {
        if (doc.PublicSlug is null) doc.PublicLinks = [];
        else if (change.Public == PublicCopy.Refresh) doc.PublicLinks = type.LinksOf(doc.Content).Select(l => l.Key).Distinct().ToList();
    }

    /// <summary>
    /// After a change to the item's public copy: the public copies of other types that show it, restated, each with
    /// its change record (after the item's own). Returns the types whose copies changed, for the cache.
    /// </summary>
    private async Task<IReadOnlyList<string>> RestateLinkingAsync(TDoc doc, ContentChange published, TDelivery? delivery,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!linking.IsLinked(type.Name)) return [];
        var copy = published.Op == SyncOp.Upsert ? delivery : null;
        var restated = await linking.RestateAsync(session, new ItemLink(type.Name, doc.Id), copy, ct);
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var (name, item) in restated)
            changes.Append(session, new ContentChange(name, item.Id, item.Locale, item.Slug, ChangeKind.Republished, item.Version, now,
                serializer.ToJson(item)));
        return restated.Select(r => r.Type).Distinct().ToList();
    }
}
