using System.Linq.Expressions;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Features.Events;

public sealed class EventValidator : AbstractValidator<EventContent>
{
    public EventValidator()
    {
        this.ItemRules();
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Of($"Choisissez le type d'événement : {Kinds}.", $"Choose the kind of event: {Kinds}."))
            .IsInEnum().WithMessage(_ => Text.Of($"Type d'événement inconnu. Valeurs permises : {Kinds}.", $"Unknown kind of event. Allowed values: {Kinds}."));
        RuleFor(x => x.Summary).MaximumLength(1000);
        RuleFor(x => x.Description).MaximumLength(200_000);
        RuleFor(x => x.EventStatus).IsInEnum();
        RuleFor(x => x.Themes).KnownThemes();
        TimeRules();
        AttendanceRules();
        VenueRules();
        RuleFor(x => x.Organizer!.Name).NotEmpty().MaximumLength(200).When(x => x.Organizer is not null)
            .WithMessage(_ => Text.Of("Indiquez le nom de l'organisateur (200 caractères au plus).", "Give the organizer's name (200 characters at most)."));
        RuleFor(x => x.Organizer!.Url).Must(HttpsOrAbsent).When(x => x.Organizer is not null)
            .WithMessage(_ => Text.Of("Le site de l'organisateur doit être une adresse https complète.", "The organizer's website must be a full https URL."));
        RuleFor(x => x.RegistrationUrl).Must(HttpsOrAbsent)
            .WithMessage(_ => Text.Of("L'adresse d'inscription doit être une adresse https complète.", "The registration URL must be a full https URL."));
        PriceRules();
        RuleFor(x => x.Series).MaximumLength(200);
        RuleFor(x => x.Edition).InclusiveBetween(1, 999).When(x => x.Edition is not null)
            .WithMessage(_ => Text.Of("Le numéro d'édition est un nombre entier à partir de 1 (3 pour la « 3ème édition »).",
                                      "The edition number is a whole number from 1 (3 for the third edition)."));
        this.CoverAndSeo(x => x.Cover, x => x.Seo);
    }

    private static string Kinds => string.Join(", ", Enum.GetValues<EventKind>().Select(Json.Name));

    private void TimeRules()
    {
        RuleFor(x => x.TimeZone).Must(EventTimes.IsIanaZone)
            .WithMessage(_ => Text.Of("Fuseau horaire inconnu : donnez un identifiant IANA comme Europe/Paris ou America/Toronto.",
                                      "Unknown time zone: give an IANA id such as Europe/Paris or America/Toronto."));
        TimeRule(x => x.Start, () => Text.Of("Indiquez le début de l'événement.", "Give the start of the event."));
        TimeRule(x => x.End, () => Text.Of("Indiquez la fin de l'événement.", "Give the end of the event."));
        RuleFor(x => x.End).Must((x, _) => !EventTimes.SpanOf(x.Start!.Value, x.End!.Value, x.TimeZone, x.AllDay).EndsBeforeStart)
            .When(HasUsableTimes)
            .WithMessage(_ => Text.Of("La fin de l'événement ne peut pas précéder son début.", "The event cannot end before it starts."));
    }

    private void TimeRule(Expression<Func<EventContent, DateTime?>> time, Func<string> missing) =>
        RuleFor(time).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => missing())
            .Must(t => t!.Value.Kind == DateTimeKind.Unspecified).WithMessage(_ => Text.Of(
                "Indiquez l'heure locale du lieu, sans décalage (2027-03-26T09:00:00) : le fuseau horaire donne le décalage.",
                "Give the local time at the venue, without an offset (2027-03-26T09:00:00): the time zone gives the offset."))
            .Must(t => EventTimes.InRange(t!.Value)).WithMessage(_ => Text.Of(
                $"La date doit être comprise entre {EventTimes.FirstYear} et {EventTimes.LastYear}.",
                $"The date must be between {EventTimes.FirstYear} and {EventTimes.LastYear}."))
            .Must((x, t) => !x.AllDay || t!.Value.TimeOfDay == TimeSpan.Zero).WithMessage(_ => Text.Of(
                "Un événement sur la journée entière n'a pas d'heure : donnez seulement la date (2027-03-26).",
                "An all-day event has no time: give the date only (2027-03-26)."))
            .Must((x, t) => x.AllDay || !EventTimes.IsIanaZone(x.TimeZone) || EventTimes.Exists(t!.Value, x.TimeZone)).WithMessage(_ => Text.Of(
                "Cette heure n'existe pas dans ce fuseau : l'horloge la saute au passage à l'heure d'été. Choisissez une autre heure.",
                "This time does not exist in this time zone: clocks skip it when summer time starts. Choose another time."));

    /// <summary>Start and end that the rules above accept, so the two can be compared.</summary>
    private static bool HasUsableTimes(EventContent x) =>
        x.Start is { Kind: DateTimeKind.Unspecified } start && x.End is { Kind: DateTimeKind.Unspecified } end
        && EventTimes.InRange(start) && EventTimes.InRange(end) && EventTimes.IsIanaZone(x.TimeZone);

    private void AttendanceRules()
    {
        RuleFor(x => x.AttendanceMode).IsInEnum();
        RuleFor(x => x.Venue).NotNull().When(x => x.AttendanceMode is AttendanceMode.InPerson or AttendanceMode.Mixed)
            .WithMessage(x => x.AttendanceMode == AttendanceMode.Mixed
                ? Text.Of("Indiquez le lieu : un événement mixte a besoin d'un lieu et d'une adresse https pour le suivre en ligne.",
                          "Give the venue: a mixed event needs a venue and an https URL to attend online.")
                : Text.Of("Indiquez le lieu : un événement en présentiel a besoin d'un lieu.",
                          "Give the venue: an in-person event needs a venue."));
        RuleFor(x => x.OnlineUrl).Must(CommonRules.IsHttpsUrl).When(x => x.AttendanceMode is AttendanceMode.Online or AttendanceMode.Mixed)
            .WithMessage(x => x.AttendanceMode == AttendanceMode.Mixed
                ? Text.Of("Indiquez l'adresse https où suivre l'événement : un événement mixte a besoin d'un lieu et d'une adresse en ligne.",
                          "Give the https URL to attend: a mixed event needs a venue and an online URL.")
                : Text.Of("Indiquez l'adresse https où suivre l'événement : un événement en ligne en a besoin.",
                          "Give the https URL to attend: an online event needs one."));
        RuleFor(x => x.OnlineUrl).Must(HttpsOrAbsent).When(x => x.AttendanceMode == AttendanceMode.InPerson)
            .WithMessage(_ => Text.Of("L'adresse en ligne doit être une adresse https complète.", "The online URL must be a full https URL."));
    }

    private void VenueRules() => When(x => x.Venue is not null, () =>
    {
        RuleFor(x => x.Venue!.Name).NotEmpty().MaximumLength(200)
            .WithMessage(_ => Text.Of("Indiquez le nom du lieu (200 caractères au plus).", "Give the venue's name (200 characters at most)."));
        RuleFor(x => x.Venue!.City).NotEmpty().MaximumLength(100)
            .WithMessage(_ => Text.Of("Indiquez la ville du lieu (100 caractères au plus).", "Give the venue's city (100 characters at most)."));
        RuleFor(x => x.Venue!.Address).MaximumLength(300);
        RuleFor(x => x.Venue!.Country).Matches("^[A-Z]{2}$")
            .WithMessage(_ => Text.Of("Le pays est un code ISO à deux lettres (FR, BE, CA…).", "The country is a two-letter ISO code (FR, BE, CA…)."));
        RuleFor(x => x.Venue!.PostalCode).Matches(@"^\d{5}$").When(x => x.Venue!.Country == "FR" && x.Venue.PostalCode is not null)
            .WithMessage(_ => Text.Of("Un code postal français compte cinq chiffres.", "A French postal code has five digits."));
        RuleFor(x => x.Venue!.PostalCode).MaximumLength(12);
        RuleFor(x => x.Venue!.RegionCode).Cascade(CascadeMode.Stop)
            .NotEmpty().When(x => x.Venue!.Country == "FR")
            .WithMessage(_ => Text.Of($"Choisissez la région du lieu. Codes permis : {Regions.Allowed}.", $"Choose the venue's region. Allowed codes: {Regions.Allowed}."))
            .KnownRegion();
        RuleFor(x => x.Venue!.RegionCode).Must((x, code) => (x.Venue!.Country == "FR") == (code != Regions.Abroad))
            .When(x => Regions.IsKnown(x.Venue!.RegionCode))
            .WithMessage(_ => Text.Of($"Le code {Regions.Abroad} (étranger) va avec un lieu hors de France, et seulement lui.",
                                      $"Code {Regions.Abroad} (abroad) goes with a venue outside France, and only with one."));
        RuleFor(x => x.Venue!.Latitude).InclusiveBetween(-90, 90).When(x => x.Venue!.Latitude is not null)
            .WithMessage(_ => Text.Of("La latitude est comprise entre -90 et 90 degrés.", "Latitude is between -90 and 90 degrees."));
        RuleFor(x => x.Venue!.Longitude).InclusiveBetween(-180, 180).When(x => x.Venue!.Longitude is not null)
            .WithMessage(_ => Text.Of("La longitude est comprise entre -180 et 180 degrés.", "Longitude is between -180 and 180 degrees."));
        RuleFor(x => x.Venue!.Longitude).NotNull().When(x => x.Venue!.Latitude is not null)
            .WithMessage(_ => Text.Of("Donnez la latitude et la longitude ensemble.", "Give latitude and longitude together."));
        RuleFor(x => x.Venue!.Latitude).NotNull().When(x => x.Venue!.Longitude is not null)
            .WithMessage(_ => Text.Of("Donnez la latitude et la longitude ensemble.", "Give latitude and longitude together."));
    });

    private void PriceRules() => When(x => x.Price is not null, () =>
    {
        RuleFor(x => x.Price!.Amount).Null().When(x => x.Price!.Free)
            .WithMessage(_ => Text.Of("Un événement gratuit n'a pas de montant.", "A free event has no amount."));
        RuleFor(x => x.Price!.Amount).Cascade(CascadeMode.Stop)
            .NotNull().When(x => !x.Price!.Free)
            .WithMessage(_ => Text.Of("Indiquez le prix en euros, ou que l'événement est gratuit.", "Give the price in euros, or say the event is free."))
            .InclusiveBetween(0m, 100_000m)
            .WithMessage(_ => Text.Of("Le prix est un montant en euros, de 0 à 100 000.", "The price is an amount in euros, from 0 to 100,000."))
            .PrecisionScale(8, 2, ignoreTrailingZeros: true)
            .WithMessage(_ => Text.Of("Le prix s'exprime en euros et centimes (deux décimales au plus).", "The price is in euros and cents (two decimals at most)."));
        RuleFor(x => x.Price!.Details).MaximumLength(300);
    });

    private static bool HttpsOrAbsent(string? url) => url is null || CommonRules.IsHttpsUrl(url);
}
