using System.Text.Json;
using Marten;
using Vivapolis.Api.Content.Translations;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Links;

/// <summary>A link from an item's content to an item of another type (a fiche's actor to a member).</summary>
public readonly record struct ItemLink(string Type, Guid Id)
{
    /// <summary>How a document's <see cref="ContentDocument{TContent}.PublicLinks"/> names it: <c>member:{id}</c>.</summary>
    public string Key => $"{Type}:{Id}";

    /// <summary>
    /// The advisory lock that orders a change to the target's public copy and the publications that show it: whichever
    /// commits first, the other sees it (see <see cref="ContentLinking"/>).
    /// </summary>
    public string LockName => $"vivapolis/links/{Key}";
}

/// <summary>The linked items that have a public copy, by id (ids are unique across types).</summary>
public sealed class LinkedItems(IEnumerable<IDeliveryItem> items)
{
    /// <summary>No linked item: what a public copy shows before its links are resolved.</summary>
    public static readonly LinkedItems None = new([]);

    private readonly Dictionary<Guid, IDeliveryItem> _items = items.ToDictionary(i => i.Id);

    /// <summary>The public copy of the item <paramref name="id"/> names, if it has one and is a <typeparamref name="T"/>.</summary>
    public T? Find<T>(Guid? id) where T : class, IDeliveryItem => id is { } key ? _items.GetValueOrDefault(key) as T : null;
}

/// <summary>What the links need of one content type; one per type, registered with it.</summary>
public interface IContentLinks
{
    string Type { get; }

    /// <summary>The types whose published items this type's public copy shows.</summary>
    IReadOnlyCollection<string> LinkedTypes { get; }

    /// <summary>The public copies of these items of this type (those that have one).</summary>
    Task<IReadOnlyList<IDeliveryItem>> PublishedAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// Restates, in <paramref name="session"/>'s unit of work, the public copies of this type that link
    /// <paramref name="target"/>, whose public copy is now <paramref name="targetCopy"/> (null: it has none). Returns
    /// the copies that changed.
    /// </summary>
    Task<IReadOnlyList<IDeliveryItem>> RestateAsync(IDocumentSession session, ContentLinking linking, ItemLink target,
        IDeliveryItem? targetCopy, CancellationToken ct);
}

/// <summary>
/// Links between content types, read from the registry: a type says which items of other types its public copy
/// shows (<see cref="ContentType{TDoc,TContent,TDelivery}.LinksOf"/>), and how it shows them
/// (<see cref="ContentType{TDoc,TContent,TDelivery}.WithLinks"/>). A public copy is made with its links resolved,
/// and a change to a linked item's public copy (renamed, new slug, made private, unpublished, deleted) restates
/// every public copy that links it, in the same transaction, with a change record each: published items never
/// show a stale name or a dead link, and the change feed says so.
/// <para>
/// Both sides take the target's <see cref="ItemLink.LockName"/> before they read the other: a publication that
/// links a member waits for a change to that member in progress and sees it, and a change to the member waits
/// for the publication and finds it. Link locks come before the translation-group locks (<see cref="TranslationGroups"/>),
/// which come before the change log's, in every write; so writers never wait on each other in a circle. (A type
/// that is a link target has no language versions, so it takes no group lock of its own before its links' ones.)
/// </para>
/// </summary>
public sealed class ContentLinking(IEnumerable<IContentLinks> types)
{
    private readonly IContentLinks[] _types = types.ToArray();

    /// <summary>Whether some type's public copy shows items of <paramref name="type"/>.</summary>
    public bool IsLinked(string type) => _types.Any(t => t.LinkedTypes.Contains(type));

    /// <summary>The public copies of the linked items; <paramref name="pending"/> stands for one whose change is being written.</summary>
    public async Task<LinkedItems> ResolveAsync(IQuerySession session, IEnumerable<ItemLink> links, CancellationToken ct,
        (ItemLink Link, IDeliveryItem? Copy)? pending = null)
    {
        var found = new List<IDeliveryItem>();
        foreach (var group in links.Distinct().Where(l => l != pending?.Link).GroupBy(l => l.Type))
            if (_types.FirstOrDefault(t => t.Type == group.Key) is { } target)
                found.AddRange(await target.PublishedAsync(session, group.Select(l => l.Id).ToList(), ct));
        if (pending?.Copy is { } copy) found.Add(copy);
        return new LinkedItems(found);
    }

