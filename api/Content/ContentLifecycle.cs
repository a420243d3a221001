using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.OutputCaching;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Translations;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Content;

/// <summary>
/// Every change to an item, written once for every content type, through one pipeline: <see cref="OpenAsync"/>
/// loads the item and checks the client's version, the operation changes the document, and
/// <see cref="CommitAsync"/> raises the version, records the revision and the event, brings the public copies in
/// step and appends the change record when the published set changed, all in one transaction, then evicts this
/// type's public answers from the cache. The operations themselves are in the other parts of this class.
/// </summary>
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>(
    ContentType<TDoc, TContent, TDelivery> type, IDocumentSession session, TimeProvider clock, ChangeLog changes,
    IOutputCacheStore cache, IContentMedia media)
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    /// <summary>Whether an operation needs the client's If-Match (428 without it), or checks it only when sent.</summary>
    private enum IfMatch { Required, Optional }

    /// <summary>What a change does to the item's public copy (its delivery shape and search entry).</summary>
    private enum PublicCopy
    {
        /// <summary>Left as it is (an edit waits for the next publication), unless the change leaves nothing public.</summary>
        Keep,

        /// <summary>Made again from the document: a publication.</summary>
        Refresh,

        /// <summary>Removed: an unpublication or a deletion.</summary>
        Remove,
    }

    /// <summary>One change as the pipeline records it.</summary>
    /// <param name="EditsContent">True when the content changed: a public version that was current is no longer.</param>
    /// <param name="BackToPublic">True when the content is the public version's again (a discarded draft).</param>
    /// <param name="From">The version whose content a restore or discard brought back.</param>
    private sealed record Change(RevisionAction Action, PublicCopy Public = PublicCopy.Keep, bool EditsContent = false,
        bool BackToPublic = false, int? From = null);

    /// <summary>The item being changed, with what the pipeline needs to know of it before the change.</summary>
    private sealed record Opened(TDoc Doc, int Expected, bool WasPublic, string? PublicSlug);

    public async Task<TDoc> CreateAsync(TContent content, string by, CancellationToken ct)
    {
        content = await ValidAsync(content, ct);
        var now = clock.Now();
        var doc = new TDoc
        {
            Id = Guid.CreateVersion7(now), Version = 1, Status = ContentStatus.Draft,
            CreatedAt = now, CreatedBy = by, UpdatedAt = now, UpdatedBy = by,
        };
        await ApplyAsync(doc, content, ct);
        session.Insert(doc);
        Record(doc, RevisionAction.Created, by, now, from: null);
        await session.SaveChangesAsync(ct);
        return doc;
    }

    public async Task<TDoc> UpdateAsync(Guid id, string? ifMatch, TContent content, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Required, ct);
        await ApplyAsync(item.Doc, await ValidAsync(content, ct), ct);
        return await CommitAsync(item, new Change(RevisionAction.Edited, EditsContent: true), by, ct);
    }

    public async Task<TDoc> PublishAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct, doc => ContentTransitions.Require(
            ContentTransitions.CanPublish(doc.Status, doc.HasUnpublishedChanges), doc.Status,
            "Un élément publié ne peut être republié que s'il a des modifications non publiées",
            "A published item can be published again only when it has unpublished changes"));
        var doc = item.Doc;
        await media.RequireUsableAsync(doc.Content, ct); // every image it shows exists and has its alt text (422)
        doc.Status = ContentStatus.Published;
        doc.PublishedAt ??= clock.Now();
        doc.PublishAt = null; // a scheduled publication, if any, is done (or overtaken by this one)
        return await CommitAsync(item, new Change(RevisionAction.Published, PublicCopy.Refresh), by, ct);
    }

    public async Task<TDoc> UnpublishAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct, doc => ContentTransitions.Require(
            ContentTransitions.CanUnpublish(doc.Status), doc.Status,
            "Seul un élément publié peut être dépublié", "Only a published item can be unpublished"));
        item.Doc.Status = ContentStatus.Unpublished;
        item.Doc.UnpublishAt = null; // a scheduled unpublication, if any, is done (or overtaken by this one)
        return await CommitAsync(item, new Change(RevisionAction.Unpublished, PublicCopy.Remove), by, ct);
    }

    /// <summary>Without If-Match, deletes whatever the current version is; with it, only that version.</summary>
    public async Task DeleteAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Optional, ct);
        // Scheduled jobs of a deleted item would only be dropped as stale: they go with it.
        session.DeleteWhere<Scheduling.ScheduledJob>(j => j.ItemId == id);
        await CommitAsync(item, new Change(RevisionAction.Deleted, PublicCopy.Remove), by, ct);
    }

    /// <summary>Loads the item, applies the operation's own rule (a legal transition), then checks the client's version.</summary>
    private async Task<Opened> OpenAsync(Guid id, string? ifMatch, IfMatch rule, CancellationToken ct, Action<TDoc>? allowed = null)
    {
        var doc = await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();
        allowed?.Invoke(doc);
        var expected = rule == IfMatch.Required || ifMatch is not null ? RequireCurrent(doc, ifMatch) : doc.Version;
        // PublishedVersion too: a document stored before PublicSlug existed may be public without it.
        return new Opened(doc, expected, doc.PublicSlug is not null || doc.PublishedVersion is not null, doc.PublicSlug);
    }

    /// <summary>
    /// Saves the change: version, revision, event, public copies and change record in one transaction, then the cache.
    /// Marten refuses the write if the stored version moved on since <see cref="OpenAsync"/> read it (a 412).
    /// </summary>
    private async Task<TDoc> CommitAsync(Opened item, Change change, string by, CancellationToken ct)
    {
        var doc = item.Doc;
        var now = clock.Now();
        var publicWasCurrent = doc.PublishedVersion == doc.Version;
        doc.Version = item.Expected + 1;
        doc.UpdatedAt = now;
        doc.UpdatedBy = by;
        // A change that leaves the content alone (a schedule, a submission) keeps a current public version current.
        if ((publicWasCurrent && !change.EditsContent) || change.BackToPublic) doc.PublishedVersion = doc.Version;

        // The public copy the change makes, and, for a type with language versions, the versions around it.
        var delivery = change.Public == PublicCopy.Refresh ? type.ToDelivery(doc, await media.ImagesAsync(doc.Content, ct)) : null;
        var versions = type.Translatable && (delivery is not null || item.WasPublic) && change.Public != PublicCopy.Keep
            ? await PublishedVersions<TDoc, TDelivery>.AroundAsync(session, doc.Id, delivery, ct) : null;
        if (versions is not null && delivery is ITranslatedDelivery translated)
        {
            delivery = type.WithAlternates(delivery, versions.AlternatesOf(translated));
            versions.Publishing((ITranslatedDelivery)delivery);
        }

        var published = PublishedChange(item, change, delivery, now);
        session.UpdateRevision(doc, doc.Version);
        if (change.Action == RevisionAction.Deleted) session.Delete(doc); // after the version check, in the same unit of work
        Record(doc, change.Action, by, now, change.From);
        if (published is not null) changes.Append(session, published); // last: see ChangeLog on its lock
        foreach (var (sibling, alternates) in versions?.Changed() ?? [])
        {
            var linked = type.WithAlternates(sibling, alternates);
            session.Store(linked);
            changes.Append(session, new ContentChange(type.Name, linked.Id, linked.Locale, linked.Slug, ChangeKind.Republished,
                linked.Version, now, session.DocumentStore.Options.Serializer().ToJson(linked)));
        }
        await session.SaveChangesAsync(ct);
        if (published is not null) await cache.EvictTypeAsync<TDoc>(ct);
        return doc;
    }

    /// <summary>
    /// Brings the public copies in step with the change and says how the published set changed (null: it did not).
    /// </summary>
    private ContentChange? PublishedChange(Opened item, Change change, TDelivery? refreshed, DateTimeOffset now)
    {
        var doc = item.Doc;
        var copy = change.Public;
        // An edit that leaves a published item nothing public to show (a contact who withdrew from the directory)
        // takes its public copy away at once: personal data does not wait for the next publication.
        var withdrawn = copy == PublicCopy.Keep && change.EditsContent && item.WasPublic
                        && doc.Status == ContentStatus.Published && type.ToDelivery(doc) is null;
        if (copy == PublicCopy.Refresh)
        {
            doc.PublishedVersion = doc.Version;
            if (refreshed is { } delivery)
            {
                StorePublicCopies(doc, delivery);
                var kind = !item.WasPublic || item.PublicSlug is null ? ChangeKind.Published
                    : item.PublicSlug != doc.Slug ? ChangeKind.SlugChanged : ChangeKind.Republished;
                if (kind == ChangeKind.SlugChanged) FormerSlugs.Keep(session, type.Name, doc.Locale, item.PublicSlug!, doc.Id);
                doc.PublicSlug = doc.Slug;
                return Changed(doc, kind, now, session.DocumentStore.Options.Serializer().ToJson(delivery), kind == ChangeKind.SlugChanged ? item.PublicSlug : null);
            }
            withdrawn = item.WasPublic; // published with nothing public to show: a private contact
        }
        if (copy == PublicCopy.Remove) doc.PublishedVersion = null;
        if (copy != PublicCopy.Remove && !withdrawn) return null;
        DeletePublicCopies(doc.Id);
        doc.PublicSlug = null;
        if (!item.WasPublic) return null;
        var removal = withdrawn ? ChangeKind.Withdrawn
            : change.Action == RevisionAction.Deleted ? ChangeKind.Deleted : ChangeKind.Unpublished;
        return Changed(doc, removal, now, json: null, formerSlug: null);
    }

    private ContentChange Changed(TDoc doc, ChangeKind kind, DateTimeOffset now, string? json, string? formerSlug) =>
        new(type.Name, doc.Id, doc.Locale, doc.Slug, kind, doc.Version, now, json, formerSlug);

    /// <summary>The delivery shape and the search entry: what the public reads, written in the same unit of work.</summary>
    private void StorePublicCopies(TDoc doc, TDelivery delivery)
    {
        session.Store(delivery);
        if (type.SearchTextOf(doc) is { } text)
            session.Store(new SearchEntry
            {
                Id = doc.Id, Type = type.Name, Locale = doc.Locale, Slug = doc.Slug, Title = text.Title, Text = text.Body,
                PublishedAt = doc.PublishedAt ?? doc.UpdatedAt,
            });
        else session.Delete<SearchEntry>(doc.Id);
    }

    private void DeletePublicCopies(Guid id)
    {
        session.Delete<TDelivery>(id);
        session.Delete<SearchEntry>(id);
    }

    /// <summary>
    /// The revision and the event of the change, in the same unit of work: who, when, what, and the content then.
    /// History reads the revisions; the audit log reads the events.
    /// </summary>
    private void Record(TDoc doc, RevisionAction action, string by, DateTimeOffset now, int? from)
    {
        session.Insert(ContentRevision.Of(doc, type.Name, action, by, now, from));
        var e = ContentEvents.Of(action, type.Name, doc.Slug, doc.Locale, doc.Version, by, now, from, doc.PublishAt, doc.UnpublishAt);
        if (action == RevisionAction.Created) session.Events.StartStream<TDoc>(doc.Id, e);
        else session.Events.Append(doc.Id, e);
    }

    /// <summary>412 when the client edited an older version, 428 when it did not say which version it edited.</summary>
    private static int RequireCurrent(TDoc doc, string? ifMatch)
    {
        var version = ETags.VersionFrom(ifMatch);
        if (version is null)
            throw new ProblemException(428, Problems.Title(428), Text.Of(
                "Envoyez l'ETag de l'élément dans l'en-tête If-Match, pour que personne n'écrase le travail d'un autre.",
                "Send the item's ETag in the If-Match header, so that nobody overwrites someone else's work."));
        if (version != doc.Version)
            throw ProblemException.Stale(doc.Version);
        return version.Value;
    }

    private async Task<TContent> ValidAsync(TContent content, CancellationToken ct)
    {
        var normalized = type.Normalize(content);
        await type.Validator.ValidateAndThrowAsync(normalized, ct);
        return normalized;
    }

    private async Task ApplyAsync(TDoc doc, TContent content, CancellationToken ct)
    {
        var slug = content.Slug ?? (doc.Slug.Length > 0 ? doc.Slug : Slugs.From(type.TitleOf(content)));
        // A title of signs only ("???", "« — »") makes no slug: the item would have no public address.
        if (slug.Length == 0)
            throw new ValidationException([new ValidationFailure("slug", Text.Of(
                "Le titre ne contient ni lettre ni chiffre dont faire un slug : donnez un slug.",
                "The title has no letter or digit to make a slug from: give a slug.")) { ErrorCode = "slug" }]);
        var key = ContentDocument<TContent>.KeyOf(content.Locale, slug);
        if (key != doc.SlugKey &&
            await session.Query<TDoc>().AnyAsync(d => d.SlugKey == key && d.Id != doc.Id, ct))
            throw new ProblemException(409, Problems.Title(409), Text.Of(
                $"Le slug « {slug} » est déjà utilisé dans cette langue : choisissez-en un autre.",
                $"The slug '{slug}' is already taken in this language: choose another one."),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["slug"] = [Text.Of("Ce slug est déjà utilisé.", "This slug is already taken.")] } });
        doc.Content = content;
        doc.Title = type.TitleOf(content);
        doc.Locale = content.Locale;
        doc.Slug = slug;
        doc.SlugKey = key;
    }
}
