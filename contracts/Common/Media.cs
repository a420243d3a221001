using System.ComponentModel.DataAnnotations;
namespace Vivapolis.Contracts.Common;

/// <summary>The picture shown at the top of an item.</summary>
/// <param name="Url">
/// Absolute https URL of the image; for an image of the media library, its <c>url</c> (a <c>/media/</c> address).
/// </param>
/// <param name="Alt">Text alternative read by screen readers; required with an image.</param>
/// <param name="Credit">Photographer or rights holder, shown under the image.</param>
/// <param name="MediaId">
/// The image of the media library this cover shows (<c>GET /api/v1/manage/media/{id}</c>), if it is one: the
/// library's image cannot be deleted while an item uses it, needs its alt text before the item is published, and
/// its widths come with the published item for <c>srcset</c>.
/// </param>
public sealed record CoverImage(
    [property: MaxLength(2000), Url] string Url,
    [property: MaxLength(300)] string Alt,
    [property: MaxLength(200)] string? Credit,
    Guid? MediaId = null);

/// <summary>What search engines and link previews show.</summary>
/// <param name="Title">Title for search results (70 characters at most); the item's title when absent.</param>
/// <param name="Description">Description for search results (160 characters at most).</param>
public sealed record SeoFields([property: MaxLength(70)] string? Title, [property: MaxLength(160)] string? Description);
