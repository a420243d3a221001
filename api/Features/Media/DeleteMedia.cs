using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Media;

/// <summary>An image named by its id, for a deletion that may check the version acted on.</summary>
public sealed class DeleteMediaRequest
{
    /// <summary>The image's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag last read; optional, checked when present.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}

/// <summary>
/// DELETE /api/v1/manage/media/{id}: the image and its files, unless an item uses it (409, listing them). Its record
/// in the audit log stays.
/// </summary>
public sealed class DeleteMedia(IDocumentSession session, MediaReferences references, IMediaStore store, TimeProvider clock)
    : Endpoint<DeleteMediaRequest>
{
    public override void Configure()
    {
        Delete(MediaRoutes.Item);
        Roles(MediaRoutes.Users);
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404, 409, 412));
        Summary(s =>
        {
            s.Summary = "Delete an image of the media library";
            s.Description = "Refused (409) while an article, fiche or event uses it, in its draft or its published version: " +
                            "the problem's `usedBy` lists them. Authors may delete only the images they uploaded.";
        });
    }

    public override async Task HandleAsync(DeleteMediaRequest request, CancellationToken ct)
    {
        var media = await session.LoadAsync<MediaItem>(request.Id, ct) ?? throw ProblemException.NotFound();
        User.RequireMayChange(media);
        // The same turn as an upload of the same bytes, so that one cannot land its record between our checks.
        await session.LockUntilCommitAsync($"media:{media.Hash}", ct);
        media = await session.LoadAsync<MediaItem>(request.Id, ct) ?? throw ProblemException.NotFound();
        if (request.IfMatch is not null && ETags.VersionFrom(request.IfMatch) != media.Version) throw ProblemException.Stale(media.Version);

        var uses = await references.UsesAsync(media, ct);
        if (uses.Count > 0)
            throw new ProblemException(409, Problems.Title(409), Text.Of(
                $"Cette image est utilisée par {uses.Count} élément(s) : retirez-la d'abord de chacun.",
                $"This image is used by {uses.Count} item(s): remove it from each of them first."),
                new Dictionary<string, object?> { ["usedBy"] = uses });

        session.Delete(media);
        session.Events.Append(media.Id, new MediaDeleted(media.FileName, media.Hash, User.Actor(), clock.Now()));
        // The files go while the turn is held, before the commit: if the store fails, the database keeps the record and
        // the deletion can simply be tried again (deleting a missing file is not an error).
        foreach (var key in media.Keys) await store.DeleteAsync(key, ct);
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
