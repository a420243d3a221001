using System.Text.Json.Serialization;
using JasperFx;
using Microsoft.Extensions.Options;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>
/// An image of the library, as stored: what was recognised from its bytes, the files made from it, and the texts
/// editors write. The files never change; only the texts are edited, version-checked like content.
/// </summary>
public sealed class MediaItem : IRevisioned
{
    public Guid Id { get; set; }

    /// <summary>See <see cref="ImageProcessor.HashOf"/>; unique: the same upload twice is one image.</summary>
    public string Hash { get; set; } = "";

    public ImageFormat Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string FileName { get; set; } = "";
    public string? Alt { get; set; }
    public string? Credit { get; set; }
    public string? Caption { get; set; }
    public List<StoredVariant> Variants { get; set; } = [];

    /// <summary>Raised by every edit; Marten checks it so that no concurrent edit is lost.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    [JsonIgnore]
    public bool HasAlt => !string.IsNullOrWhiteSpace(Alt);

    /// <summary>The full-width file in the upload's own format: the image's <c>url</c>.</summary>
    [JsonIgnore]
    public StoredVariant Original => Variants.Single(v => v.Format == Format && v.Width == Width);

    [JsonIgnore]
    public IEnumerable<string> Keys => Variants.Select(v => MediaFiles.Key(Hash, v.File));
}

/// <summary>One file of an image: <c>w640.webp</c>, 640 × 427, 38 211 bytes.</summary>
public sealed record StoredVariant(string File, ImageFormat Format, int Width, int Height, long Bytes);

// Appended to the image's own stream (stream id = media id) with each change, for the audit log.
public sealed record MediaUploaded(string FileName, string Hash, string By, DateTimeOffset At);

public sealed record MediaEdited(string FileName, int Version, string By, DateTimeOffset At);

public sealed record MediaDeleted(string FileName, string Hash, string By, DateTimeOffset At);

/// <summary>
/// Absolute URLs of the files: from <see cref="MediaOptions.PublicBaseUrl"/> when set (production, or a CDN), else from
/// the request's own scheme and host; outside a request without the setting, root-relative.
/// </summary>
public sealed class MediaUrls(IOptions<MediaOptions> options, IHttpContextAccessor http)
{
    public const string Prefix = "/media";

    public string Of(string hash, string file) => $"{Origin()}{Prefix}/{hash}/{file}";

    private string Origin()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        return http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "";
    }

    public MediaVariant Variant(MediaItem media, StoredVariant v) => new()
    {
        Url = Of(media.Hash, v.File), Format = v.Format, MimeType = MediaFiles.MimeType(v.Format),
        Width = v.Width, Height = v.Height, Bytes = v.Bytes,
    };

    public MediaDetails Details(MediaItem m) => new()
    {
        Id = m.Id, Url = Of(m.Hash, m.Original.File), FileName = m.FileName, Format = m.Format,
        MimeType = MediaFiles.MimeType(m.Format), Width = m.Width, Height = m.Height, Bytes = m.Original.Bytes, Hash = m.Hash,
        Alt = m.Alt, Credit = m.Credit, Caption = m.Caption,
        Variants = m.Variants.OrderBy(v => v.Width).ThenBy(v => v.Format).Select(v => Variant(m, v)).ToList(),
        Version = m.Version, CreatedAt = m.CreatedAt, CreatedBy = m.CreatedBy, UpdatedAt = m.UpdatedAt, UpdatedBy = m.UpdatedBy,
    };

    /// <summary>The image as a published item carries it; <paramref name="alt"/> and <paramref name="credit"/> are the item's own, if it gave them.</summary>
    public MediaImage Image(MediaItem m, string? alt = null, string? credit = null) => new()
    {
        Id = m.Id, Url = Of(m.Hash, m.Original.File), Width = m.Width, Height = m.Height,
        Alt = string.IsNullOrWhiteSpace(alt) ? m.Alt ?? "" : alt, Credit = string.IsNullOrWhiteSpace(credit) ? m.Credit : credit,
        Caption = m.Caption,
        Variants = m.Variants.OrderBy(v => v.Width).ThenBy(v => v.Format).Select(v => Variant(m, v)).ToList(),
    };
}
