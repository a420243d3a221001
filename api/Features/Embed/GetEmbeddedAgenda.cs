using FastEndpoints;
using Microsoft.AspNetCore.WebUtilities;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Embed;

/// <summary>The agenda's filters and paging, and how to lay it out.</summary>
public sealed class EmbeddedAgendaRequest : EventListRequest
{
    /// <summary><c>list</c> (the default) shows each event's summary; <c>compact</c> leaves it out, for a narrow column.</summary>
    [QueryParam]
    public AgendaLayout Layout { get; init; } = AgendaLayout.List;
}

public sealed class EmbeddedAgendaValidator : Validator<EmbeddedAgendaRequest>
{
    public EmbeddedAgendaValidator() => Include(new EventListValidator());
}

/// <summary>
/// GET /embed/agenda: the agenda as a page for an iframe, for partner sites that allow no script. The one page any
/// site may frame (<see cref="FramablePage"/>); everything else keeps <c>frame-ancestors 'none'</c>.
/// </summary>
public sealed class GetEmbeddedAgenda(TimeProvider clock) : Endpoint<EmbeddedAgendaRequest>
{
    public override void Configure()
    {
        Get("/embed/agenda");
        AllowAnonymous();
        DontAutoSendResponse(); // DeliveryResponse writes the bytes, or a bodiless 304
        Options(b => b.CacheDelivery(DeliveryCache.TagOf(AgendaEvent.TypeName)).WithMetadata(new FramablePage(AgendaPage.ContentSecurityPolicy)));
        Description(b => b.DocumentText(AgendaPage.MediaType, 400));
        Summary(s =>
        {
            s.Summary = "The agenda as a page to put in an iframe, without script";
            s.Description = "The events of `GET /api/v1/events` with the same filters, as `<vivapolis-agenda>` shows them, in one " +
                            "self-contained HTML page (style inline, no script, no other request), in the language of `locale`. " +
                            "Its Content-Security-Policy lets any site frame it. \"More\" shows twice as many events, up to 100, then the next page.";
        });
    }

    public override async Task HandleAsync(EmbeddedAgendaRequest request, CancellationToken ct)
    {
        var (events, next) = await Resolve<DeliveryReader>().ReadItemsAsync<EventDelivery>(request.Locale,
            ListPublishedEvents.FilterFor(request, clock.Now()), ListPublishedEvents.ByStart, request.Limit, request.Cursor, ct);
        var locale = Json.Name(request.Locale);
        var page = AgendaPage.Write(events, AgendaTexts.For(request.Locale), request.Layout,
            e => $"/feeds/events/{Uri.EscapeDataString(e.Slug)}.ics" + (request.Locale == Locale.Fr ? "" : "?locale=" + locale),
            next is null ? null : MoreLink(request.Limit, next));
        await DeliveryResponse.WriteAsync(HttpContext, page, AgendaPage.MediaType, DeliveryResponse.CacheControl, ct);
    }

    /// <summary>"More" without script: the same page with twice as many events (the list grows), then, at the most a page holds, the next page.</summary>
    private string MoreLink(int limit, string next)
    {
        var query = QueryHelpers.ParseQuery(HttpContext.Request.QueryString.Value);
        if (limit < PageRules.MaxLimit) query["limit"] = Math.Min(limit * 2, PageRules.MaxLimit).ToString(System.Globalization.CultureInfo.InvariantCulture);
        else query["cursor"] = next;
        return QueryHelpers.AddQueryString(HttpContext.Request.Path, query);
    }
}
