using FastEndpoints;
using Microsoft.Net.Http.Headers;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Media;

/// <summary>A file of the library by its path.</summary>
public sealed class MediaFileRequest
{
    /// <summary>The image's hash (32 hexadecimal characters).</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[0-9a-f]{32}$")]
    public string Hash { get; init; } = "";

    /// <summary>The file: <c>w{width}.{jpg|png|webp}</c>.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression(@"^w[1-9][0-9]{0,4}\.(jpg|png|webp)$")]
    public string File { get; init; } = "";
}

/// <summary>
/// GET /media/{hash}/{file}: anonymous, and cacheable for a year by any cache: a path names bytes that never change.
/// </summary>
public sealed class GetMediaFile(IMediaStore store) : Endpoint<MediaFileRequest>
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public override void Configure()
    {
        Get(MediaUrls.Prefix + "/{hash}/{file}");
        AllowAnonymous();
        Description(b => b.ClearDefaultAccepts().ClearDefaultProduces()
            .Produces(200, typeof(Stream), "image/webp", "image/jpeg", "image/png")
            .Produces(304).ProducesProblem(404));
        Summary(s =>
        {
            s.Summary = "Get a file of the media library";
            s.Description = "The URLs of images and their variants (`url` and `variants[].url`) point here. Anonymous, open " +
                            "to every origin, `Cache-Control: public, max-age=31536000, immutable`, with an ETag.";
        });
    }

    public override async Task HandleAsync(MediaFileRequest request, CancellationToken ct)
    {
        if (!MediaFiles.IsKey(request.Hash, request.File)) throw ProblemException.NotFound();
        var etag = $"\"{request.Hash}-{request.File}\"";
        var headers = HttpContext.Response.Headers;
        if (ETags.IfNoneMatchHits(HttpContext.Request, etag))
        {
            headers.ETag = etag;
            headers.CacheControl = CacheControl;
            await Send.StatusCodeAsync(304, ct);
            return;
        }
        var stream = await store.OpenAsync(MediaFiles.Key(request.Hash, request.File), ct) ?? throw ProblemException.NotFound();
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        // Partner sites that isolate themselves (Cross-Origin-Embedder-Policy) may still show our images.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        await Send.StreamAsync(stream, contentType: MediaFiles.MimeTypeOfFile(request.File), cancellation: ct);
    }
}
