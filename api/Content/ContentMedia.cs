using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Content;

/// <summary>
/// What publishing needs from the media library (Features/Media implements it), so that Content does not reach into
/// Features. An item uses an image of the library by the <c>mediaId</c> of its cover, and by the image's
/// <c>/media/{hash}/…</c> address in its rich text.
/// </summary>
public interface IContentMedia
{
    /// <summary>
    /// Before an item is published: every image it uses exists and has its alt text, or a 422 problem whose
    /// <c>errors</c> name each field (<c>cover</c>, <c>body</c>) and what to fix.
    /// </summary>
    Task RequireUsableAsync(IItemContent content, CancellationToken ct);

    /// <summary>The images an item uses, each with its widths for <c>srcset</c>, for its delivery shape.</summary>
    Task<IReadOnlyList<MediaImage>> ImagesAsync(IItemContent content, CancellationToken ct);
}
