using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Articles;

public class ArticleEditingTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Saving_with_the_current_etag_stores_the_change_and_returns_the_next_etag()
    {
        var editor = await Api.EditorAsync();
        var (created, etag) = await editor.CreateAsync(Draft("Premier titre"));

        var response = await editor.PutAsync(created.Id, Draft("Second titre"), etag);

        var saved = await response.ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("Second titre", saved.Content.Title);
        Assert.Equal(2, saved.Version);
        Assert.Equal("\"v2\"", response.Headers.ETag?.ToString());
        Assert.Equal("premier-titre", saved.Slug); // the URL stays stable when only the title changes
    }

    [Fact]
    public async Task Saving_without_if_match_is_a_428_problem_and_changes_nothing()
    {
        var editor = await Api.EditorAsync();
        var (created, _) = await editor.CreateAsync(Draft("Titre d'origine"));

        await (await editor.PutAsync(created.Id, Draft("Écrasé"), ifMatch: null)).ProblemAsync((HttpStatusCode)428);

        var current = await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("Titre d'origine", current.Content.Title);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public async Task Of_two_editors_who_loaded_the_same_version_the_second_to_save_gets_a_412_and_the_first_keeps_their_work()
    {
        var alice = await Api.EditorAsync();
        var bob = await Api.ClientForAsync(ApiFactory.AdminEmail);
        var (created, etag) = await alice.CreateAsync(Draft("Article partagé"));

        var first = await alice.PutAsync(created.Id, Draft("Version d'Alice"), etag);
        var second = await bob.PutAsync(created.Id, Draft("Version de Bob"), etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await second.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<int>());
        var current = await (await bob.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal("Version d'Alice", current.Content.Title);
    }

    [Fact]
    public async Task Concurrent_saves_with_the_same_etag_let_exactly_one_through()
    {
        var editor = await Api.EditorAsync();
        var (created, etag) = await editor.CreateAsync(Draft("Course aux enregistrements"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => editor.PutAsync(created.Id, Draft($"Version {i}"), etag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var current = await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task A_garbage_if_match_is_a_412_not_a_500()
    {
        var editor = await Api.EditorAsync();
        var (created, _) = await editor.CreateAsync(Draft("Titre"));

        await (await editor.PutAsync(created.Id, Draft("Autre"), "\"nimporte-quoi\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Editing_an_unknown_article_is_a_404_problem()
    {
        var editor = await Api.EditorAsync();

        await (await editor.PutAsync(Guid.NewGuid(), Draft("Titre"), "\"v1\"")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_lifecycle_change_appends_an_event_to_the_article_stream_with_who_and_which_version()
    {
        var editor = await Api.EditorAsync();
        var (created, etag) = await editor.CreateAsync(Draft("Article suivi"));
        await editor.PutAsync(created.Id, Draft("Article suivi, revu"), etag);
        await editor.PublishAsync(created.Id);
        await editor.PostAsync($"{Manage}/{created.Id}/unpublish", null);
        await editor.DeleteAsync($"{Manage}/{created.Id}");

        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(created.Id);

        Assert.Equal(
            [typeof(ItemCreated), typeof(ItemEdited), typeof(ItemPublished), typeof(ItemUnpublished), typeof(ItemDeleted)],
            events.Select(e => e.EventType));
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => ((dynamic)e.Data).Version).Cast<int>());
        Assert.All(events, e => Assert.Equal(ApiFactory.EditorEmail, (string)((dynamic)e.Data).By));
    }
}
