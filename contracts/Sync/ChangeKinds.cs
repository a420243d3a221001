using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Sync;

/// <summary>Why the published set changed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    /// <summary>First publication, or publication again after an unpublication.</summary>
    [JsonStringEnumMemberName("published")] Published,

    /// <summary>A published item's public version was replaced by a newer one, under the same slug.</summary>
    [JsonStringEnumMemberName("republished")] Republished,

    /// <summary>A publication moved the item to a new public slug (the former one redirects to it).</summary>
    [JsonStringEnumMemberName("slug_changed")] SlugChanged,

    /// <summary>The item was unpublished.</summary>
    [JsonStringEnumMemberName("unpublished")] Unpublished,

    /// <summary>A published item was deleted.</summary>
    [JsonStringEnumMemberName("deleted")] Deleted,

    /// <summary>A personal-data erasure: no slug is given, and nothing of the item remains.</summary>
    [JsonStringEnumMemberName("erased")] Erased,

    /// <summary>An edit left nothing public to show (an advertiser contact or a member made private): its public copy went at once.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>What a mirror does with a change: store the item as given, or forget it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncOp>))]
public enum SyncOp
{
    [JsonStringEnumMemberName("upsert")] Upsert,
    [JsonStringEnumMemberName("delete")] Delete,
}
