using System.Diagnostics;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Vivapolis.Api.Features.Media;

namespace Vivapolis.Api.Demo;

/// <summary>
/// bench/media.sh: what an upload costs in the media pipeline itself (check, decode, orient, strip, every width in
/// WebP and JPEG), on photos of the sizes editors send, with the settings the API runs with. Prints one table.
/// </summary>
public static class MediaBench
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 5;
        var processor = services.GetRequiredService<ImageProcessor>();
        var options = services.GetRequiredService<IOptions<MediaOptions>>().Value;
        await output.WriteLineAsync($"ImageSharp {typeof(Image).Assembly.GetName().Version}, {Environment.ProcessorCount} cores, " +
                                    $"widths {string.Join('/', options.Widths)}, JPEG q{options.JpegQuality}, WebP q{options.WebpQuality}, {runs} runs each");
        await output.WriteLineAsync("| photo | upload | files | stored | median | min | max | peak working set |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (width, height) in new[] { (1600, 1067), (4000, 3000), (6000, 4000) })
        {
            var photo = Photo(width, height);
            var times = new List<double>();
            ProcessedImage? last = null;
            await processor.ProcessAsync(photo, CancellationToken.None); // warm-up: JIT and pools
            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            long peak = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                last = await processor.ProcessAsync(photo, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            times.Sort();
            var stored = last!.Files.Sum(f => (long)f.Bytes.Length);
            await output.WriteLineAsync($"| {width} × {height} ({width * height / 1e6:0.#} MP) | {photo.Length / 1024} KB | {last.Files.Count} | " +
                                        $"{stored / 1024} KB | {times[times.Count / 2]:0} ms | {times[0]:0} ms | {times[^1]:0} ms | {peak / (1024 * 1024)} MB |");
        }
        return 0;
    }

    /// <summary>A photo-like JPEG (gradients and detail, quality 90), as a camera's would compress.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)((y * 255 / height + (x ^ y) % 23) & 255), (byte)(((x / 7) * (y / 5)) % 256));
            }
        });
        image.Mutate(c => c.GaussianBlur(1.2f));
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }
}
