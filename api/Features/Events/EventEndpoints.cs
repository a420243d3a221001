using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

// The shared endpoints, closed over the event types; the list of published events is in ListPublishedEvents.

public sealed class CreateEvent : CreateItem<AgendaEvent, EventContent, EventDelivery>;

public sealed class GetEvent : GetItem<AgendaEvent, EventContent>;

public sealed class ListEvents : ListItems<AgendaEvent, EventContent>;

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
