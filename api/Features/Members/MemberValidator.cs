using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;

namespace Vivapolis.Api.Features.Members;

public sealed class MemberValidator : AbstractValidator<MemberContent>
{
    /// <summary>The year the network was founded: nobody joined before.</summary>
    public const int FirstYear = 2016;

    /// <summary>A year beyond is a typo.</summary>
    public const int LastYear = 2100;

    public MemberValidator()
    {
        this.ItemRules();
        RuleFor(x => x.Name).Must(n => n.Length is >= 2 and <= 200).WithMessage(_ => Text.Of(
            "Indiquez le nom de l'organisation (2 à 200 caractères).", "Give the organisation's name (2 to 200 characters)."));
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Of(
                $"Indiquez le type d'organisation. {ActorKinds()}", $"Give the kind of organisation. {ActorKinds()}"))
            .IsInEnum().WithMessage(_ => Text.Of($"Type d'organisation inconnu. {ActorKinds()}", $"Unknown kind of organisation. {ActorKinds()}"));
        RuleFor(x => x.RegionCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => Text.Of(
                $"Indiquez la région du siège (code INSEE) ; « {Regions.Abroad} » à l'étranger.",
                $"Give the region of the head office (INSEE code); '{Regions.Abroad}' abroad."))
            .KnownRegion();
        RuleFor(x => x.Website).Must(CommonRules.IsHttpsUrl).When(x => x.Website is not null).WithMessage(_ => Text.Of(
            "Le site web doit être une adresse https complète, par exemple https://www.example.org.",
            "The website must be a full https URL, for example https://www.example.org."));
        RuleFor(x => x.Description).MaximumLength(1000).WithMessage(_ => Text.Of(
            "La présentation compte au plus 1 000 caractères.", "The description is 1,000 characters at most."));
        RuleFor(x => x.MemberSince).InclusiveBetween(FirstYear, LastYear).WithMessage(_ => Text.Of(
            $"L'année d'adhésion s'écrit en quatre chiffres, à partir de {FirstYear} (création du réseau).",
            $"The year of joining is four digits, from {FirstYear} (when the network was founded)."));
        RuleFor(x => x.Themes).KnownThemes();
        this.Image(x => x.Logo, "logo");
        this.Seo(x => x.Seo);
    }

    private static string ActorKinds() => Text.Of("Valeurs permises : ", "Allowed values: ") +
        string.Join(", ", Enum.GetValues<ActorKind>().Select(k => Json.Name(k)));
}
