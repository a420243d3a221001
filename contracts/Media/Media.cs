using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Media;

/// <summary>The encoding of an image file of the library.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageFormat>))]
public enum ImageFormat
{
    [JsonStringEnumMemberName("jpeg")] Jpeg,
    [JsonStringEnumMemberName("png")] Png,
    [JsonStringEnumMemberName("webp")] Webp,
}

/// <summary>
/// One file made from an uploaded image: a width in WebP or in the image's own format. Files are named by the
/// content hash of the upload and never change, so they are served with <c>Cache-Control: immutable</c>.
/// </summary>
public sealed record MediaVariant
{
    /// <summary>Where the file is served, anonymously: <c>…/media/{hash}/w640.webp</c>.</summary>
    public required string Url { get; init; }

    public required ImageFormat Format { get; init; }

    /// <summary>The MIME type, for a <c>&lt;source type&gt;</c>: <c>image/webp</c>, <c>image/jpeg</c>, <c>image/png</c>.</summary>
    public required string MimeType { get; init; }

    /// <summary>Width in pixels, for the <c>w</c> descriptor of a <c>srcset</c>.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Size of the file in bytes.</summary>
    public required long Bytes { get; init; }
}

/// <summary>An image of the media library, as editors see it.</summary>
/// <remarks>To edit its texts, send <see cref="MediaTexts"/> with <c>PUT</c> and the <c>ETag</c> in <c>If-Match</c>.</remarks>
public sealed record MediaDetails
{
    public required Guid Id { get; init; }

    /// <summary>The cleaned original (metadata removed), at its full size: the URL to put in a cover or in rich text.</summary>
    public required string Url { get; init; }

    /// <summary>The name of the uploaded file, as the editor's computer called it; for search only.</summary>
    public required string FileName { get; init; }

    /// <summary>The format recognised from the file's bytes (never from its name or declared type).</summary>
    public required ImageFormat Format { get; init; }

    public required string MimeType { get; init; }

    /// <summary>Width of the original in pixels, after the camera's orientation was applied.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Size of the stored original in bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>SHA-256 of the uploaded bytes (first 128 bits, hex): the same file uploaded again is this image.</summary>
    public required string Hash { get; init; }

    /// <summary>Text alternative read by screen readers. Required before the image can appear in a published item.</summary>
    public string? Alt { get; init; }

    /// <summary>Photographer or rights holder, shown with the image.</summary>
    public string? Credit { get; init; }

    /// <summary>A caption editors may reuse under the image.</summary>
    public string? Caption { get; init; }

    /// <summary>Every file made from it, narrowest first: WebP and the original format at each width, for <c>srcset</c>.</summary>
    public required IReadOnlyList<MediaVariant> Variants { get; init; }

    /// <summary>Raised by every edit; the ETag is made from it.</summary>
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who uploaded it (e-mail). Authors may edit and delete only their own uploads.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }
}

/// <summary>The texts of an image that editors write; the file itself never changes (upload another one).</summary>
public sealed record MediaTexts
{
    /// <summary>Text alternative (300 characters at most): what the image shows, for someone who cannot see it.</summary>
    [MaxLength(300)]
    public string? Alt { get; init; }

    /// <summary>Photographer or rights holder (200 characters at most), for example "Photo : Ville de Lyon".</summary>
    [MaxLength(200)]
    public string? Credit { get; init; }

    /// <summary>Caption (1000 characters at most).</summary>
    [MaxLength(1000)]
    public string? Caption { get; init; }
}

/// <summary>An item that shows an image, as a refused deletion lists it.</summary>
public sealed record MediaUse
{
    /// <summary>Content type: article, fiche or event.</summary>
    public required string Type { get; init; }

    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Slug { get; init; }

    /// <summary>The item's status (draft, in_review, scheduled, published, unpublished).</summary>
    public required string Status { get; init; }

    /// <summary>True when its current content uses the image (as its cover or in its text).</summary>
    public required bool InCurrentContent { get; init; }

    /// <summary>True when the version the public sees uses the image.</summary>
    public required bool InPublishedVersion { get; init; }
}

/// <summary>
/// An image as partners receive it with a published item: what an <c>&lt;img srcset&gt;</c> or a
/// <c>&lt;picture&gt;</c> needs. The cover's <c>mediaId</c>, or an <c>&lt;img src&gt;</c> of the rich text, names it.
/// </summary>
public sealed record MediaImage
{
    public required Guid Id { get; init; }

    /// <summary>The original (cleaned) at full size, for <c>src</c>.</summary>
    public required string Url { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Text alternative: the one the item gives (its cover's), else the library's.</summary>
    public required string Alt { get; init; }

    /// <summary>Photographer or rights holder.</summary>
    public string? Credit { get; init; }

    public string? Caption { get; init; }

    /// <summary>Every width in WebP and in the original format, narrowest first.</summary>
    public required IReadOnlyList<MediaVariant> Variants { get; init; }
}
