using FluentValidation;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>Rules every content type applies to the fields they share.</summary>
public static class CommonRules
{
    public static void ItemRules<T>(this AbstractValidator<T> v) where T : IItemContent
    {
        v.RuleFor(x => x.Locale).IsInEnum();
        v.RuleFor(x => x.Slug!).Must(Slugs.IsValid).When(x => x.Slug is not null)
            .WithMessage(_ => Text.Of(
                $"Le slug ne peut contenir que des minuscules sans accents, des chiffres et des tirets ({Slugs.MaxLength} caractères au plus).",
                $"The slug may only contain lowercase letters, digits and hyphens ({Slugs.MaxLength} characters at most)."));
    }

    /// <summary>A slug in a public URL: no slug is longer, so a longer one names nothing, and is said so before the database is asked.</summary>
    public static IRuleBuilderOptions<T, string> SlugInPath<T>(this IRuleBuilder<T, string> rule) => rule.MaximumLength(Slugs.MaxLength)
        .WithMessage(_ => Text.Of($"Un slug compte {Slugs.MaxLength} caractères au plus.", $"A slug is {Slugs.MaxLength} characters at most."));

    public static IRuleBuilderOptions<T, string> Title<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage(_ => Text.Of("Le titre est obligatoire.", "Title is required."))
        .Length(3, 200).WithMessage(_ => Text.Of("Le titre doit compter entre 3 et 200 caractères.", "Title must be 3 to 200 characters long."));

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> KnownThemes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) => rule
        .Must(list => list.Count <= 13 && list.All(Themes.IsKnown))
        .WithMessage(_ => Text.Of($"Thème inconnu. Valeurs permises : {Themes.Allowed}.", $"Unknown theme. Allowed values: {Themes.Allowed}."));

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> KnownRegions<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) => rule
        .Must(list => list.Count <= Regions.All.Count && list.All(Regions.IsKnown))
        .WithMessage(_ => Text.Of($"Région inconnue. Codes permis : {Regions.Allowed}.", $"Unknown region. Allowed codes: {Regions.Allowed}."));

    public static IRuleBuilderOptions<T, string?> KnownRegion<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(code => code is null || Regions.IsKnown(code))
        .WithMessage(_ => Text.Of($"Région inconnue. Codes permis : {Regions.Allowed}.", $"Unknown region. Allowed codes: {Regions.Allowed}."));

    public static IRuleBuilderOptions<T, string?> KnownTheme<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(code => code is null || Themes.IsKnown(code))
        .WithMessage(_ => Text.Of($"Thème inconnu. Valeurs permises : {Themes.Allowed}.", $"Unknown theme. Allowed values: {Themes.Allowed}."));

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ShortList<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int max, int maxLength) => rule
        .Must(list => list.Count <= max && list.All(s => s.Length <= maxLength))
        .WithMessage(_ => Text.Of($"Au plus {max} valeurs de {maxLength} caractères chacune.", $"At most {max} values of {maxLength} characters each."));

    public static void CoverAndSeo<T>(this AbstractValidator<T> v, Func<T, CoverImage?> cover, Func<T, SeoFields?> seo)
    {
        v.RuleFor(x => cover(x)!.Url).Must(IsHttpsUrl).When(x => cover(x) is { MediaId: null }).OverridePropertyName("cover.url")
            .WithMessage(_ => Text.Of("L'image doit être une adresse https complète.", "The image must be a full https URL."));
        // An image of the library is served by this API, which may be plain http on a developer's machine.
        v.RuleFor(x => cover(x)!.Url).Must(IsMediaUrl).When(x => cover(x) is { MediaId: not null }).OverridePropertyName("cover.url")
            .WithMessage(_ => Text.Of("L'image de la médiathèque s'indique par son adresse /media/ (son « url »).",
                                      "A media library image is given by its /media/ address (its 'url')."));
        v.RuleFor(x => cover(x)!.Alt).Must(alt => !string.IsNullOrWhiteSpace(alt) && alt.Length <= 300)
            .When(x => cover(x) is not null).OverridePropertyName("cover.alt")
            .WithMessage(_ => Text.Of("Décrivez l'image (texte alternatif, 300 caractères au plus).", "Describe the image (alt text, 300 characters at most)."));
        v.RuleFor(x => cover(x)!.Credit).MaximumLength(200).When(x => cover(x) is not null).OverridePropertyName("cover.credit");
        v.RuleFor(x => seo(x)!.Title).MaximumLength(70).When(x => seo(x) is not null).OverridePropertyName("seo.title");
        v.RuleFor(x => seo(x)!.Description).MaximumLength(160).When(x => seo(x) is not null).OverridePropertyName("seo.description");
    }

    public static bool IsMediaUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal) && url!.Length <= 2000;

    public static bool IsHttpsUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url!.Length <= 2000;
}
