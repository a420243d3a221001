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

    /// <summary>The words of a list's <c>q</c>: 200 characters at most.</summary>
    public static IRuleBuilderOptions<T, string?> SearchWords<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(200)
        .WithMessage(_ => Text.Of("La recherche compte 200 caractères au plus.", "The search is 200 characters at most."));

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ShortList<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int max, int maxLength) => rule
        .Must(list => list.Count <= max && list.All(s => s.Length <= maxLength))
        .WithMessage(_ => Text.Of($"Au plus {max} valeurs de {maxLength} caractères chacune.", $"At most {max} values of {maxLength} characters each."));

    public static void CoverAndSeo<T>(this AbstractValidator<T> v, Func<T, CoverImage?> cover, Func<T, SeoFields?> seo)
    {
        v.Image(cover, "cover");
        v.Seo(seo);
    }

    public static void Seo<T>(this AbstractValidator<T> v, Func<T, SeoFields?> seo)
    {
        v.RuleFor(x => seo(x)!.Title).MaximumLength(70).When(x => seo(x) is not null).OverridePropertyName("seo.title");
        v.RuleFor(x => seo(x)!.Description).MaximumLength(160).When(x => seo(x) is not null).OverridePropertyName("seo.description");
    }

    /// <summary>An image of the item (a cover, a logo) at the content property <paramref name="name"/>: https or the media library's, with its alt text.</summary>
    public static void Image<T>(this AbstractValidator<T> v, Func<T, CoverImage?> image, string name)
    {
        v.RuleFor(x => image(x)!.Url).Must(IsHttpsUrl).When(x => image(x) is { MediaId: null }).OverridePropertyName($"{name}.url")
            .WithMessage(_ => Text.Of("L'image doit être une adresse https complète.", "The image must be a full https URL."));
        // An image of the library is served by this API, which may be plain http on a developer's machine.
        v.RuleFor(x => image(x)!.Url).Must(IsMediaUrl).When(x => image(x) is { MediaId: not null }).OverridePropertyName($"{name}.url")
            .WithMessage(_ => Text.Of("L'image de la médiathèque s'indique par son adresse /media/ (son « url »).",
                                      "A media library image is given by its /media/ address (its 'url')."));
        v.RuleFor(x => image(x)!.Alt).Must(alt => !string.IsNullOrWhiteSpace(alt) && alt.Length <= 300)
            .When(x => image(x) is not null).OverridePropertyName($"{name}.alt")
            .WithMessage(_ => Text.Of("Décrivez l'image (texte alternatif, 300 caractères au plus).", "Describe the image (alt text, 300 characters at most)."));
        v.RuleFor(x => image(x)!.Credit).MaximumLength(200).When(x => image(x) is not null).OverridePropertyName($"{name}.credit");
    }

    public static bool IsMediaUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal) && url!.Length <= 2000;

    public static bool IsHttpsUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url!.Length <= 2000;
}
