using FastEndpoints;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>
/// POST /api/v1/manage/advertiser-contacts/{id}/erase: the right to erasure, carried out by
/// <see cref="ContentLifecycle{TDoc,TContent,TDelivery}.EraseAsync"/>: the person leaves every document, revision,
/// event and change record; who erased and when is kept, never what.
/// </summary>
public sealed class EraseAdvertiserContact : Endpoint<ItemIdRequest>
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<AdvertiserContact>() + "/erase");
        Roles(ManagementRoutes.Managers<AdvertiserContact>());
        Description(b => b.Document<EmptyRequest, EmptyResponse>(204, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Erase one advertiser contact's personal data";
            s.Description = "Removes the person from the document, its public copy and its history, and records who " +
                            "erased it and when, without the erased data. A second erasure is a 404.";
        });
    }

    public override async Task HandleAsync(ItemIdRequest request, CancellationToken ct)
    {
        await Resolve<ContentLifecycle<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>>()
            .EraseAsync(request.Id, User.Actor(), ct);
        await Send.NoContentAsync(ct);
    }
}
