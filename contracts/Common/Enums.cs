using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Common;

/// <summary>Where an item stands in the editorial lifecycle.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContentStatus>))]
public enum ContentStatus
{
    [JsonStringEnumMemberName("draft")] Draft,
    [JsonStringEnumMemberName("in_review")] InReview,
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    [JsonStringEnumMemberName("published")] Published,
    [JsonStringEnumMemberName("unpublished")] Unpublished,
}

/// <summary>The language an item is written in. French first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Locale>))]
public enum Locale
{
    [JsonStringEnumMemberName("fr")] Fr,
    [JsonStringEnumMemberName("en")] En,
}
