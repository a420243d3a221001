using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>GET /feeds/articles.atom: the magazine, newest first, with the filters of /api/v1/articles.</summary>
public sealed class GetArticlesFeed(TimeProvider clock) : AtomFeedEndpoint<Article, ArticleListRequest, ArticleDelivery>(clock)
{
    protected override DeliveryFilter Filter(ArticleListRequest request) => ListPublishedArticles.FilterFor(request);

    protected override string Title(Locale locale) => locale == Locale.En ? "Vivapolis: articles" : "Vivapolis : articles";

    protected override AtomEntry EntryOf(ArticleDelivery a) =>
        new(a.Id, a.Title, a.Standfirst, a.Body, a.Authors, a.Themes, a.PublishedAt, a.UpdatedAt, LinkOf(a.Slug, a.Locale));
}
