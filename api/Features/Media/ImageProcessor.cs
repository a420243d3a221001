using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Vivapolis.Api.Infrastructure;
using ImageFormat = Vivapolis.Contracts.Media.ImageFormat;

namespace Vivapolis.Api.Features.Media;

/// <summary>One file made from an upload, ready for the store.</summary>
public sealed record ProcessedFile(string Name, ImageFormat Format, int Width, int Height, byte[] Bytes);

/// <summary>An upload once checked and cleaned: its hash, its size after orientation, and every file made from it.</summary>
public sealed record ProcessedImage(string Hash, ImageFormat Format, int Width, int Height, IReadOnlyList<ProcessedFile> Files)
{
    /// <summary>The full-width file in the upload's own format: the image's <c>url</c>.</summary>
    public ProcessedFile Original => Files.Single(f => f.Format == Format && f.Width == Width);
}

/// <summary>
/// Turns uploaded bytes into clean files with SixLabors.ImageSharp 2.1 (Apache-2.0; fully managed, so a crafted file
/// can at worst throw, not corrupt memory as a native decoder might, and nothing native has to be installed on the
/// nodes). In order: the format from the bytes alone, completeness, the size from the header (so a decompression bomb
/// is refused before a single pixel is decoded), then decoding under an allocation limit, the camera's orientation
/// applied, every metadata profile but the colour profile dropped, the full size re-encoded in its own format, and each
/// configured width in WebP and in that format (see bench/media.sh for what it costs).
/// </summary>
public sealed class ImageProcessor
{
    /// <summary>Only the three formats we accept are known to this configuration: anything else is not recognised.</summary>
    private readonly Configuration _formats;
    private readonly MediaOptions _options;
    private readonly SemaphoreSlim _slots;

