using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// One stream per item (stream id = item id). History, audit, the change feed and webhooks read these.
// Each event is appended in the same SaveChanges as the document change it records.

public sealed record ItemCreated(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemEdited(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemPublished(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemUnpublished(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

public sealed record ItemDeleted(string Type, string Slug, Locale Locale, int Version, string By, DateTimeOffset At);

/// <summary>Personal data was erased: the item's earlier stream is gone, and this, without the data, starts its new one.</summary>
public sealed record ItemErased(string Type, string By, DateTimeOffset At);
