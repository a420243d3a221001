using FastEndpoints;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>GET /feeds/events.ics: the agenda as a calendar to subscribe to, with exactly the filters of /api/v1/events.</summary>
public sealed class GetEventsCalendar(TimeProvider clock) : Endpoint<EventFilters>
{
    /// <summary>A subscription is one file, not pages: years of the network's agenda fit well under this.</summary>
    public const int MaxEvents = 500;

    public override void Configure()
    {
        Get("/feeds/events.ics");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(AgendaEvent.TypeName)));
        Description(b => b.DocumentText(EventCalendar.MediaType, 400));
        Summary(s =>
        {
            s.Summary = "The agenda as an iCalendar feed to subscribe to (webcal)";
            s.Description = "RFC 5545, with the filters of `GET /api/v1/events`: upcoming events by default, earliest start first, " +
                            $"{MaxEvents} at most. Each event keeps its UID, and its SEQUENCE grows with each published change; " +
                            "cancelled events stay with STATUS:CANCELLED until unpublished, so calendars remove them. " +
                            "Times are in the event's zone, with a VTIMEZONE for each zone; all-day events are dates. " +
                            "Texts are in the language of `locale`.";
        });
    }

    public override async Task HandleAsync(EventFilters request, CancellationToken ct)
    {
        var (events, _) = await Resolve<DeliveryReader>().ReadItemsAsync<EventDelivery>(request.Locale,
            ListPublishedEvents.FilterFor(request, clock.Now()), ListPublishedEvents.ByStart, MaxEvents, null, ct);
        HttpContext.Response.Headers.ContentDisposition = "inline; filename=\"vivapolis-agenda.ics\"";
        await DeliveryResponse.WriteAsync(HttpContext, EventCalendar.Write(events, AgendaTexts.For(request.Locale)),
            EventCalendar.MediaType, DeliveryResponse.CacheControl, ct);
    }
}
