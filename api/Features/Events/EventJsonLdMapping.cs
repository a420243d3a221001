using Vivapolis.Api.Content;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

/// <summary>
/// The schema.org <c>Event</c> of a published event, made from its delivery shape (so it can only say what delivery
/// says), in the terms search engines read: https://schema.org/Event, and Google's event guidelines for
/// attendance modes and virtual locations.
/// </summary>
public static class EventJsonLdMapping
{
    public static EventJsonLd Of(EventDelivery e) => new()
    {
        Id = JsonLdNodes.IdOf(e.Id),
        Name = e.Title,
        Description = e.Summary ?? e.Seo?.Description,
        StartDate = e.AllDay ? EventTimes.Iso(e.StartDate) : EventTimes.Iso(e.Start!.Value),
        EndDate = e.AllDay ? EventTimes.Iso(e.EndDate) : EventTimes.Iso(e.End!.Value),
        EventStatus = "https://schema.org/" + e.EventStatus switch
        {
            EventStatus.Cancelled => "EventCancelled",
            EventStatus.Postponed => "EventPostponed",
            EventStatus.Rescheduled => "EventRescheduled",
            _ => "EventScheduled",
        },
        EventAttendanceMode = "https://schema.org/" + e.AttendanceMode switch
        {
            AttendanceMode.Online => "OnlineEventAttendanceMode",
            AttendanceMode.Mixed => "MixedEventAttendanceMode",
            _ => "OfflineEventAttendanceMode",
        },
        Location = LocationsOf(e),
        Organizer = e.Organizer is { } o ? new JsonLdOrganization { Name = o.Name, Url = o.Url } : null,
        Offers = e.Price is null && e.RegistrationUrl is null ? null : new JsonLdOffer
        {
            Price = e.Price is { } p ? (p.Free ? 0m : p.Amount) : null,
            PriceCurrency = e.Price is null ? null : "EUR",
            Description = e.Price?.Details,
            Url = e.RegistrationUrl,
        },
        IsAccessibleForFree = e.Price?.Free,
        Image = e.Cover?.Url,
        InLanguage = JsonLdNodes.LanguageOf(e.Locale),
    };

    private static List<JsonLdLocation> LocationsOf(EventDelivery e)
    {
        var locations = new List<JsonLdLocation>(2);
        if (e.Venue is { } v)
            locations.Add(new JsonLdLocation
            {
                Type = "Place",
                Name = v.Name,
                Address = new JsonLdPostalAddress
                {
                    StreetAddress = v.Address, PostalCode = v.PostalCode, AddressLocality = v.City, AddressCountry = v.Country,
                    AddressRegion = v.RegionCode is { } code && code != Regions.Abroad && Regions.All.TryGetValue(code, out var region)
                        ? (e.Locale == Locale.En ? region.En : region.Fr)
                        : null,
                },
                Geo = v is { Latitude: { } lat, Longitude: { } lon } ? new JsonLdGeoCoordinates { Latitude = lat, Longitude = lon } : null,
            });
        if (e.OnlineUrl is { } url) locations.Add(new JsonLdLocation { Type = "VirtualLocation", Url = url });
        return locations;
    }
}
