using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Features.Articles;

// The shared endpoints, closed over the article types. Routes, rules and behaviour live in Content/.

public sealed class CreateArticle : CreateItem<Article, ArticleContent, ArticleDelivery>;

public sealed class GetArticle : GetItem<Article, ArticleContent>;

public sealed class ListArticles : ListItems<Article, ArticleContent>;

public sealed class UpdateArticle : UpdateItem<Article, ArticleContent, ArticleDelivery>;

public sealed class PublishArticle : PublishItem<Article, ArticleContent, ArticleDelivery>;

public sealed class UnpublishArticle : UnpublishItem<Article, ArticleContent, ArticleDelivery>;

public sealed class DeleteArticle : DeleteItem<Article, ArticleContent, ArticleDelivery>;

public sealed class GetPublishedArticle : GetPublishedItem<Article, ArticleDelivery>;
