using System.Text.Json;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>
/// One version of one item, whatever its type: who made it, what the change did, and the content then, in its
/// contract JSON. Written by <see cref="ContentLifecycle{TDoc,TContent,TDelivery}"/> in the same unit of work as
/// the change; never updated afterwards, and deleted only by a personal-data erasure.
/// </summary>
public sealed class ContentRevision
{
    /// <summary><c>{itemId}:{version}</c>, so that a version is written once and loaded without a query.</summary>
    public string Id { get; set; } = "";
    public Guid ItemId { get; set; }
    public string Type { get; set; } = "";
    public int Version { get; set; }
    public RevisionAction Action { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public ContentStatus Status { get; set; }
    public string Slug { get; set; } = "";
    public int? RestoredFrom { get; set; }

    /// <summary>The content as the contract writes it (camelCase, enums by name): what the diff compares.</summary>
    public JsonElement Content { get; set; }

    public static string IdOf(Guid itemId, int version) => $"{itemId}:{version}";

    /// <summary>
    /// The revision of a change being made to <paramref name="doc"/>, to insert in the change's own unit of work;
    /// <paramref name="version"/> only when the document does not carry it (a deletion).
    /// </summary>
    public static ContentRevision Of<TContent>(ContentDocument<TContent> doc, string type, RevisionAction action, string by,
        DateTimeOffset at, int? restoredFrom = null, int? version = null) where TContent : class, IItemContent => new()
    {
        Id = IdOf(doc.Id, version ?? doc.Version), ItemId = doc.Id, Type = type, Version = version ?? doc.Version,
        Action = action, By = by, At = at, Status = doc.Status, Slug = doc.Slug, RestoredFrom = restoredFrom,
        Content = JsonSerializer.SerializeToElement(doc.Content, Json.Options),
    };

    public TContent ContentAs<TContent>() => Content.Deserialize<TContent>(Json.Options)!;

    public RevisionSummary ToSummary() => new()
    {
        Version = Version, Action = Action, By = By, At = At, Status = Status, RestoredFrom = RestoredFrom,
    };

    public ManagedRevision<TContent> ToManaged<TContent>() where TContent : class => new()
    {
        Id = ItemId, Type = Type, Version = Version, Action = Action, By = By, At = At, Status = Status, Slug = Slug,
        RestoredFrom = RestoredFrom, Content = ContentAs<TContent>(),
    };
}

/// <summary>
/// The editorial states and which transitions between them are legal: the one place that says so. An illegal
/// transition is a 409 problem that names the state the item is in.
/// </summary>
public static class ContentTransitions
{
    public static bool CanSubmit(ContentStatus status) => status is ContentStatus.Draft or ContentStatus.Unpublished;

    /// <summary>A published item can be published again only to replace its public version with pending changes.</summary>
    public static bool CanPublish(ContentStatus status, bool hasUnpublishedChanges) =>
        status is ContentStatus.Draft or ContentStatus.InReview or ContentStatus.Scheduled or ContentStatus.Unpublished
        || (status == ContentStatus.Published && hasUnpublishedChanges);

    public static bool CanUnpublish(ContentStatus status) => status == ContentStatus.Published;

    /// <summary>Only a pending draft beside a live version can be discarded: otherwise there is nothing to go back to.</summary>
    public static bool CanDiscard(ContentStatus status, bool hasUnpublishedChanges) =>
        status == ContentStatus.Published && hasUnpublishedChanges;

    /// <summary>Throws the 409 when <paramref name="allowed"/> is false; the rule is given in French and English.</summary>
    public static void Require(bool allowed, ContentStatus current, string ruleFr, string ruleEn)
    {
        if (allowed) return;
        var state = Json.Name(current);
        throw new ProblemException(StatusCodes.Status409Conflict, Problems.Title(409), Text.Of(
                $"{ruleFr} ; celui-ci est à l'état « {state} ».",
                $"{ruleEn}; this one is '{state}'."),
            new Dictionary<string, object?> { ["state"] = state });
    }
}
