using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

// The shared endpoints, closed over the event types; the list of published events is in ListPublishedEvents.

public sealed class CreateEvent : CreateItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class GetEvent : GetItem<AgendaEvent, EventContent>;

public sealed class ListEvents : ListItems<AgendaEvent, EventContent>
{
    protected override object InRegion(string code) => new { content = new { venue = new { regionCode = code } } };

    // Stored as the local ISO 8601 text of the poster ("2027-03-26T09:00:00"), which sorts as it reads.
    protected override string StartSql => "data -> 'content' ->> 'start'";

    protected override DateTime? StartOf(AgendaEvent doc) => doc.Content.Start;
}

public sealed class UpdateEvent : UpdateItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class PublishEvent : PublishItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class UnpublishEvent : UnpublishItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class DeleteEvent : DeleteItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class GetPublishedEvent : GetPublishedItem<AgendaEvent, EventDelivery>;

public sealed class PreviewEvent : Vivapolis.Api.Content.Preview.PreviewItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class GetEventPreview : Vivapolis.Api.Content.Preview.GetItemPreview<AgendaEvent, EventDelivery>;

public sealed class RevokeEventPreviewLinks : Vivapolis.Api.Content.Preview.RevokePreviewLinks<AgendaEvent, EventContent>;

public sealed class SubmitEvent : SubmitItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class ListEventRevisions : ListRevisions<AgendaEvent, EventContent>;

public sealed class GetEventRevision : GetRevision<AgendaEvent, EventContent>;

public sealed class DiffEventRevisions : DiffRevisions<AgendaEvent, EventContent>;

public sealed class RestoreEventRevision : RestoreRevision<AgendaEvent, EventContent, EventDelivery>;

public sealed class DiscardEventDraft : DiscardDraft<AgendaEvent, EventContent, EventDelivery>;

public sealed class ScheduleEvent : Vivapolis.Api.Content.Scheduling.ScheduleItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class CancelEventSchedule : Vivapolis.Api.Content.Scheduling.CancelSchedule<AgendaEvent, EventContent, EventDelivery>;

public sealed class CreateEventTranslation : Vivapolis.Api.Content.Translations.CreateTranslation<AgendaEvent, EventContent, EventDelivery>;

public sealed class ListEventTranslations : Vivapolis.Api.Content.Translations.ListTranslations<AgendaEvent, EventContent, EventDelivery>;

public sealed class UnlinkEventTranslation : Vivapolis.Api.Content.Translations.UnlinkTranslation<AgendaEvent, EventContent, EventDelivery>;
