using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleDraftTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Creating_an_article_gives_a_draft_with_a_slug_from_the_French_title_and_an_etag()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostJsonAsync(Manage, new ArticleContent { Title = "Vers un modèle français de la ville durable" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("vers-un-modele-francais-de-la-ville-durable", created.Slug);
        Assert.Equal(ContentStatus.Draft, created.Status);
        Assert.Equal(ApiFactory.EditorEmail, created.CreatedBy);
        Assert.Equal("\"v1\"", response.Headers.ETag?.ToString());
        Assert.Equal($"{Manage}/{created.Id}", response.Headers.Location?.ToString());

        var fetched = await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("Vers un modèle français de la ville durable", fetched.Content.Title);
    }

    [Fact]
    public async Task Invalid_content_is_a_400_problem_with_French_messages_per_field_and_nothing_is_stored()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostJsonAsync(Manage, new ArticleContent
        {
            Title = "a",
            Themes = ["astrologie"],
            Cover = new CoverImage("http://insecure.example.org/a.jpg", "", null),
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Le titre doit compter entre 3 et 200 caractères.", problem.ErrorsFor("title"));
        Assert.Contains("Thème inconnu", problem.ErrorsFor("themes").Single());
        Assert.Contains("mobilite", problem.ErrorsFor("themes").Single()); // the allowed values are listed
        Assert.NotEmpty(problem.ErrorsFor("cover.url"));
        Assert.NotEmpty(problem.ErrorsFor("cover.alt"));
        Assert.Equal(0, await Api.Services.GetRequiredService<IDocumentStore>().QuerySession().Query<Article>().CountAsync());
    }

    [Fact]
    public async Task Validation_messages_are_in_English_when_the_client_asks_for_it()
    {
        var editor = await Api.EditorAsync();
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await editor.PostJsonAsync(Manage, new ArticleContent { Title = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Title is required.", problem.ErrorsFor("title"));
    }

    [Fact]
    public async Task A_slug_taken_in_the_same_locale_is_a_409_problem_but_another_locale_may_use_it()
    {
        var editor = await Api.EditorAsync();
        await editor.CreateAsync(Draft("La ville durable"));

        var clash = await editor.PostJsonAsync(Manage, Draft("La ville durable"));
        var problem = await clash.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("la-ville-durable", problem["detail"]!.GetValue<string>());

        var english = await editor.PostJsonAsync(Manage, Draft("La ville durable") with { Locale = Locale.En });
        Assert.Equal(HttpStatusCode.Created, english.StatusCode);
    }

    [Theory]
    [InlineData("Pas Bon")]
    [InlineData("accentué")]
    [InlineData("../../etc")]
    public async Task A_hand_made_slug_that_is_not_lowercase_words_and_hyphens_is_refused(string slug)
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Draft("Titre correct") with { Slug = slug }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("slug"));
    }

    [Theory]
    [InlineData("<script>alert('x')</script><p>texte</p>")]
    [InlineData("<SCRIPT SRC=//evil.example.com/x.js></SCRIPT><p>texte</p>")]
    [InlineData("<p onclick=\"alert(1)\">texte</p>")]
    [InlineData("<p><img src=x OnError=alert(1)>texte</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">texte</a></p>")]
    [InlineData("<p><a href=\" JaVaScRiPt:alert(1)\">texte</a></p>")]
    [InlineData("<p><a href=\"jav&#x09;ascript:alert(1)\">texte</a></p>")]
    [InlineData("<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">texte</a></p>")]
    [InlineData("<p><img src=\"DATA:image/svg+xml,<svg onload=alert(1)>\">texte</p>")]
    [InlineData("<iframe src=\"https://evil.example.com\"></iframe><p>texte</p>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">texte</p>")]
    public async Task Rich_text_is_sanitised_on_write_so_scripts_never_come_back_out(string body)
    {
        var editor = await Api.EditorAsync();

        var published = await editor.CreatePublishedAsync(Draft("Texte piégé") with { Body = body });
        var delivered = await Api.CreateClient().GetStringAsync($"{Delivery}/{published.Slug}");

        foreach (var output in new[] { published.Content.Body!, delivered })
        {
            var lower = output.ToLowerInvariant();
            Assert.DoesNotContain("<script", lower);
            Assert.DoesNotContain("javascript:", lower);
            Assert.DoesNotContain("data:", lower);
            Assert.DoesNotContain("onerror", lower);
            Assert.DoesNotContain("onclick", lower);
            Assert.DoesNotContain("onload", lower);
            Assert.DoesNotContain("<iframe", lower);
            Assert.DoesNotContain("style=", lower);
        }
        Assert.Contains("texte", published.Content.Body);
    }

    [Fact]
    public async Task Safe_rich_text_keeps_its_structure_and_links()
    {
        var editor = await Api.EditorAsync();
        const string body = "<h2>Titre</h2><p>Un <strong>texte</strong> avec un <a href=\"https://example.org/page\">lien</a>.</p><ul><li>un</li></ul>";

        var (created, _) = await editor.CreateAsync(Draft("Texte sain") with { Body = body });

        Assert.Equal(body, created.Content.Body);
    }
}
