using System.ComponentModel.DataAnnotations;
namespace Vivapolis.Contracts.Common;

/// <summary>The picture shown at the top of an item.</summary>
/// <param name="Url">Absolute https URL of the image.</param>
/// <param name="Alt">Text alternative read by screen readers; required with an image.</param>
/// <param name="Credit">Photographer or rights holder, shown under the image.</param>
public sealed record CoverImage(
    [property: MaxLength(2000), Url] string Url,
    [property: MaxLength(300)] string Alt,
    [property: MaxLength(200)] string? Credit);

/// <summary>What search engines and link previews show.</summary>
/// <param name="Title">Title for search results (70 characters at most); the item's title when absent.</param>
/// <param name="Description">Description for search results (160 characters at most).</param>
public sealed record SeoFields([property: MaxLength(70)] string? Title, [property: MaxLength(160)] string? Description);
