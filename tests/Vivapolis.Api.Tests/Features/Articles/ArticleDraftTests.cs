using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleDraftTests(ApiFactory api) : ApiTest(api)
{
    private const string Articles = "/api/v1/manage/articles";

    [Fact]
    public async Task Creating_an_article_gives_a_draft_with_a_slug_from_the_French_title_and_an_etag()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostJsonAsync(Articles, new ArticleContent { Title = "Vers un modèle français de la ville durable" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("vers-un-modele-francais-de-la-ville-durable", created.Slug);
        Assert.Equal(ContentStatus.Draft, created.Status);
        Assert.Equal(ApiFactory.EditorEmail, created.CreatedBy);
        Assert.Equal("\"v1\"", response.Headers.ETag?.ToString());
        Assert.Equal($"{Articles}/{created.Id}", response.Headers.Location?.ToString());
    }
}
