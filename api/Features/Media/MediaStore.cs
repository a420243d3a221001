using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ImageFormat = Vivapolis.Contracts.Media.ImageFormat;

namespace Vivapolis.Api.Features.Media;

/// <summary>
/// Where the files of the library live. Keys are <c>{hash}/{file}</c> (<c>3fa9…c1/w640.webp</c>): named by the content
/// hash of the upload, so a key's bytes never change and the same upload is stored once. A disk folder by default
/// (<see cref="DiskMediaStore"/>); several nodes share one object store instead (see the README's Media section).
/// </summary>
public interface IMediaStore
{
    /// <summary>Writes the file; writing a key that exists already leaves it as it is (its bytes are the same).</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> bytes, string mimeType, CancellationToken ct);

    /// <summary>The file to read, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Removes the file; removing a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>The names of the library's files: what a key looks like, and the extension and MIME type of each format.</summary>
public static partial class MediaFiles
{
    /// <summary>The folder (the hash) and a file of it, as URLs and keys name them. Nothing else reaches a store.</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    public static partial Regex Hash();

    [GeneratedRegex(@"^w[1-9][0-9]{0,4}\.(jpg|png|webp)$")]
    public static partial Regex FileName();

    public static bool IsKey(string hash, string file) => Hash().IsMatch(hash) && FileName().IsMatch(file);

    public static string Key(string hash, string file) => $"{hash}/{file}";

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        _ => "webp",
    };

    public static string MimeType(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    public static string MimeTypeOfFile(string file) => Path.GetExtension(file) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        _ => "image/webp",
    };
}

/// <summary>
/// The files in a folder on disk (<c>Vivapolis:Media:Root</c>). Each file is written beside its final name and then
/// moved there, so a reader never sees half a file; every key is checked against <see cref="MediaFiles"/> first, so no
/// path can leave the folder.
/// </summary>
public sealed class DiskMediaStore(IOptions<MediaOptions> options) : IMediaStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> bytes, string mimeType, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 2 || !MediaFiles.IsKey(parts[0], parts[1]))
            throw new ArgumentException($"Not a media key: {key}", nameof(key));
        // Two levels (3f/3fa9…) keep folders small once the library holds tens of thousands of images.
        return Path.Combine(_root, parts[0][..2], parts[0], parts[1]);
    }
}
