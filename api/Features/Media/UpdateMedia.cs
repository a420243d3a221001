using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>New texts for an image.</summary>
public sealed class UpdateMediaRequest
{
    /// <summary>The image's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag of the version being edited: 412 when it is stale, 428 when absent.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    [FromBody]
    public MediaTexts Texts { get; init; } = default!;
}

/// <summary>PUT /api/v1/manage/media/{id} with If-Match: the alt text, credit and caption; nobody's edit is lost.</summary>
public sealed class UpdateMedia(IDocumentSession session, MediaUrls urls, MediaTextsValidator validator, TimeProvider clock)
    : Endpoint<UpdateMediaRequest, MediaDetails>
{
    public override void Configure()
    {
        Put(MediaRoutes.Item);
        Roles(MediaRoutes.Users);
        Description(b => b.Document<MediaTexts, MediaDetails>(200, 400, 401, 403, 404, 412, 428));
        Summary(s =>
        {
            s.Summary = "Edit an image's alt text, credit and caption (If-Match required)";
            s.Description = "Replaces the three texts (an absent or blank one is removed). Authors may edit only the images " +
                            "they uploaded. Items already published keep the texts they were published with until published again.";
        });
    }

    public override async Task HandleAsync(UpdateMediaRequest request, CancellationToken ct)
    {
        var media = await session.LoadAsync<MediaItem>(request.Id, ct) ?? throw ProblemException.NotFound();
        User.RequireMayChange(media);
        var expected = ETags.VersionFrom(request.IfMatch) ?? throw new ProblemException(428, Problems.Title(428), Text.Of(
            "Envoyez l'ETag de l'image dans l'en-tête If-Match, pour que personne n'écrase le travail d'un autre.",
            "Send the image's ETag in the If-Match header, so that nobody overwrites someone else's work."));
        if (expected != media.Version) throw ProblemException.Stale(media.Version);
        var texts = MediaRoutes.Normalize(request.Texts);
        await validator.ValidateAndThrowAsync(texts, ct);

        var now = clock.Now();
        media.Alt = texts.Alt;
        media.Credit = texts.Credit;
        media.Caption = texts.Caption;
        media.Version = expected + 1;
        media.UpdatedAt = now;
        media.UpdatedBy = User.Actor();
        // Refused by Marten (412) if another edit was saved since the load.
        session.UpdateRevision(media, media.Version);
        session.Events.Append(media.Id, new MediaEdited(media.FileName, media.Version, media.UpdatedBy, now));
        await session.SaveChangesAsync(ct);
        HttpContext.SetETag(media);
        await Send.OkAsync(urls.Details(media), ct);
    }
}