    public ImageProcessor(IOptions<MediaOptions> options)
    {
        _options = options.Value;
        _slots = new SemaphoreSlim(_options.ConcurrentProcessing);
        _formats = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            // A second guard behind the header check: no single buffer may pass this, whatever a decoder believes.
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = (int)Math.Min(int.MaxValue, _options.MaxPixels * 4 / (1024 * 1024) + 64),
            }),
        };
    }

    /// <summary>SHA-256 of the uploaded bytes, its first 128 bits in hex: the name of the image's folder.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];

    /// <summary>Checks the bytes without decoding them: the format and the declared size. Throws a problem when refused.</summary>
    public (ImageFormat Format, int Width, int Height) Inspect(byte[] bytes)
    {
        var detected = Image.DetectFormat(_formats, bytes);
        var format = detected switch
        {
            JpegFormat => ImageFormat.Jpeg,
            PngFormat => ImageFormat.Png,
            WebpFormat => ImageFormat.Webp,
            _ => throw Unsupported(bytes),
        };
        if (!IsComplete(bytes, format)) throw Unreadable();
        if (format == ImageFormat.Webp && IsAnimatedWebp(bytes))
            throw MediaProblems.File(415, "Les images animées ne sont pas acceptées : envoyez une image fixe.",
                "Animated images are not accepted: send a still image.");
        IImageInfo? info;
        try
        {
            info = Image.Identify(_formats, bytes, out _);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            throw Unreadable();
        }
        if (info is null || info.Width < 1 || info.Height < 1) throw Unreadable();
        if (info.Width > _options.MaxSide || info.Height > _options.MaxSide || (long)info.Width * info.Height > _options.MaxPixels)
            throw MediaProblems.File(400,
                $"L'image mesure {info.Width} × {info.Height} pixels : au plus {_options.MaxPixels / 1_000_000} millions de pixels et {_options.MaxSide} pixels de côté.",
                $"The image is {info.Width} × {info.Height} pixels: at most {_options.MaxPixels / 1_000_000} million pixels and {_options.MaxSide} pixels a side.");
        return (format, info.Width, info.Height);
    }

    /// <summary>Inspects, then decodes and makes every file. Throws a problem when the bytes are refused.</summary>
    public async Task<ProcessedImage> ProcessAsync(byte[] bytes, CancellationToken ct)
    {
        var (format, _, _) = Inspect(bytes);
        await _slots.WaitAsync(ct);
        try
        {
            using var image = Decode(bytes);
            image.Mutate(x => x.AutoOrient());
            Strip(image);
            var files = new List<ProcessedFile> { Encode(image, format) };
            // WebP up to the widest configured width only: a full-size WebP of a 6,000-pixel photo takes ten times
            // longer to encode than all the others together, and no srcset asks for it (the original is there).
            var widest = _options.Widths.Length == 0 ? 0 : _options.Widths.Max();
            if (format != ImageFormat.Webp && image.Width <= widest) files.Add(Encode(image, ImageFormat.Webp));
            // Widest first, each made from the one before: a 1,024 from the 1,600 costs a tenth of one from 6,000.
            Image previous = image;
            foreach (var width in _options.Widths.Where(w => w < image.Width).Distinct().OrderDescending())
            {
                ct.ThrowIfCancellationRequested();
                var sized = previous.Clone(x => x.Resize(width, 0));
                if (previous != image) previous.Dispose();
                previous = sized;
                files.Add(Encode(sized, ImageFormat.Webp));
                if (format != ImageFormat.Webp) files.Add(Encode(sized, format));
            }
            if (previous != image) previous.Dispose();
            return new ProcessedImage(HashOf(bytes), format, image.Width, image.Height,
                files.OrderBy(f => f.Width).ThenBy(f => f.Format).ToList());
        }
        finally
        {
            _slots.Release();
        }
    }

    private Image<Rgba32> Decode(byte[] bytes)
    {
        try
        {
            var image = Image.Load<Rgba32>(_formats, bytes);
            // Only the first frame: an animation would multiply the work, and a cover does not move.
            while (image.Frames.Count > 1) image.Frames.RemoveFrame(1);
            return image;
        }
        catch (Exception e) when (IsBadImage(e))
        {
            throw Unreadable();
        }
        catch (InvalidMemoryOperationException)
        {
            throw MediaProblems.File(400, "Cette image est trop grande pour être traitée.", "This image is too large to process.");
        }
    }

    /// <summary>
    /// Drops EXIF (GPS position, camera serial, date), IPTC, XMP and PNG text from the image and each frame. The colour
    /// profile stays: without it a wide-gamut photo would lose its colours, and it says nothing about anyone.
    /// </summary>
    private static void Strip(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private ProcessedFile Encode(Image image, ImageFormat format)
    {
        using var output = new MemoryStream();
        IImageEncoder encoder = format switch
        {
            ImageFormat.Jpeg => new JpegEncoder { Quality = _options.JpegQuality },
            ImageFormat.Png => new PngEncoder { CompressionLevel = PngCompressionLevel.DefaultCompression },
            // Method 2 of 0–6: three times faster than the default 4, for files a few percent larger.
            _ => new WebpEncoder { Quality = _options.WebpQuality, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Level2 },
        };
        image.Save(output, encoder);
        return new ProcessedFile($"w{image.Width}.{MediaFiles.Extension(format)}", format, image.Width, image.Height, output.ToArray());
    }

    /// <summary>
    /// A cut-off file decodes as grey bands, or not at all, depending on where it stops: a JPEG must end with its
    /// end-of-image marker, a PNG with its IEND chunk, a WebP must be as long as its RIFF header says.
    /// </summary>
    private static bool IsComplete(byte[] bytes, ImageFormat format)
    {
        var span = bytes.AsSpan().TrimEnd((byte)0);
        return format switch
        {
            ImageFormat.Jpeg => span.Length >= 4 && span[^2] == 0xFF && span[^1] == 0xD9,
            ImageFormat.Png => span.Length >= 12 && span[^8..^4].SequenceEqual("IEND"u8),
            _ => bytes.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)) + 8L <= bytes.Length,
        };
    }

    /// <summary>The animation flag of a WebP's VP8X header (ImageSharp 2.1 would decode every frame to read it).</summary>
    private static bool IsAnimatedWebp(byte[] bytes) =>
        bytes.Length > 21 && bytes.AsSpan(12, 4).SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;

    private static bool IsBadImage(Exception e) =>
        e is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException
            or IndexOutOfRangeException or ArgumentException or EndOfStreamException or InvalidDataException;

    private static ProblemException Unreadable() => MediaProblems.File(400,
        "Ce fichier est abîmé ou incomplet : l'image ne peut pas être lue.", "This file is damaged or incomplete: the image cannot be read.");

    /// <summary>415, naming what the bytes look like when it is a format people often try.</summary>
    private static ProblemException Unsupported(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var brand = bytes.Length >= 12 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8) ? Encoding.ASCII.GetString(bytes, 8, 4) : null;
        var (fr, en) = true switch
        {
            _ when head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase) =>
                ("Les images SVG sont refusées : un SVG peut contenir du script. Envoyez un PNG ou un WebP.",
                 "SVG images are refused: an SVG can carry script. Send a PNG or a WebP."),
            _ when brand is "avif" or "avis" =>
                ("Le format AVIF n'est pas pris en charge : envoyez un JPEG, un PNG ou un WebP.",
                 "AVIF is not supported: send a JPEG, PNG or WebP."),
            _ when brand is "heic" or "heix" or "mif1" or "msf1" or "hevc" =>
                ("Le format HEIC (iPhone) n'est pas pris en charge : exportez la photo en JPEG.",
                 "HEIC (iPhone) is not supported: export the photo as JPEG."),
            _ when head.StartsWith("GIF8", StringComparison.Ordinal) =>
                ("Le format GIF n'est pas pris en charge : envoyez un PNG ou un WebP.", "GIF is not supported: send a PNG or a WebP."),
            _ => ("Ce fichier n'est pas une image JPEG, PNG ou WebP.", "This file is not a JPEG, PNG or WebP image."),
        };
        return MediaProblems.File(415, fr, en);
    }
}

/// <summary>Refusals of an upload, as problems whose <c>errors.file</c> says why.</summary>
public static class MediaProblems
{
    public static ProblemException File(int status, string french, string english) =>
        new(status, Problems.Title(status), Text.Of(french, english), new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["file"] = [Text.Of(french, english)] },
        });

    public static ProblemException Field(string field, string french, string english) =>
        new(400, Text.Of("La requête contient des erreurs", "The request has validation errors"), Text.Of(french, english),
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [Text.Of(french, english)] } });
}
