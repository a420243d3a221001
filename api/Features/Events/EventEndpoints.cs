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
