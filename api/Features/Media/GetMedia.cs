using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>GET /api/v1/manage/media/{id}: one image, its texts, its files, and its ETag for an edit.</summary>
public sealed class GetMedia(IQuerySession session, MediaUrls urls) : Endpoint<MediaIdRequest, MediaDetails>
{
    public override void Configure()
    {
        Get(MediaRoutes.Item);
        Roles(MediaRoutes.Users);
        Description(b => b.Document<EmptyRequest, MediaDetails>(200, 401, 403, 404));
        Summary(s => s.Summary = "Get one image of the media library");
    }

    public override async Task HandleAsync(MediaIdRequest request, CancellationToken ct)
    {
        var media = await session.LoadAsync<MediaItem>(request.Id, ct) ?? throw ProblemException.NotFound();
        HttpContext.SetETag(media);
        await Send.OkAsync(urls.Details(media), ct);
    }
}
