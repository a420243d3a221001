using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Common;

/// <summary>What a change to an item did. Every change is one revision, numbered by the item's version.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RevisionAction>))]
public enum RevisionAction
{
    [JsonStringEnumMemberName("created")] Created,
    [JsonStringEnumMemberName("edited")] Edited,
    [JsonStringEnumMemberName("submitted")] Submitted,
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    [JsonStringEnumMemberName("unscheduled")] Unscheduled,
    [JsonStringEnumMemberName("published")] Published,
    [JsonStringEnumMemberName("unpublished")] Unpublished,
    [JsonStringEnumMemberName("restored")] Restored,
    [JsonStringEnumMemberName("discarded")] Discarded,
    [JsonStringEnumMemberName("deleted")] Deleted,
}

/// <summary>One line of an item's history: who did what, and when.</summary>
public sealed record RevisionSummary
{
    /// <summary>The item's version this change made; <c>GET .../revisions/{version}</c> returns its content.</summary>
    public required int Version { get; init; }
    /// <summary>What the change did.</summary>
    public required RevisionAction Action { get; init; }
    /// <summary>Who made it.</summary>
    public required string By { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>The item's status after the change.</summary>
    public required ContentStatus Status { get; init; }
    /// <summary>For a restore, the version whose content was restored.</summary>
    public int? RestoredFrom { get; init; }
}

/// <summary>An item as it was at one version: who made that version, and its content then.</summary>
public sealed record ManagedRevision<TContent> where TContent : class
{
    /// <summary>The item's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The content type's name (the content types are listed in the description of this contract).</summary>
    public required string Type { get; init; }
    /// <summary>The version this revision made.</summary>
    public required int Version { get; init; }
    /// <summary>What the change did.</summary>
    public required RevisionAction Action { get; init; }
    /// <summary>Who made it.</summary>
    public required string By { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>The item's status after the change.</summary>
    public required ContentStatus Status { get; init; }
    /// <summary>The slug in use at that version.</summary>
    public required string Slug { get; init; }
    /// <summary>For a restore, the version whose content was restored.</summary>
    public int? RestoredFrom { get; init; }
    /// <summary>The editable content at that version.</summary>
    public required TContent Content { get; init; }
}

/// <summary>What changed in an item's content between two versions.</summary>
/// <param name="From">The older version compared.</param>
/// <param name="To">The newer version compared.</param>
/// <param name="Changes">One entry per changed field, in document order; empty when the content is the same.</param>
public sealed record RevisionDiff(int From, int To, IReadOnlyList<FieldChange> Changes);

/// <summary>One changed field.</summary>
/// <param name="Path">Where it is in the content, camelCase, dotted for nested objects and <c>[i]</c> for array items: <c>title</c>, <c>interviewee.name</c>, <c>tags[1]</c>.</param>
/// <param name="Old">The value in the older version; null when absent or null there. Rich text as plain text.</param>
/// <param name="New">The value in the newer version; null when absent or null there. Rich text as plain text.</param>
/// <param name="RichText">True when the field holds HTML: <c>old</c>, <c>new</c> and <c>words</c> are its text, tags removed, so that a change reads as the words that changed.</param>
/// <param name="Words">For text fields, the text word by word: what stayed, what was removed, what was added. Null for other values.</param>
public sealed record FieldChange(string Path, JsonElement? Old, JsonElement? New, bool RichText, IReadOnlyList<WordChange>? Words);

/// <summary>A run of words in a text comparison.</summary>
/// <param name="Kind">Whether these words stayed, were removed or were added.</param>
/// <param name="Text">The words, separated by single spaces.</param>
public sealed record WordChange(WordChangeKind Kind, string Text);

/// <summary>What happened to a run of words between two versions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WordChangeKind>))]
public enum WordChangeKind
{
    [JsonStringEnumMemberName("kept")] Kept,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("added")] Added,
}
