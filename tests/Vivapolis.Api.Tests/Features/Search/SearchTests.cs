using System.Net;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Search;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Search;

public class SearchTests(ApiFactory api) : ApiTest(api)
{
    private async Task<SearchResults> SearchAsync(string query) =>
        await (await Api.CreateClient().GetAsync($"/api/v1/search?{query}")).ReadAsync<SearchResults>();

    [Theory]
    [InlineData("mobilites", "Les mobilités douces gagnent la ville")]
    [InlineData("energie", "L'énergie citoyenne en Bretagne")]
    [InlineData("cœur de ville", "Le programme Action cœur de ville à Vierzon")]
    [InlineData("coeur de ville", "Le programme Action cœur de ville à Vierzon")]
    [InlineData("BATIMENTS", "Rénover les bâtiments scolaires")]
    public async Task French_words_are_found_whatever_their_accents_case_and_plural(string query, string title)
    {
        var editor = await Api.EditorAsync();
        foreach (var t in new[] { "Les mobilités douces gagnent la ville", "L'énergie citoyenne en Bretagne",
                     "Le programme Action cœur de ville à Vierzon", "Rénover les bâtiments scolaires" })
            await editor.CreatePublishedAsync(Draft(t));

        var results = await SearchAsync($"q={Uri.EscapeDataString(query)}");

        Assert.Equal(title, results.Items[0].Title);
        Assert.Equal("article", results.Items[0].Type);
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_body()
    {
        var editor = await Api.EditorAsync();
        var inBody = await editor.CreatePublishedAsync(Draft("Un article sur la ville") with { Body = "<p>On y parle aussi de biodiversité.</p>" });
        var inTitle = await editor.CreatePublishedAsync(Draft("La biodiversité urbaine"));

        var results = await SearchAsync("q=biodiversite");

        Assert.Equal([inTitle.Id, inBody.Id], results.Items.Select(i => i.Id));
        Assert.True(results.Items[0].Rank > results.Items[1].Rank);
    }

    [Fact]
    public async Task Excerpts_highlight_the_words_and_are_safe_to_insert_as_html()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Chaleur urbaine") with
        {
            Body = "<p>Le réseau de chaleur R&amp;D alimente 3 000 logements &lt; 50 m² pour moins de 10 € par mois.</p>",
        });

        var hit = Assert.Single((await SearchAsync("q=logements")).Items);

        Assert.Contains("<mark>logements</mark>", hit.Excerpt);
        Assert.Contains("R&amp;D", hit.Excerpt);
        Assert.Contains("réseau", hit.Excerpt); // French letters stay readable
        Assert.DoesNotContain('<', hit.Excerpt.Replace("<mark>", "").Replace("</mark>", ""));
    }

    [Fact]
    public async Task Only_published_items_are_found_and_they_disappear_when_unpublished()
    {
        var editor = await Api.EditorAsync();
        await editor.CreateAsync(Draft("Compostage partagé, brouillon"));
        var published = await editor.CreatePublishedAsync(Draft("Compostage partagé à Lorient"));

        Assert.Equal(published.Id, Assert.Single((await SearchAsync("q=compostage")).Items).Id);

        await editor.PostAsync($"{Manage}/{published.Id}/unpublish", null);
        Assert.Empty((await SearchAsync("q=compostage")).Items);
    }

    [Fact]
    public async Task Types_and_locale_narrow_the_search()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Water management in Lyon") with { Locale = Locale.En });
        await editor.CreatePublishedAsync(Draft("La gestion de l'eau à Lyon"));

        Assert.Equal("Water management in Lyon", Assert.Single((await SearchAsync("q=water&locale=en")).Items).Title);
        Assert.Single((await SearchAsync("q=lyon&types=article")).Items);
        Assert.Empty((await SearchAsync("q=lyon&types=fiche,event")).Items);
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=a", "q")]
    [InlineData("q=%26%26%26%7C%7C%7C", "q")]
    [InlineData("q=la%20de%20du%20des", "q")]
    [InlineData("q=ville&types=contact", "types")]
    [InlineData("q=ville&limit=500", "limit")]
    public async Task Empty_or_absurd_queries_are_a_400_problem_never_a_500(string query, string field)
    {
        var problem = await (await Api.CreateClient().GetAsync($"/api/v1/search?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Theory]
    [InlineData("' or 1=1 --")]
    [InlineData("\"unbalanced")]
    [InlineData("a & b | !c <-> d")]
    [InlineData("data->>'email'")]
    public async Task Operators_and_sql_fragments_are_searched_as_words(string query)
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(Draft("Une ville ordinaire"));

        var response = await Api.CreateClient().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK) Assert.Empty((await response.ReadAsync<SearchResults>()).Items);
    }
}
