using static Vivapolis.Api.Content.Normalize;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Fiches;

/// <summary>The stored, editable fiche (exemplary action).</summary>
public sealed class Fiche : ContentDocument<FicheContent>, IContentDocument
{
    public static string TypeName => "fiche";
    public static string RouteSegment => "fiches";
    public static ContentDesk Desk => ContentDesk.Editorial;
    public static string Description => "Fiches: exemplary actions of the sustainable city, in France and abroad.";
}

public sealed class FicheType(FicheValidator validator) : ContentType<Fiche, FicheContent, FicheDelivery>
{
    public override IValidator<FicheContent> Validator => validator;

    public override string TitleOf(FicheContent content) => content.Title;

    // Lists may arrive as null or with null rows from hand-written JSON: both become what the validator expects.
    public override FicheContent Normalize(FicheContent c) => c with
    {
        Title = c.Title?.Trim() ?? "",
        Slug = Trimmed(c.Slug),
        Summary = Trimmed(c.Summary),
        Territory = c.Territory is { } t
            ? t with
            {
                Commune = Trimmed(t.Commune), Departement = Trimmed(t.Departement), RegionCode = t.RegionCode?.Trim() ?? "",
                Country = string.IsNullOrWhiteSpace(t.Country) ? "FR" : t.Country.Trim().ToUpperInvariant(),
            }
            : new FicheTerritory(),
        Actors = Rows(c.Actors, a => a with { Name = a.Name?.Trim() ?? "", Role = Trimmed(a.Role) }),
        Challenge = RichText.Sanitize(c.Challenge),
        Actions = RichText.Sanitize(c.Actions),
        Results = RichText.Sanitize(c.Results),
        Indicators = Rows(c.Indicators, i => i with { Label = i.Label?.Trim() ?? "", Unit = i.Unit?.Trim() ?? "" }),
        Financing = Rows(c.Financing, f => f with { Detail = Trimmed(f.Detail) }),
        Contact = c.Contact is { } contact
            ? contact with
            {
                Name = contact.Name?.Trim() ?? "", Organisation = contact.Organisation?.Trim() ?? "",
                Email = Trimmed(contact.Email), Url = Trimmed(contact.Url),
            }
            : null,
        Links = Rows(c.Links, l => l with { Label = l.Label?.Trim() ?? "", Url = l.Url?.Trim() ?? "" }),
        Themes = Words(c.Themes),
        Tags = Words(c.Tags),
        RelatedArticles = c.RelatedArticles ?? [],
        RelatedEvents = c.RelatedEvents ?? [],
    };

    public override SearchText SearchTextOf(Fiche f) => new(f.Content.Title, SearchText.Join(
        f.Content.Summary, SearchText.Plain(f.Content.Challenge), SearchText.Plain(f.Content.Actions),
        SearchText.Plain(f.Content.Results), f.Content.Territory.Commune,
        string.Join(", ", f.Content.Actors.Select(a => a.Name)), string.Join(", ", f.Content.Tags)));

    public override FicheDelivery ToDelivery(Fiche f, IReadOnlyList<Vivapolis.Contracts.Media.MediaImage> images) =>
        ToDelivery(f) with { Images = images.Count == 0 ? null : images };

    public override Guid? TranslationGroupOf(FicheContent content) => content.TranslationGroup;

    public override FicheContent InLanguage(FicheContent content, Vivapolis.Contracts.Common.Locale locale, Guid group, string? slug) =>
        content with { Locale = locale, TranslationGroup = group, Slug = slug };

    public override FicheDelivery WithAlternates(FicheDelivery delivery, IReadOnlyList<Vivapolis.Contracts.Common.AlternateLink> alternates) =>
        delivery with { Alternates = alternates };

    public override FicheDelivery ToDelivery(Fiche f) => new()
    {
        Id = f.Id, Locale = f.Locale, TranslationGroup = f.Content.TranslationGroup ?? f.Id, Slug = f.Slug,
        Title = f.Content.Title, Summary = f.Content.Summary, Territory = f.Content.Territory, Actors = f.Content.Actors,
        Challenge = f.Content.Challenge, Actions = f.Content.Actions, Results = f.Content.Results,
        Indicators = f.Content.Indicators, Financing = f.Content.Financing, Period = f.Content.Period,
        Contact = f.Content.Contact, Links = f.Content.Links, Themes = f.Content.Themes, Tags = f.Content.Tags,
        RelatedArticles = f.Content.RelatedArticles, RelatedEvents = f.Content.RelatedEvents,
        Seo = f.Content.Seo, Cover = f.Content.Cover,
        PublishedAt = f.PublishedAt ?? f.UpdatedAt, UpdatedAt = f.UpdatedAt, Version = f.Version,
    };

    private static IReadOnlyList<T> Rows<T>(IReadOnlyList<T>? rows, Func<T, T> clean) where T : class =>
        rows?.Where(r => r is not null).Select(clean).ToList() ?? [];
}

public static class FichesRegistration
{
    public static IServiceCollection AddFiches(this IServiceCollection services) => services
        .AddSingleton<FicheValidator>()
        .AddContentType<Fiche, FicheContent, FicheDelivery, FicheType>();
}
