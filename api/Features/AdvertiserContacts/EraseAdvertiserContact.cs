using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>
/// POST /api/v1/manage/advertiser-contacts/{id}/erase: the right to erasure. Everything that holds the person
/// goes in one transaction: the document (Marten keeps no older revisions of it), its delivery record, its
/// versions in the history (<see cref="ContentRevision"/>), and the item's event stream, whose events carry the
/// slug made from the person's name. A contact already deleted through the shared endpoint still has that stream,
/// so it can be erased too.
/// </summary>
/// <remarks>
/// The audit record is an <see cref="ItemErased"/> event starting a new stream under the same id: the history,
/// audit log and change feed all read events, so they learn of the erasure the way they learn of everything
/// else, and it holds who erased and when, never what.
/// </remarks>
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
        var session = Resolve<IDocumentSession>();
        var contact = await session.LoadAsync<AdvertiserContact>(request.Id, ct);
        if (contact is null && !await HasContactHistoryAsync(session, request.Id, ct)) throw ProblemException.NotFound();

        if (contact is not null) session.Delete(contact);
        session.Delete<AdvertiserContactDelivery>(request.Id);
        session.Delete<SearchEntry>(request.Id); // contacts are never indexed; this only makes sure
        session.DeleteWhere<ContentRevision>(r => r.ItemId == request.Id); // the versions hold the person too
        session.Events.TombstoneStream(request.Id); // Marten's hard delete: the stream row and every event in it
        session.Events.StartStream<AdvertiserContact>(request.Id,
            new ItemErased(AdvertiserContact.TypeName, User.Actor(), Resolve<TimeProvider>().Now()));
        await session.SaveChangesAsync(ct);
        await Resolve<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(ct);
        await Send.NoContentAsync(ct);
    }

    /// <summary>A deleted contact's stream still starts with its creation; an erased one starts with the erasure.</summary>
    private static async Task<bool> HasContactHistoryAsync(IDocumentSession session, Guid id, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count > 0 && events[0].Data is ItemCreated { Type: var type } && type == AdvertiserContact.TypeName;
    }
}
