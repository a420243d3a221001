using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

/// <summary>
/// The words the public agenda shows, in the language of the events shown (not the reader's Accept-Language: a
/// partner's French page shows French events in French). The iCalendar feed and the embedded page use these; the
/// <c>&lt;vivapolis-agenda&gt;</c> element has the same ones in <c>web-client/src/agenda/texts.ts</c>, and the
/// browser test checks that both say the same.
/// </summary>
public sealed record AgendaTexts
{
    public required Locale Locale { get; init; }
    public required string CalendarName { get; init; }
    public required string Empty { get; init; }
    public required string More { get; init; }
    public required string Register { get; init; }
    public required string AddToCalendar { get; init; }
    public required string Online { get; init; }
    public required string Free { get; init; }
    public required string OrganizedBy { get; init; }
    public required string RegisterAt { get; init; }
    public required string Price { get; init; }
    public required IReadOnlyDictionary<EventKind, string> Kinds { get; init; }
    /// <summary>What a status other than scheduled is called; scheduled events carry no label.</summary>
    public required IReadOnlyDictionary<EventStatus, string> Statuses { get; init; }

    public static readonly AgendaTexts French = new()
    {
        Locale = Locale.Fr,
        CalendarName = "Agenda Vivapolis",
        Empty = "Aucun événement à venir.",
        More = "Voir plus",
        Register = "S'inscrire",
        AddToCalendar = "Ajouter à mon agenda",
        Online = "En ligne",
        Free = "Gratuit",
        OrganizedBy = "Organisé par",
        RegisterAt = "Inscription",
        Price = "Tarif",
        Kinds = new Dictionary<EventKind, string>
        {
            [EventKind.Matinale] = "Matinale", [EventKind.Rencontre] = "Rencontre", [EventKind.Salon] = "Salon",
            [EventKind.Conference] = "Conférence", [EventKind.Webinaire] = "Webinaire", [EventKind.Visite] = "Visite",
            [EventKind.Atelier] = "Atelier",
        },
        Statuses = new Dictionary<EventStatus, string>
        {
            [EventStatus.Cancelled] = "Annulé", [EventStatus.Postponed] = "Reporté", [EventStatus.Rescheduled] = "Nouvelle date",
        },
    };

    public static readonly AgendaTexts English = new()
    {
        Locale = Locale.En,
        CalendarName = "Vivapolis agenda",
        Empty = "No upcoming events.",
        More = "Show more",
        Register = "Register",
        AddToCalendar = "Add to my calendar",
        Online = "Online",
        Free = "Free",
        OrganizedBy = "Organised by",
        RegisterAt = "Registration",
        Price = "Price",
        Kinds = new Dictionary<EventKind, string>
        {
            [EventKind.Matinale] = "Morning meeting", [EventKind.Rencontre] = "Meeting", [EventKind.Salon] = "Trade show",
            [EventKind.Conference] = "Conference", [EventKind.Webinaire] = "Webinar", [EventKind.Visite] = "Site visit",
            [EventKind.Atelier] = "Workshop",
        },
        Statuses = new Dictionary<EventStatus, string>
        {
            [EventStatus.Cancelled] = "Cancelled", [EventStatus.Postponed] = "Postponed", [EventStatus.Rescheduled] = "New date",
        },
    };

    /// <summary>Before what a label introduces: French sets the colon apart.</summary>
    public string Colon => Locale == Locale.En ? ": " : " : ";

    public static AgendaTexts For(Locale locale) => locale == Locale.En ? English : French;

    /// <summary>"12,50 €" or "€12.50", as each language writes an amount in euros; whole amounts without cents.</summary>
    public string Amount(decimal euros)
    {
        var digits = euros % 1 == 0 ? "#,0" : "#,0.00";
        return Locale == Locale.En
            ? "€" + euros.ToString(digits, System.Globalization.CultureInfo.InvariantCulture)
            : euros.ToString(digits, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + "\u00a0€";
    }
}
