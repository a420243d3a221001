using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>An image to add to the media library, as a multipart/form-data form.</summary>
public sealed class UploadMediaForm
{
    /// <summary>The image: JPEG, PNG or WebP, recognised from its bytes; 20 MiB and 40 million pixels at most.</summary>
    public required IFormFile File { get; init; }

    /// <summary>Text alternative (300 characters at most); may be given later, but is required before publication.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(300)]
    public string? Alt { get; init; }

    /// <summary>Photographer or rights holder (200 characters at most).</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(200)]
    public string? Credit { get; init; }

    /// <summary>Caption (1000 characters at most).</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(1000)]
    public string? Caption { get; init; }
}

/// <summary>
/// POST /api/v1/manage/media: an image into the library. Its bytes are checked, cleaned of their metadata and made
/// into every width in WebP and in their own format, stored under their hash. The same file uploaded again is the
/// image already there (200), not a copy.
/// </summary>
public sealed class UploadMedia(IDocumentSession session, ImageProcessor processor, IMediaStore store, MediaUrls urls,
    IOptions<MediaOptions> options, MediaTextsValidator validator, TimeProvider clock) : EndpointWithoutRequest<MediaDetails>
{
    public override void Configure()
    {
        Post(MediaRoutes.Collection);
        Roles(MediaRoutes.Users);
        Description(b => b.ClearDefaultAccepts().ClearDefaultProduces()
            .Accepts<UploadMediaForm>("multipart/form-data")
            .Produces<MediaDetails>(201, "application/json")
            .Produces<MediaDetails>(200, "application/json")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415));
        Summary(s =>
        {
            s.Summary = "Upload an image to the media library";
            s.Description = "A multipart/form-data form with the image in `file` and, optionally, `alt`, `credit` and `caption`. " +
                            "JPEG, PNG and WebP only, recognised from the bytes (never the name or the declared type); SVG, GIF, " +
                            "AVIF and HEIC are refused (415). 20 MiB (413), 40 million pixels and 12,000 pixels a side at most, " +
                            "checked before decoding. EXIF (GPS included), IPTC and XMP are removed from every stored file. " +
                            "201 with the new image, or 200 with the image already in the library when the same file was " +
                            "uploaded before.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var form = await UploadForm.ReadAsync(HttpContext.Request, options.Value.MaxUploadBytes, ct);
        var texts = MediaRoutes.Normalize(new MediaTexts { Alt = form.Alt, Credit = form.Credit, Caption = form.Caption });
        await validator.ValidateAndThrowAsync(texts, ct);
        // Refused before any lock or lookup: a file that is not an image costs nothing more.
        processor.Inspect(form.File);

        var hash = ImageProcessor.HashOf(form.File);
        // Uploads of the same bytes (and the deletion of that image) take turns, so the files and the record agree.
        await session.LockUntilCommitAsync($"media:{hash}", ct);
        if (await session.Query<MediaItem>().FirstOrDefaultAsync(m => m.Hash == hash, ct) is { } existing)
        {
            await RespondAsync(existing, 200, ct);
            return;
        }

        var image = await processor.ProcessAsync(form.File, ct);
        foreach (var file in image.Files)
            await store.PutAsync(MediaFiles.Key(hash, file.Name), file.Bytes, MediaFiles.MimeType(file.Format), ct);
        var now = clock.Now();
        var media = new MediaItem
        {
            Id = Guid.CreateVersion7(now), Hash = hash, Format = image.Format, Width = image.Width, Height = image.Height,
            FileName = form.FileName, Alt = texts.Alt, Credit = texts.Credit, Caption = texts.Caption,
            Variants = image.Files.Select(f => new StoredVariant(f.Name, f.Format, f.Width, f.Height, f.Bytes.LongLength)).ToList(),
            Version = 1, CreatedAt = now, CreatedBy = User.Actor(), UpdatedAt = now, UpdatedBy = User.Actor(),
        };
        session.Insert(media);
        session.Events.StartStream<MediaItem>(media.Id, new MediaUploaded(media.FileName, hash, media.CreatedBy, now));
        await session.SaveChangesAsync(ct);
        await RespondAsync(media, 201, ct);
    }

    private async Task RespondAsync(MediaItem media, int status, CancellationToken ct)
    {
        HttpContext.Response.Headers.Location = $"{MediaRoutes.Collection}/{media.Id}";
        HttpContext.SetETag(media);
        await Send.ResponseAsync(urls.Details(media), status, ct);
    }
}
