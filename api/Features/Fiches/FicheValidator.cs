using System.Text.RegularExpressions;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Fiches;

public sealed partial class FicheValidator : AbstractValidator<FicheContent>
{
    public const int MaxActors = 30, MaxIndicators = 20, MaxFinancing = 20, MaxLinks = 20;

    /// <summary>Above any single action's budget: a typo with extra zeros, not a grant.</summary>
    public const decimal MaxAmountEuros = 100_000_000_000m;

    public FicheValidator()
    {
        this.ItemRules();
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Summary).MaximumLength(1000)
            .WithMessage(_ => Text.Of("Le résumé compte au plus 1 000 caractères.", "The summary is 1,000 characters at most."));
        RuleFor(x => x.Challenge).MaximumLength(50_000).WithMessage(_ => TooLong("L'enjeu", "The challenge", 50_000));
        RuleFor(x => x.Actions).MaximumLength(100_000).WithMessage(_ => TooLong("La description des actions", "The actions", 100_000));
        RuleFor(x => x.Results).MaximumLength(50_000).WithMessage(_ => TooLong("Les résultats", "The results", 50_000));
        RuleFor(x => x.Themes).KnownThemes();
        RuleFor(x => x.Tags).ShortList(30, 60);
        RuleFor(x => x.RelatedArticles).Must(l => l.Count <= 50).WithMessage(_ => AtMost(50, "articles liés", "related articles"));
        RuleFor(x => x.RelatedEvents).Must(l => l.Count <= 50).WithMessage(_ => AtMost(50, "événements liés", "related events"));
        TerritoryRules();
        ActorRules();
        IndicatorRules();
        FinancingRules();
        PeriodRules();
        ContactRules();
        LinkRules();
        this.CoverAndSeo(x => x.Cover, x => x.Seo);
    }

    public static bool IsCountryCode(string? code) => code is not null && CountryCode().IsMatch(code);

    private void TerritoryRules()
    {
        RuleFor(x => x.Territory.Commune).MaximumLength(200).WithMessage(_ => TooLong("La commune", "The commune", 200));
        RuleFor(x => x.Territory.Departement).MaximumLength(100).WithMessage(_ => TooLong("Le département", "The département", 100));
        RuleFor(x => x.Territory.RegionCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => Text.Of(
                $"Indiquez la région (code INSEE) ; « {Regions.Abroad} » pour un projet à l'étranger.",
                $"Give the region (INSEE code); '{Regions.Abroad}' for a project abroad."))
            .KnownRegion();
        RuleFor(x => x.Territory.Country).Must(IsCountryCode).WithMessage(_ => Text.Of(
            "Le pays s'écrit en deux lettres majuscules (code ISO 3166-1 alpha-2), par exemple FR, MA ou VN.",
            "The country is two uppercase letters (ISO 3166-1 alpha-2 code), for example FR, MA or VN."));
        // Region 99 says "abroad": it goes with a foreign country, and a foreign country goes with it.
        RuleFor(x => x.Territory.RegionCode)
            .Must((x, region) => region == Regions.Abroad == (x.Territory.Country != "FR"))
            .When(x => Regions.IsKnown(x.Territory.RegionCode) && IsCountryCode(x.Territory.Country))
            .WithMessage(x => x.Territory.Country == "FR"
                ? Text.Of($"La région « {Regions.Abroad} » (étranger) est réservée aux projets hors de France : pour un projet en France (pays FR), choisissez sa région ; pour un projet à l'étranger, indiquez son pays.",
                          $"Region '{Regions.Abroad}' (abroad) is only for projects outside France: for a project in France (country FR), choose its region; for a project abroad, give its country.")
                : Text.Of($"Pour un projet à l'étranger (pays {x.Territory.Country}), la région est « {Regions.Abroad} » (étranger) ; pour un projet en France, indiquez le pays FR.",
                          $"For a project abroad (country {x.Territory.Country}), the region is '{Regions.Abroad}' (abroad); for a project in France, give the country FR."));
    }

    private void ActorRules()
    {
        RuleFor(x => x.Actors).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => Text.Of(
                "Indiquez au moins un acteur de l'action (collectivité, entreprise, association…).",
                "Give at least one actor of the action (local authority, company, association…)."))
            .Must(l => l.Count <= MaxActors).WithMessage(_ => AtMost(MaxActors, "acteurs", "actors"));
        RuleForEach(x => x.Actors).ChildRules(actor =>
        {
            actor.RuleFor(a => a.Name).Must(Filled(200)).WithMessage(_ => Text.Of(
                "Indiquez le nom de l'acteur (200 caractères au plus).", "Give the actor's name (200 characters at most)."));
            actor.RuleFor(a => a.Kind).IsInEnum().WithMessage(_ => Unknown<ActorKind>("Type d'acteur inconnu", "Unknown kind of actor"));
            actor.RuleFor(a => a.Role).MaximumLength(300).WithMessage(_ => TooLong("Le rôle", "The role", 300));
        });
    }

    private void IndicatorRules()
    {
        RuleFor(x => x.Indicators).Must(l => l.Count <= MaxIndicators).WithMessage(_ => AtMost(MaxIndicators, "indicateurs", "indicators"));
        RuleForEach(x => x.Indicators).ChildRules(indicator =>
        {
            indicator.RuleFor(i => i.Label).Must(Filled(200)).WithMessage(_ => Text.Of(
                "Dites ce que mesure l'indicateur (200 caractères au plus).", "Say what the indicator measures (200 characters at most)."));
            indicator.RuleFor(i => i.Value).InclusiveBetween(-1_000_000_000_000m, 1_000_000_000_000m).WithMessage(_ => Text.Of(
                "La valeur de l'indicateur est un nombre entre -1 000 milliards et 1 000 milliards.",
                "The indicator's value is a number between -1 trillion and 1 trillion."));
            indicator.RuleFor(i => i.Unit).Must(Filled(40)).WithMessage(_ => Text.Of(
                "Indiquez l'unité de l'indicateur (%, tonnes de CO₂ par an, logements…), 40 caractères au plus.",
                "Give the indicator's unit (%, tonnes of CO₂ a year, homes…), 40 characters at most."));
        });
    }

    private void FinancingRules()
    {
        RuleFor(x => x.Financing).Must(l => l.Count <= MaxFinancing).WithMessage(_ => AtMost(MaxFinancing, "lignes de financement", "financing lines"));
        RuleForEach(x => x.Financing).ChildRules(line =>
        {
            line.RuleFor(f => f.Source).IsInEnum().WithMessage(_ => Unknown<FinancingSource>("Source de financement inconnue", "Unknown financing source"));
            line.RuleFor(f => f.AmountEuros).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Text.Of(
                    "Le montant en euros ne peut pas être négatif.", "The amount in euros cannot be negative."))
                .LessThanOrEqualTo(MaxAmountEuros).WithMessage(_ => Text.Of(
                    "Ce montant dépasse 100 milliards d'euros : vérifiez le nombre de zéros.",
                    "This amount is over 100 billion euros: check the number of zeros."))
                .PrecisionScale(14, 2, ignoreTrailingZeros: true).WithMessage(_ => Text.Of(
                    "Le montant s'écrit en euros, au centime près (deux décimales au plus).",
                    "The amount is in euros, to the cent (two decimals at most)."));
            line.RuleFor(f => f.Detail).MaximumLength(200).WithMessage(_ => TooLong("Le détail du financement", "The financing detail", 200));
        });
    }

    private void PeriodRules()
    {
        RuleFor(x => x.Period!.Start).Must(Plausible).When(x => x.Period is not null).WithMessage(_ => Text.Of(
            "Indiquez la date de début de l'action (entre 1950 et 2100).", "Give the start date of the action (between 1950 and 2100)."));
        RuleFor(x => x.Period!.End).Cascade(CascadeMode.Stop)
            .Must((x, end) => end is null || end > x.Period!.Start).WithMessage(_ => Text.Of(
                "La date de fin doit être postérieure à la date de début.", "The end date must be after the start date."))
            .Must(end => end is null || Plausible(end.Value)).WithMessage(_ => Text.Of(
                "La date de fin doit tomber avant 2100.", "The end date must fall before 2100."))
            .When(x => x.Period is not null);
    }

    private void ContactRules()
    {
        When(x => x.Contact is not null, () =>
        {
            RuleFor(x => x.Contact!.Name).Must(Filled(120)).WithMessage(_ => Text.Of(
                "Indiquez le nom du contact (120 caractères au plus).", "Give the contact's name (120 characters at most)."));
            RuleFor(x => x.Contact!.Organisation).Must(Filled(200)).WithMessage(_ => Text.Of(
                "Indiquez l'organisation du contact (200 caractères au plus).", "Give the contact's organisation (200 characters at most)."));
            RuleFor(x => x.Contact!.Email).Cascade(CascadeMode.Stop)
                .EmailAddress().WithMessage(_ => Text.Of("Cette adresse e-mail n'est pas valide.", "This e-mail address is not valid."))
                .MaximumLength(254).WithMessage(_ => TooLong("L'adresse e-mail", "The e-mail address", 254))
                .When(x => x.Contact!.Email is not null);
            RuleFor(x => x.Contact!.Url).Must(CommonRules.IsHttpsUrl).When(x => x.Contact!.Url is not null)
                .WithMessage(_ => Text.Of("Le site du contact doit être une adresse https complète.", "The contact's website must be a full https URL."));
        });
    }

    private void LinkRules()
    {
        RuleFor(x => x.Links).Must(l => l.Count <= MaxLinks).WithMessage(_ => AtMost(MaxLinks, "liens", "links"));
        RuleForEach(x => x.Links).ChildRules(link =>
        {
            link.RuleFor(l => l.Label).Must(Filled(200)).WithMessage(_ => Text.Of(
                "Donnez un libellé au lien (200 caractères au plus).", "Give the link a label (200 characters at most)."));
            link.RuleFor(l => l.Url).Must(CommonRules.IsHttpsUrl).WithMessage(_ => Text.Of(
                "Le lien doit être une adresse https complète.", "The link must be a full https URL."));
        });
    }

    /// <summary>Present and short enough, so that one message says both.</summary>
    private static Func<string?, bool> Filled(int max) => v => !string.IsNullOrWhiteSpace(v) && v.Length <= max;

    private static bool Plausible(DateOnly date) => date.Year is >= 1950 and < 2100;

    private static string TooLong(string french, string english, int max) =>
        Text.Of($"{french} compte au plus {max:N0} caractères.", $"{english} is {max:N0} characters at most.");

    private static string AtMost(int max, string french, string english) =>
        Text.Of($"{max} {french} au plus.", $"{max} {english} at most.");

    private static string Unknown<TEnum>(string french, string english) where TEnum : struct, Enum
    {
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(Json.Name));
        return Text.Of($"{french}. Valeurs permises : {allowed}.", $"{english}. Allowed values: {allowed}.");
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
