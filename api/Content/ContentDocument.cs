using System.Text.Json.Serialization;
using JasperFx;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>What a content document says about its type, for routes and event streams.</summary>
public interface IContentDocument
{
    /// <summary>Singular name used in events and responses: <c>article</c>.</summary>
    static abstract string TypeName { get; }

    /// <summary>Plural path segment: <c>articles</c> in <c>/api/v1/articles</c>.</summary>
    static abstract string RouteSegment { get; }

    /// <summary>Which desk manages the type, and so which roles may touch it.</summary>
    static abstract ContentDesk Desk { get; }

    /// <summary>What the type holds, for the people reading the contract (the description of its OpenAPI tag).</summary>
    static abstract string Description { get; }

    /// <summary>
    /// Whether it names people: then shared caches must revalidate every time, public search never indexes it, and
    /// it can be erased (<see cref="ContentLifecycle{TDoc,TContent,TDelivery}.EraseAsync"/>).
    /// </summary>
    static virtual bool HoldsPersonalData => false;
}

/// <summary>The two desks of the newsroom: who manages a type, see <see cref="Management.ManagementRoutes"/>.</summary>
public enum ContentDesk
{
    /// <summary>Articles, fiches, events: editors manage them, authors draft them.</summary>
    Editorial,

    /// <summary>Advertiser contacts: the sales team only.</summary>
    Advertising,
}

/// <summary>
/// The stored, editable side of an item: the editor's content plus what the system keeps about it.
/// The editable content is kept in its contract shape: it is exactly what editors send and get back.
/// </summary>
public abstract class ContentDocument<TContent> : IRevisioned, Management.IAuthored where TContent : class, IItemContent
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public Locale Locale { get; set; }

    /// <summary>"fr/vers-un-modele-francais": one string so a plain unique index keeps slugs unique per locale.</summary>
    public string SlugKey { get; set; } = "";

    public ContentStatus Status { get; set; } = ContentStatus.Draft;

    /// <summary>Raised by every change; Marten checks it so that no concurrent edit is lost.</summary>
    public int Version { get; set; }

    /// <summary>The version the public sees, when published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>The slug the public copy is served under; null while the item has no public copy.</summary>
    public string? PublicSlug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When the scheduler publishes it (status scheduled until then); cleared once published.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>Where the item stood when its publication was scheduled (in review, say), to go back there if cancelled.</summary>
    public ContentStatus? StatusBeforeSchedule { get; set; }

    /// <summary>When the scheduler unpublishes it; cleared once unpublished.</summary>
    public DateTimeOffset? UnpublishAt { get; set; }

    public TContent Content { get; set; } = null!;

    /// <summary>
    /// The items of other types the public version links to (<see cref="Links.ItemLink.Key"/>), set with its public
    /// copy: a change to one of them restates this item's public copy (<see cref="Links.ContentLinking"/>).
    /// </summary>
    public IReadOnlyList<string> PublicLinks { get; set; } = [];

    [JsonIgnore]
    public bool HasUnpublishedChanges => Status == ContentStatus.Published && PublishedVersion != Version;

    public static string KeyOf(Locale locale, string slug) => $"{Json.Name(locale)}/{slug}";

    public Managed<TContent> ToManaged(string type) => new()
    {
        Id = Id, Type = type, Slug = Slug, Status = Status, Version = Version,
        HasUnpublishedChanges = HasUnpublishedChanges,
        CreatedAt = CreatedAt, CreatedBy = CreatedBy, UpdatedAt = UpdatedAt, UpdatedBy = UpdatedBy,
        PublishedAt = PublishedAt, PublishAt = PublishAt, UnpublishAt = UnpublishAt, Content = Content,
    };

    public ManagedSummary ToSummary(string type) => new()
    {
        Id = Id, Type = type, Title = Title, Slug = Slug, Locale = Locale, Status = Status, Version = Version,
        HasUnpublishedChanges = HasUnpublishedChanges, UpdatedAt = UpdatedAt, UpdatedBy = UpdatedBy,
        PublishedAt = PublishedAt,
    };
}
