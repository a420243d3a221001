using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Features.Articles;

/// <summary>Filters of the public article list.</summary>
public sealed class ArticleListRequest : TranslatedListRequest
{
    /// <summary>Only articles filed under this theme code (see <c>/api/v1/themes</c>).</summary>
    [QueryParam]
    public string? Theme { get; init; }

    /// <summary>Only articles with this tag.</summary>
    [QueryParam]
    public string? Tag { get; init; }
}

public sealed class ArticleListValidator : Validator<ArticleListRequest>
{
    public ArticleListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Theme).KnownTheme();
        RuleFor(x => x.Tag).MaximumLength(60);
    }
}

/// <summary>GET /api/v1/articles: published articles, newest first.</summary>
public sealed class ListPublishedArticles : ListPublished<Article, ArticleListRequest, ArticleDelivery>
{
    protected override DeliveryFilter Filter(ArticleListRequest r) => FilterFor(r);

    /// <summary>The list's filters as SQL; the Atom feed of articles takes the same.</summary>
    public static DeliveryFilter FilterFor(ArticleListRequest r) =>
        new DeliveryFilter().ArrayContains("themes", r.Theme).ArrayContains("tags", r.Tag);
}
