using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

// The shared endpoints, closed over the advertiser contact types. Routes, rules and behaviour live in Content/;
// what is particular to contacts is their delivery list (public ones, by display order) and their erasure.

public sealed class CreateAdvertiserContact : CreateItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class GetAdvertiserContact : GetItem<AdvertiserContact, AdvertiserContactContent>;

public sealed class ListAdvertiserContacts : ListItems<AdvertiserContact, AdvertiserContactContent>
{
    protected override bool HasThemes => false;

    protected override object InRegion(string code) => new { content = new { regions = new[] { code } } };
}

public sealed class UpdateAdvertiserContact : UpdateItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class PublishAdvertiserContact : PublishItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class UnpublishAdvertiserContact : UnpublishItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class DeleteAdvertiserContact : DeleteItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class GetPublishedAdvertiserContact : GetPublishedItem<AdvertiserContact, AdvertiserContactDelivery>;

public sealed class PreviewAdvertiserContact : Vivapolis.Api.Content.Preview.PreviewItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class GetAdvertiserContactPreview : Vivapolis.Api.Content.Preview.GetItemPreview<AdvertiserContact, AdvertiserContactDelivery>;

public sealed class RevokeAdvertiserContactPreviewLinks : Vivapolis.Api.Content.Preview.RevokePreviewLinks<AdvertiserContact, AdvertiserContactContent>;

public sealed class SubmitAdvertiserContact : SubmitItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class ListAdvertiserContactRevisions : ListRevisions<AdvertiserContact, AdvertiserContactContent>;

public sealed class GetAdvertiserContactRevision : GetRevision<AdvertiserContact, AdvertiserContactContent>;

public sealed class DiffAdvertiserContactRevisions : DiffRevisions<AdvertiserContact, AdvertiserContactContent>;

public sealed class RestoreAdvertiserContactRevision : RestoreRevision<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class DiscardAdvertiserContactDraft : DiscardDraft<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class ScheduleAdvertiserContact : Vivapolis.Api.Content.Scheduling.ScheduleItem<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;

public sealed class CancelAdvertiserContactSchedule : Vivapolis.Api.Content.Scheduling.CancelSchedule<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>;
