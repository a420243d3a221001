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

public sealed class PreviewArticle : Vivapolis.Api.Content.Preview.PreviewItem<Article, ArticleContent, ArticleDelivery>;

public sealed class GetArticlePreview : Vivapolis.Api.Content.Preview.GetItemPreview<Article, ArticleDelivery>;

public sealed class RevokeArticlePreviewLinks : Vivapolis.Api.Content.Preview.RevokePreviewLinks<Article, ArticleContent>;

public sealed class SubmitArticle : SubmitItem<Article, ArticleContent, ArticleDelivery>;

public sealed class ListArticleRevisions : ListRevisions<Article, ArticleContent>;

public sealed class GetArticleRevision : GetRevision<Article, ArticleContent>;

public sealed class DiffArticleRevisions : DiffRevisions<Article, ArticleContent>;

public sealed class RestoreArticleRevision : RestoreRevision<Article, ArticleContent, ArticleDelivery>;

public sealed class DiscardArticleDraft : DiscardDraft<Article, ArticleContent, ArticleDelivery>;

public sealed class ScheduleArticle : Vivapolis.Api.Content.Scheduling.ScheduleItem<Article, ArticleContent, ArticleDelivery>;

public sealed class CancelArticleSchedule : Vivapolis.Api.Content.Scheduling.CancelSchedule<Article, ArticleContent, ArticleDelivery>;

public sealed class CreateArticleTranslation : Vivapolis.Api.Content.Translations.CreateTranslation<Article, ArticleContent, ArticleDelivery>;

public sealed class ListArticleTranslations : Vivapolis.Api.Content.Translations.ListTranslations<Article, ArticleContent, ArticleDelivery>;

public sealed class UnlinkArticleTranslation : Vivapolis.Api.Content.Translations.UnlinkTranslation<Article, ArticleContent, ArticleDelivery>;
