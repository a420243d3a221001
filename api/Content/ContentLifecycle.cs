using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.OutputCaching;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>
/// Create, edit, publish, unpublish and delete, written once for every content type. Each operation is one
/// unit of work: the document change, the delivery copy and the lifecycle event commit together.
/// </summary>
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>(
    ContentType<TDoc, TContent, TDelivery> type, IDocumentSession session, TimeProvider clock, IOutputCacheStore cache)
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class
{
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
        Record(doc, RevisionAction.Created, by, now);
        session.Events.StartStream<TDoc>(doc.Id, new ItemCreated(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        return doc;
    }

    public async Task<TDoc> UpdateAsync(Guid id, string? ifMatch, TContent content, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        var expected = RequireCurrent(doc, ifMatch);
        content = await ValidAsync(content, ct);
        var now = clock.Now();
        await ApplyAsync(doc, content, ct);
        Touch(doc, expected, by, now);
        Record(doc, RevisionAction.Edited, by, now);
        // Edits wait for the next publication, except one that leaves nothing public to show (a contact who
        // withdrew from the directory): personal data leaves at once.
        var withdrawn = doc.Status == ContentStatus.Published && type.ToDelivery(doc) is null;
        if (withdrawn) DeletePublicCopies(doc.Id);
        session.Events.Append(doc.Id, new ItemEdited(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        if (withdrawn) await cache.EvictAsync(ct);
        return doc;
    }

    public async Task<TDoc> PublishAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        ContentTransitions.Require(ContentTransitions.CanPublish(doc.Status, doc.HasUnpublishedChanges), doc.Status,
            "Un élément publié ne peut être republié que s'il a des modifications non publiées",
            "A published item can be published again only when it has unpublished changes");
        var expected = ifMatch is null ? doc.Version : RequireCurrent(doc, ifMatch);
        var now = clock.Now();
        doc.Status = ContentStatus.Published;
        doc.PublishedAt ??= now;
        doc.PublishAt = null; // a scheduled publication, if any, is done (or overtaken by this one)
        Touch(doc, expected, by, now);
        doc.PublishedVersion = doc.Version;
        Record(doc, RevisionAction.Published, by, now);
        StorePublicCopies(doc);
        session.Events.Append(doc.Id, new ItemPublished(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        await cache.EvictAsync(ct);
        return doc;
    }

    public async Task<TDoc> UnpublishAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        ContentTransitions.Require(ContentTransitions.CanUnpublish(doc.Status), doc.Status,
            "Seul un élément publié peut être dépublié", "Only a published item can be unpublished");
        var expected = ifMatch is null ? doc.Version : RequireCurrent(doc, ifMatch);
        var now = clock.Now();
        doc.Status = ContentStatus.Unpublished;
        doc.PublishedVersion = null;
        doc.UnpublishAt = null; // a scheduled unpublication, if any, is done (or overtaken by this one)
        Touch(doc, expected, by, now);
        Record(doc, RevisionAction.Unpublished, by, now);
        DeletePublicCopies(doc.Id);
        session.Events.Append(doc.Id, new ItemUnpublished(type.Name, doc.Slug, doc.Locale, doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        await cache.EvictAsync(ct);
        return doc;
    }

    public async Task DeleteAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var doc = await LoadAsync(id, ct);
        var now = clock.Now();
        // With If-Match, the version is checked in the transaction too, so an edit saved meanwhile is not lost.
        if (ifMatch is not null) Touch(doc, RequireCurrent(doc, ifMatch), by, now);
        session.Delete(doc);
        Record(doc, RevisionAction.Deleted, by, now, version: ifMatch is null ? doc.Version + 1 : doc.Version);
        DeletePublicCopies(doc.Id);
        session.Events.Append(doc.Id, new ItemDeleted(type.Name, doc.Slug, doc.Locale, ifMatch is null ? doc.Version + 1 : doc.Version, by, now));
        await session.SaveChangesAsync(ct);
        await cache.EvictAsync(ct);
    }

    /// <summary>The delivery shape and the search entry: what the public reads, written in the same unit of work.</summary>
    private void StorePublicCopies(TDoc doc)
    {
        if (type.ToDelivery(doc) is { } delivery) session.Store(delivery);
        else session.Delete<TDelivery>(doc.Id);
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

    private async Task<TDoc> LoadAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();

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

    /// <summary>Raise the version; Marten refuses the write if the stored one moved on since we read it.</summary>
    private void Touch(TDoc doc, int expected, string by, DateTimeOffset now)
    {
        doc.Version = expected + 1;
        doc.UpdatedAt = now;
        doc.UpdatedBy = by;
        session.UpdateRevision(doc, doc.Version);
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