    /// <summary>Restates every public copy that links <paramref name="target"/>; returns those that changed.</summary>
    public async Task<IReadOnlyList<(string Type, IDeliveryItem Copy)>> RestateAsync(IDocumentSession session, ItemLink target,
        IDeliveryItem? targetCopy, CancellationToken ct)
    {
        var restated = new List<(string, IDeliveryItem)>();
        foreach (var type in _types.Where(t => t.LinkedTypes.Contains(target.Type)))
            restated.AddRange((await type.RestateAsync(session, this, target, targetCopy, ct)).Select(c => (type.Type, c)));
        return restated;
    }

    /// <summary>Takes the links' locks, in a fixed order, until the session's transaction ends.</summary>
    public static async Task LockAsync(IDocumentSession session, IEnumerable<ItemLink> links, CancellationToken ct)
    {
        foreach (var name in links.Select(l => l.LockName).Distinct().Order(StringComparer.Ordinal))
            await session.LockUntilCommitAsync(name, ct);
    }

    /// <summary>
    /// An item's public copy, as publishing makes it and previews show it: its delivery shape with its media library
    /// images and its links resolved; null when it has nothing public to show.
    /// </summary>
    public async Task<TDelivery?> PublicCopyAsync<TDoc, TContent, TDelivery>(ContentType<TDoc, TContent, TDelivery> type, TDoc doc,
        IContentMedia media, IQuerySession session, CancellationToken ct)
        where TDoc : ContentDocument<TContent>, IContentDocument, new()
        where TContent : class, IItemContent
        where TDelivery : class, IDeliveryItem
    {
        if (type.ToDelivery(doc, await media.ImagesAsync(doc.Content, ct)) is not { } delivery) return null;
        var links = type.LinksOf(doc.Content).ToList();
        return links.Count == 0 ? delivery : type.WithLinks(delivery, doc.Content, await ResolveAsync(session, links, ct));
    }
}

/// <summary>The links of one content type, closed over its types.</summary>
public sealed class ContentLinks<TDoc, TContent, TDelivery>(ContentType<TDoc, TContent, TDelivery> type) : IContentLinks
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public string Type => type.Name;

    public IReadOnlyCollection<string> LinkedTypes => type.LinkedTypes;

    public async Task<IReadOnlyList<IDeliveryItem>> PublishedAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : [.. await session.LoadManyAsync<TDelivery>(ct, ids)];

    /// <summary>The items whose public version links to a target (parameter: <see cref="LinkingTo"/>), found by the item table's GIN index.</summary>
    public const string LinkingWhere = "where data @> ?::jsonb";

    public static string LinkingTo(ItemLink target) => JsonSerializer.Serialize(new { publicLinks = new[] { target.Key } });

    public async Task<IReadOnlyList<IDeliveryItem>> RestateAsync(IDocumentSession session, ContentLinking linking, ItemLink target,
        IDeliveryItem? targetCopy, CancellationToken ct)
    {
        if (!type.LinkedTypes.Contains(target.Type)) return [];
        var docs = (await session.QueryAsync<TDoc>(LinkingWhere, ct, LinkingTo(target)))
            .Where(d => d.PublishedVersion is not null).ToDictionary(d => d.Id);
        if (docs.Count == 0) return [];
        // A language version published meanwhile rewrites its siblings' copies (their alternates) under its group's
        // lock: these copies are read again under the same locks, so neither change overwrites the other.
        if (type.Translatable)
            await TranslationGroups.LockAsync(session,
                (await session.LoadManyAsync<TDelivery>(ct, docs.Keys)).OfType<ITranslatedDelivery>().Select(c => c.TranslationGroup), ct);
        var serializer = session.DocumentStore.Options.Serializer();
        var changed = new List<IDeliveryItem>();
        foreach (var copy in await session.LoadManyAsync<TDelivery>(ct, docs.Keys))
        {
            var doc = docs[copy.Id];
            // The public version's content, which the draft may have moved on from.
            var revision = await session.LoadAsync<ContentRevision>(ContentRevision.IdOf(doc.Id, doc.PublishedVersion!.Value), ct);
            if (revision is null) continue;
            var content = revision.ContentAs<TContent>();
            var linked = await linking.ResolveAsync(session, type.LinksOf(content), ct, (target, targetCopy));
            var restated = type.WithLinks(copy, content, linked);
            if (serializer.ToJson(restated) == serializer.ToJson(copy)) continue;
            session.Store(restated);
            changed.Add(restated);
        }
        return changed;
    }
}
