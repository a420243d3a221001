using static Vivapolis.Api.Content.Normalize;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

/// <summary>The stored, editable event of the agenda (named so it does not read as a .NET or Marten event).</summary>
public sealed class AgendaEvent : ContentDocument<EventContent>, IContentDocument
{
    public static string TypeName => "event";
    public static string RouteSegment => "events";
    public static ContentDesk Desk => ContentDesk.Editorial;
    public static string Description => "Events: the agenda (matinales, conferences, webinars, visits), with their time zone.";
}

public sealed class EventType(EventValidator validator) : ContentType<AgendaEvent, EventContent, EventDelivery>
{
    public override IValidator<EventContent> Validator => validator;

    public override string TitleOf(EventContent content) => content.Title;

    public override EventContent Normalize(EventContent c) => c with
    {
        Title = c.Title?.Trim() ?? "",
        Slug = Trimmed(c.Slug),
        Summary = Trimmed(c.Summary),
        Description = RichText.Sanitize(c.Description),
        TimeZone = Trimmed(c.TimeZone) ?? EventTimes.DefaultZone,
        Venue = c.Venue is not { } v ? null : NormalizeVenue(v),
        OnlineUrl = Trimmed(c.OnlineUrl),
        Organizer = c.Organizer is not { } o ? null : new EventOrganizer(o.Name?.Trim() ?? "", Trimmed(o.Url)),
        RegistrationUrl = Trimmed(c.RegistrationUrl),
        Price = c.Price is not { } p ? null : p with { Details = Trimmed(p.Details) },
        Series = Trimmed(c.Series),
        Themes = c.Themes?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList() ?? [],
    };

    public override SearchText SearchTextOf(AgendaEvent e) =>
        new(e.Content.Title, SearchText.Join(e.Content.Summary, SearchText.Plain(e.Content.Description), e.Content.Series,
            e.Content.Organizer?.Name, e.Content.Venue?.Name, e.Content.Venue?.City));

    public override EventDelivery ToDelivery(AgendaEvent e, IReadOnlyList<Vivapolis.Contracts.Media.MediaImage> images) =>
        ToDelivery(e) with { Images = images.Count == 0 ? null : images };

    public override Guid? TranslationGroupOf(EventContent content) => content.TranslationGroup;

    public override EventContent InLanguage(EventContent content, Vivapolis.Contracts.Common.Locale locale, Guid group, string? slug) =>
        content with { Locale = locale, TranslationGroup = group, Slug = slug };

    public override EventDelivery WithAlternates(EventDelivery delivery, IReadOnlyList<Vivapolis.Contracts.Common.AlternateLink> alternates) =>
        delivery with { Alternates = alternates };

    public override EventDelivery ToDelivery(AgendaEvent e)
    {
        var c = e.Content;
        var span = EventTimes.SpanOf(c.Start!.Value, c.End!.Value, c.TimeZone, c.AllDay);
        var delivery = new EventDelivery
        {
            Id = e.Id, Locale = e.Locale, TranslationGroup = c.TranslationGroup ?? e.Id, Slug = e.Slug,
            Title = c.Title, Kind = c.Kind!.Value, Summary = c.Summary, Description = c.Description,
            Start = span.Start, End = span.End, StartDate = span.StartDate, EndDate = span.EndDate,
            TimeZone = c.TimeZone, AllDay = c.AllDay, StartsAt = span.StartsAt, EndsAt = span.EndsAt,
            AttendanceMode = c.AttendanceMode,
            // What the mode leaves out stays with the editors: an old address does not leak into an online event.
            Venue = c.AttendanceMode == AttendanceMode.Online ? null : c.Venue,
            OnlineUrl = c.AttendanceMode == AttendanceMode.InPerson ? null : c.OnlineUrl,
            Organizer = c.Organizer, RegistrationUrl = c.RegistrationUrl, Price = c.Price,
            Series = c.Series, Edition = c.Edition, EditionLabel = EditionLabel(c.Edition, e.Locale),
            EventStatus = c.EventStatus, Themes = c.Themes, Seo = c.Seo, Cover = c.Cover,
            PublishedAt = e.PublishedAt ?? e.UpdatedAt, UpdatedAt = e.UpdatedAt, Version = e.Version,
        };
        return delivery with { JsonLd = EventJsonLdMapping.Of(delivery) };
    }

    /// <summary>"1re édition", "3ème édition" (as the network writes it); "1st edition", "3rd edition" in English.</summary>
    public static string? EditionLabel(int? edition, Locale locale) => edition switch
    {
        null => null,
        var n when locale == Locale.En => $"{n}{(n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })} edition",
        1 => "1re édition",
        var n => $"{n}ème édition",
    };

    private static EventVenue NormalizeVenue(EventVenue v)
    {
        var country = Trimmed(v.Country)?.ToUpperInvariant() ?? "FR";
        return v with
        {
            Name = v.Name?.Trim() ?? "",
            Address = Trimmed(v.Address),
            PostalCode = Trimmed(v.PostalCode),
            City = v.City?.Trim() ?? "",
            Country = country,
            // Abroad has one region code; saying it again is not the editor's job.
            RegionCode = Trimmed(v.RegionCode) ?? (country == "FR" ? null : Regions.Abroad),
        };
    }
}

public static class EventsRegistration
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventValidator>()
            .AddContentType<AgendaEvent, EventContent, EventDelivery, EventType>();
        // The list is ordered by starts_at and filtered on both columns (see ListPublishedEvents).
        services.ConfigureMarten(o => o.Schema.For<EventDelivery>()
            .Duplicate(x => x.StartsAt)
            .Duplicate(x => x.EndsAt));
        return services;
    }
}
