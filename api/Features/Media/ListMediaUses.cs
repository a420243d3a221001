using FastEndpoints;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>GET /api/v1/manage/media/{id}/uses: the items that show an image, in their draft or their published version.</summary>
public sealed class ListMediaUses(IQuerySession session, MediaReferences references) : Endpoint<MediaIdRequest, IReadOnlyList<MediaUse>>
{
    public override void Configure()
    {
        Get(MediaRoutes.Item + "/uses");
        Roles(MediaRoutes.Users);
        Description(b => b.Document<EmptyRequest, IReadOnlyList<MediaUse>>(200, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "List the items that use an image";
            s.Description = "Articles, fiches and events whose current content or published version shows the image, as " +
                            "their cover or in their text. An image in use cannot be deleted.";
        });
    }

    public override async Task HandleAsync(MediaIdRequest request, CancellationToken ct)
    {
        var media = await session.LoadAsync<MediaItem>(request.Id, ct) ?? throw ProblemException.NotFound();
        await Send.OkAsync(await references.UsesAsync(media, ct), ct);
    }
}
