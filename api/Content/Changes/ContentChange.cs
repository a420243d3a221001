using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Content.Changes;

/// <summary>
/// One change to the published set, appended by <see cref="ChangeLog"/> in the same transaction as the content.
/// </summary>
/// <param name="Type">The content type's name (<see cref="ContentTypeInfo.Name"/>).</param>
/// <param name="Version">The item's version after the change (the delivery shape's version for an upsert).</param>
/// <param name="ItemJson">For an upsert, the delivery shape as stored for delivery (Marten's serialisation); else null.</param>
/// <param name="FormerSlug">The public slug the item had before, when this change moved it.</param>
public sealed record ContentChange(
    string Type, Guid ItemId, Locale? Locale, string? Slug, ChangeKind Kind, int Version, DateTimeOffset ChangedAt,
    string? ItemJson, string? FormerSlug = null)
{
    public SyncOp Op => Kind is ChangeKind.Published or ChangeKind.Republished or ChangeKind.SlugChanged
        ? SyncOp.Upsert : SyncOp.Delete;
}

/// <summary>A change as read back from the log, with its position (commit order; see <see cref="ChangeLog"/>).</summary>
public sealed record LoggedChange(long Position, ContentChange Change);
