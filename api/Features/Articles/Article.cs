using static Vivapolis.Api.Content.Normalize;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Features.Articles;

/// <summary>The stored, editable article.</summary>
public sealed class Article : ContentDocument<ArticleContent>, IContentDocument
{
    public static string TypeName => "article";
    public static string RouteSegment => "articles";
    public static ContentDesk Desk => ContentDesk.Editorial;
    public static string Description => "Articles: magazine interviews and news. Delivery under /api/v1/articles, management under /api/v1/manage/articles.";
}

public sealed class ArticleType(ArticleValidator validator) : ContentType<Article, ArticleContent, ArticleDelivery>
{
    public override IValidator<ArticleContent> Validator => validator;

    public override string TitleOf(ArticleContent content) => content.Title;

    public override ArticleContent Normalize(ArticleContent c) => c with
    {
        Title = c.Title?.Trim() ?? "",
        Slug = Trimmed(c.Slug),
        Standfirst = c.Standfirst?.Trim(),
        Body = RichText.Sanitize(c.Body),
        Rubric = c.Rubric?.Trim(),
        Authors = Words(c.Authors),
        Tags = Words(c.Tags),
        Themes = Words(c.Themes),
        RelatedFiches = c.RelatedFiches ?? [],
        RelatedEvents = c.RelatedEvents ?? [],
    };

    public override SearchText SearchTextOf(Article a) =>
        new(a.Content.Title, SearchText.Join(a.Content.Standfirst, SearchText.Plain(a.Content.Body), a.Content.Rubric,
            string.Join(", ", a.Content.Tags), a.Content.Interviewee?.Name, a.Content.Interviewee?.Organisation));

    public override ArticleDelivery ToDelivery(Article a, IReadOnlyList<Vivapolis.Contracts.Media.MediaImage> images) =>
        ToDelivery(a) with { Images = images.Count == 0 ? null : images };

    public override Guid? TranslationGroupOf(ArticleContent content) => content.TranslationGroup;

    public override ArticleContent InLanguage(ArticleContent content, Vivapolis.Contracts.Common.Locale locale, Guid group, string? slug) =>
        content with { Locale = locale, TranslationGroup = group, Slug = slug };

    public override ArticleDelivery WithAlternates(ArticleDelivery delivery, IReadOnlyList<Vivapolis.Contracts.Common.AlternateLink> alternates) =>
        delivery with { Alternates = alternates };

    public override ArticleDelivery ToDelivery(Article a)
    {
        var delivery = new ArticleDelivery
        {
            Id = a.Id, Locale = a.Locale, TranslationGroup = a.Content.TranslationGroup ?? a.Id, Slug = a.Slug,
            Title = a.Content.Title, Standfirst = a.Content.Standfirst, Body = a.Content.Body, Rubric = a.Content.Rubric,
            Authors = a.Content.Authors, Interviewee = a.Content.Interviewee, Tags = a.Content.Tags, Themes = a.Content.Themes,
            RelatedFiches = a.Content.RelatedFiches, RelatedEvents = a.Content.RelatedEvents,
            Seo = a.Content.Seo, Cover = a.Content.Cover,
            PublishedAt = a.PublishedAt ?? a.UpdatedAt, UpdatedAt = a.UpdatedAt, Version = a.Version,
        };
        return delivery with { JsonLd = ArticleJsonLdMapping.Of(delivery) };
    }
}

public static class ArticlesRegistration
{
    public static IServiceCollection AddArticles(this IServiceCollection services) => services
        .AddSingleton<ArticleValidator>()
        .AddContentType<Article, ArticleContent, ArticleDelivery, ArticleType>();
}
