using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>One published event, for "add to my calendar".</summary>
public sealed class EventCalendarRequest
{
    /// <summary>The event's slug.</summary>
    public string Slug { get; init; } = "";

    /// <summary>Language version of the event.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;
}

public sealed class EventCalendarValidator : Validator<EventCalendarRequest>
{
    public EventCalendarValidator() => RuleFor(x => x.Slug).SlugInPath();
}

/// <summary>GET /feeds/events/{slug}.ics: one event as a calendar file; the same UID and SEQUENCE as in the feed.</summary>
public sealed class GetEventCalendar : Endpoint<EventCalendarRequest>
{
    public override void Configure()
    {
        Get("/feeds/events/{slug}.ics");
        AllowAnonymous();
        DontAutoSendResponse();
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(AgendaEvent.TypeName)));
        Description(b => b.DocumentText(EventCalendar.MediaType, 400, 404));
        Summary(s =>
        {
            s.Summary = "One published event as an iCalendar file (add to my calendar)";
            s.Description = "The event as it is in `GET /feeds/events.ics`: a calendar that already has it updates it rather than adding it twice.";
        });
    }

    public override async Task HandleAsync(EventCalendarRequest request, CancellationToken ct)
    {
        var json = await Resolve<DeliveryReader>().ReadOneAsync<EventDelivery>(request.Slug, request.Locale, ct)
                   ?? throw ProblemException.NotFound();
        var e = JsonSerializer.Deserialize<EventDelivery>(json, Json.Options)!;
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{e.Slug}.ics\"";
        await DeliveryResponse.WriteAsync(HttpContext, EventCalendar.Write([e], AgendaTexts.For(request.Locale)),
            EventCalendar.MediaType, DeliveryResponse.CacheControl, ct);
    }
}
