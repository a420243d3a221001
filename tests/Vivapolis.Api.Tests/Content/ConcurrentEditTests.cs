using System.Net;
using System.Net.Http.Headers;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// Sixteen clients change one item at the same version, round after round: exactly one wins each version, the
/// others get a 412 that names the current version, and the history holds every winner and nothing else.
/// </summary>
public class ConcurrentEditTests(ApiFactory api) : ApiTest(api)
{
    private const int Clients = 16;
    private const int Rounds = 4;

    [Fact]
    public async Task Sixteen_clients_editing_one_version_one_wins_the_others_get_412_and_no_update_is_lost()
    {
        var editor = await Api.EditorAsync();
        var clients = Enumerable.Range(0, Clients).Select(_ => Api.CreateClient()).ToArray();
        foreach (var client in clients) client.DefaultRequestHeaders.Authorization = editor.DefaultRequestHeaders.Authorization;
        var (item, etag) = await editor.CreateAsync(Draft("Version de départ"));
        var winners = new List<string> { "Version de départ" };

        for (var round = 1; round <= Rounds; round++)
        {
            var titles = clients.Select((_, i) => $"Tour {round}, client {i}").ToArray();
            var sent = etag;
            var responses = await Task.WhenAll(clients.Select((c, i) => c.PutAsync(item.Id, Draft(titles[i]), sent)));

            var won = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToArray();
            Assert.Single(won);
            foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var problem = await lost.ProblemAsync(HttpStatusCode.PreconditionFailed);
                // Named when the If-Match check saw the new version; a loser of the race inside the same instant is
                // stopped by Marten's version check, which does not know it.
                if (problem["currentVersion"] is { } current) Assert.Equal(round + 1, current.GetValue<int>());
            }
            var winner = await won[0].ReadAsync<Managed<ArticleContent>>();
            Assert.Equal(round + 1, winner.Version);
            winners.Add(winner.Content.Title);
            etag = won[0].Headers.ETag!.ToString();
        }

        // The stored item is the last winner's, and each version in the history is that round's winner.
        var stored = await (await editor.GetAsync($"{Manage}/{item.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(Rounds + 1, stored.Version);
        Assert.Equal(winners[^1], stored.Content.Title);
        var history = await editor.ReadAllPagesAsync<RevisionSummary>($"{Manage}/{item.Id}/revisions");
        Assert.Equal(Enumerable.Range(1, Rounds + 1).Reverse(), history.Select(r => r.Version));
        for (var version = 1; version <= Rounds + 1; version++)
        {
            var revision = await (await editor.GetAsync($"{Manage}/{item.Id}/revisions/{version}")).ReadAsync<ManagedRevision<ArticleContent>>();
            Assert.Equal(winners[version - 1], revision.Content.Title);
        }
    }

    [Fact]
    public async Task Edits_submissions_and_publications_racing_on_one_version_let_exactly_one_through()
    {
        var editor = await Api.EditorAsync();
        var (item, etag) = await editor.CreateAsync(Draft("Course"));
        var clients = Enumerable.Range(0, Clients).Select(_ => Api.CreateClient()).ToArray();
        foreach (var client in clients) client.DefaultRequestHeaders.Authorization = editor.DefaultRequestHeaders.Authorization;

        var responses = await Task.WhenAll(clients.Select((c, i) => (i % 3) switch
        {
            0 => c.PutAsync(item.Id, Draft($"Édition {i}"), etag),
            1 => c.SendAsync(Action($"{Manage}/{item.Id}/submit", etag)),
            _ => c.SendAsync(Action($"{Manage}/{item.Id}/publish", etag)),
        }));

        Assert.Single(responses, r => r.IsSuccessStatusCode);
        foreach (var lost in responses.Where(r => !r.IsSuccessStatusCode))
        {
            // Either the version moved (412), or it moved into a state where the action no longer applies (409).
            Assert.Contains(lost.StatusCode, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict });
            Assert.Equal("application/problem+json", lost.Content.Headers.ContentType?.MediaType);
        }
        var history = await editor.ReadAllPagesAsync<RevisionSummary>($"{Manage}/{item.Id}/revisions");
        Assert.Equal([2, 1], history.Select(r => r.Version));
    }

    private static HttpRequestMessage Action(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }
}
