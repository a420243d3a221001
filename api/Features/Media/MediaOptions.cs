namespace Vivapolis.Api.Features.Media;

/// <summary>The <c>Vivapolis:Media</c> settings: where files go, what is accepted, what is made.</summary>
public sealed class MediaOptions
{
    public const string Section = "Vivapolis:Media";

    /// <summary>The folder of the disk store; run.sh sets it to <c>$VIVAPOLIS_DATA_DIR/media</c>.</summary>
    public string Root { get; set; } = Path.Combine(".data", "media");

    /// <summary>
    /// The origin that media URLs start with (<c>https://cms.vivapolis.fr</c>, or a CDN's): without it, URLs are made
    /// from the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest upload, in bytes (413 above it): 20 MiB, more than any camera's JPEG.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most pixels an image may have, read from its header before anything is decoded: 40 million (a 7,700 ×
    /// 5,200 photo) is 160 MB once decoded; a decompression bomb declares billions.
    /// </summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side, in pixels.</summary>
    public int MaxSide { get; set; } = 12_000;

    /// <summary>
    /// The widths made of every image, narrower than it: 320 (thumbnails and lists), 640 and 1024 (inline images,
    /// phones), 1600 (covers on wide screens). The full width is always kept as well.
    /// </summary>
    public int[] Widths { get; set; } = [320, 640, 1024, 1600];

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 80;

    /// <summary>Images decoded at once on one node: each may hold hundreds of megabytes while it is processed.</summary>
    public int ConcurrentProcessing { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);
}
