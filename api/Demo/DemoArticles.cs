using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Demo;

/// <summary>Invented demo articles in French; each is created and published once, found again by its slug.</summary>
public sealed class DemoArticles(IQuerySession query, ContentLifecycle<Article, ArticleContent, ArticleDelivery> lifecycle)
{
    private const string By = "editor@example.org";

    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var (content, publish) in All)
        {
            var slug = content.Slug ?? Slugs.From(content.Title);
            if (await query.Query<Article>().AnyAsync(a => a.Slug == slug, ct)) continue;
            var doc = await lifecycle.CreateAsync(content, By, ct);
            if (publish) await lifecycle.PublishAsync(doc.Id, null, By, ct);
            created++;
        }
        return created;
    }

    public static IReadOnlyList<(ArticleContent Content, bool Publish)> All => DemoArticleTexts.All;
}
