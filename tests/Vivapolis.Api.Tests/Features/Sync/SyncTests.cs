using System.Net;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Features.Sync;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Events;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Events;
using Vivapolis.Api.Tests.Features.Fiches;

namespace Vivapolis.Api.Tests.Features.Sync;

public class SyncTests(ApiFactory api) : ApiTest(api)
{
    private async Task<HttpClient> AggregatorAsync() => (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;

    private static readonly DateTimeOffset NextSpring = new(2027, 4, 3, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task An_initial_sync_pages_through_exactly_the_published_items_of_every_type()
    {
        var editor = await Api.EditorAsync();
        var sales = await Api.SalesAsync();
        var articles = new List<Guid>();
        for (var i = 0; i < 3; i++) articles.Add((await editor.CreatePublishedAsync(ArticleSteps.Draft($"Article publié {i}"))).Id);
        await editor.CreateAsync(ArticleSteps.Draft("Un brouillon jamais publié"));
        await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Une fiche publiée"));
        await editor.CreatePublishedAsync(EventSteps.Draft("Matinale publiée", NextSpring));
        await sales.CreatePublishedAsync(AdvertiserContactSteps.Contact("Hélène Publique"));
        await sales.CreatePublishedAsync(AdvertiserContactSteps.Contact("Paul Privé") with { IsPublic = false });

        var mirror = new SyncMirror(limit: 2);
        await mirror.CatchUpAsync(await AggregatorAsync());

        Assert.True(mirror.Pages >= 3, $"{mirror.Pages} pages of 2 for 6 items");
        Assert.Equal(6, mirror.Items.Count); // 3 articles, a fiche, an event, the public contact
        Assert.All(mirror.Entries, e => Assert.Null(e["kind"])); // the current state, not changes
        await Api.AssertMirrorsAsync(mirror);
        // Each item is exactly what its public address serves, byte for byte.
        var anonymous = Api.CreateClient();
        foreach (var ((type, _), item) in mirror.Items)
        {
            var slug = System.Text.Json.Nodes.JsonNode.Parse(item.Json)!["slug"]!.GetValue<string>();
            var segment = type == "advertiser-contact" ? "advertiser-contacts" : type + "s";
            Assert.Equal(item.Json, await anonymous.GetStringAsync($"/api/v1/{segment}/{slug}"));
        }
    }

    [Fact]
    public async Task After_the_initial_sync_every_change_arrives_in_commit_order_deletions_included()
    {
        var editor = await Api.EditorAsync();
        var sales = await Api.SalesAsync();
        var kept = await editor.CreatePublishedAsync(ArticleSteps.Draft("Article qui change"));
        var unpublished = await editor.CreatePublishedAsync(ArticleSteps.Draft("Article qui sera dépublié"));
        var deleted = await editor.CreatePublishedAsync(FicheSteps.Segment, FicheSteps.Draft("Fiche qui sera supprimée"));
        var contact = await sales.CreatePublishedAsync(AdvertiserContactSteps.Contact("Hélène Marivaux"));
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        Assert.Equal(4, mirror.Items.Count);
        var initial = mirror.Entries.Count;

        // Edit and republish under a new slug; unpublish; delete; make the contact private by an edit.
        var (current, etag) = (kept, $"\"v{kept.Version}\"");
        var edited = await editor.PutAsync(current.Id, ArticleSteps.Draft("Article qui change") with { Slug = "article-renomme" }, etag);
        edited.EnsureSuccessStatusCode();
        await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, kept.Id);
        (await editor.PostAsync($"{ArticleSteps.Manage}/{unpublished.Id}/unpublish", null)).EnsureSuccessStatusCode();
        (await editor.DeleteAsync($"{FicheSteps.Manage}/{deleted.Id}")).EnsureSuccessStatusCode();
        (await sales.PutAsync(contact.Id, AdvertiserContactSteps.Contact("Hélène Marivaux") with { IsPublic = false }, $"\"v{contact.Version}\""))
            .EnsureSuccessStatusCode();
        var draft = (await editor.CreateAsync(ArticleSteps.Draft("Un brouillon n'est pas un changement public"))).Item;
        var published = await editor.CreatePublishedAsync(EventSteps.Draft("Nouvelle matinale", NextSpring));

        await mirror.CatchUpAsync(aggregator);

        var changes = mirror.Entries.Skip(initial).Select(e => (
            Id: e["id"]!.GetValue<Guid>(), Op: e["op"]!.GetValue<string>(), Kind: e["kind"]!.GetValue<string>())).ToList();
        Assert.Equal(
        [
            (kept.Id, "upsert", "slug_changed"),
            (unpublished.Id, "delete", "unpublished"),
            (deleted.Id, "delete", "deleted"),
            (contact.Id, "delete", "withdrawn"),
            (published.Id, "upsert", "published"),
        ], changes);
        Assert.DoesNotContain(mirror.Entries, e => e["id"]!.GetValue<Guid>() == draft.Id);
        Assert.Equal("article-renomme", mirror.Entries[initial]["slug"]!.GetValue<string>());
        Assert.All(mirror.Entries.Skip(initial).Where(e => e["op"]!.GetValue<string>() == "delete"), e => Assert.Null(e["item"]));
        await Api.AssertMirrorsAsync(mirror);

        // A later pull with the last token: nothing new, the same token's position.
        var before = mirror.Entries.Count;
        Assert.False(await mirror.PullAsync(aggregator));
        Assert.Equal(before, mirror.Entries.Count);
    }

    [Fact]
    public async Task An_erasure_is_a_delete_without_slug_and_leaves_no_trace_of_the_person_in_the_log()
    {
        var sales = await Api.SalesAsync();
        var contact = await sales.CreatePublishedAsync(AdvertiserContactSteps.Contact("Hélène Effacée"));
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        Assert.Single(mirror.Items);

        (await sales.EraseAsync(contact.Id)).EnsureSuccessStatusCode();
        await mirror.CatchUpAsync(aggregator);

        var erased = mirror.Entries[^1];
        Assert.Equal(("delete", "erased"), (erased["op"]!.GetValue<string>(), erased["kind"]!.GetValue<string>()));
        Assert.Null(erased["slug"]);
        Assert.Null(erased["locale"]);
        Assert.Empty(mirror.Items);
        // Nothing of the person in the change log: not the name, not the e-mail, not the slug made from the name.
        var log = Api.Services.GetRequiredService<ChangeLog>();
        await using var command = Api.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select count(*) from {log.Table} t where t::text ilike '%effac%' or t::text ilike '%example.org%'");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        // A fresh mirror starting now never hears of them.
        var fresh = new SyncMirror();
        await fresh.CatchUpAsync(aggregator);
        Assert.Empty(fresh.Items);
    }

    [Fact]
    public async Task The_types_filter_follows_only_those_types_and_a_token_keeps_its_types()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un article"));
        var matinale = await editor.CreatePublishedAsync(EventSteps.Draft("Une matinale", NextSpring));
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror(types: "event");
        await mirror.CatchUpAsync(aggregator);
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Un autre article"));
        var second = await editor.CreatePublishedAsync(EventSteps.Draft("Une autre matinale", NextSpring));
        await mirror.CatchUpAsync(aggregator);

        Assert.Equal([matinale.Id, second.Id], mirror.Items.Keys.Select(k => k.Id).Order().ToList().OrderBy(id => id == second.Id));
        Assert.All(mirror.Entries, e => Assert.Equal("event", e["type"]!.GetValue<string>()));

        var problem = await (await aggregator.GetAsync($"{SyncMirror.Path}?types=article&token={Uri.EscapeDataString(mirror.Token!)}"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("token"));
        var unknown = await (await aggregator.GetAsync($"{SyncMirror.Path}?types=article,recette")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.ErrorsFor("types"));
    }

    [Fact]
    public async Task A_forged_or_foreign_token_is_a_400_problem()
    {
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        var token = mirror.Token!;
        var dot = token.IndexOf('.');
        // The same payload with position 0 and the old signature; another deployment's token; noise.
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token[..dot]));
        var rewritten = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("|0|", "|7|"))) + token[dot..];
        var anotherDeployment = new Vivapolis.Api.Features.Auth.JwtSettings
        {
            Key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-deployment-signing-key-0123456789abcdef")),
        };
        var foreign = new SyncTokens(anotherDeployment, Api.Services.GetRequiredService<IDocumentStore>())
            .Write(new SyncState(0, null, null, 0, []));
        foreach (var bad in new[] { rewritten, foreign, "bm90IGEgdG9rZW4", token + "x", "." })
        {
            var problem = await (await aggregator.GetAsync($"{SyncMirror.Path}?token={Uri.EscapeDataString(bad)}"))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.ErrorsFor("token"));
        }
    }

    [Fact]
    public async Task A_token_older_than_the_retained_log_is_a_410_that_says_to_start_again()
    {
        var editor = await Api.EditorAsync();
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);
        var old = mirror.Token!;
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Publié puis oublié par la rétention"));
        Api.Clock.Advance(TimeSpan.FromDays(31));
        editor = await Api.EditorAsync(); // the first session has expired meanwhile
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Publié après"));

        // The hourly retention may have run already when the clock moved; running it again changes nothing.
        var log = Api.Services.GetRequiredService<ChangeLog>();
        await log.PruneAsync(Api.Clock.GetUtcNow() - TimeSpan.FromDays(30), default);

        Assert.True(await log.PrunedThroughAsync(default) > 0);
        var problem = await (await aggregator.GetAsync($"{SyncMirror.Path}?token={Uri.EscapeDataString(old)}"))
            .ProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("synchronisation initiale", problem["detail"]!.GetValue<string>());
        var fresh = new SyncMirror();
        await fresh.CatchUpAsync(aggregator);
        await Api.AssertMirrorsAsync(fresh);

        // Retention may empty the log altogether: a mirror starting then, and its next changes, still work.
        await log.PruneAsync(Api.Clock.GetUtcNow().AddDays(1), default);
        var afterEmpty = new SyncMirror();
        await afterEmpty.CatchUpAsync(aggregator);
        var later = await editor.CreatePublishedAsync(ArticleSteps.Draft("Publié dans un journal vidé"));
        await afterEmpty.CatchUpAsync(aggregator);
        Assert.Equal(later.Id, afterEmpty.Entries[^1]["id"]!.GetValue<Guid>());
        await Api.AssertMirrorsAsync(afterEmpty);
    }

    [Fact]
    public async Task The_feed_needs_a_key_with_sync_read()
    {
        await (await Api.CreateClient().GetAsync(SyncMirror.Path)).ProblemAsync(HttpStatusCode.Unauthorized);
        var (previewOnly, _) = await Api.PartnerAsync(ApiKeyScopes.PreviewRead);
        await (await previewOnly.GetAsync(SyncMirror.Path)).ProblemAsync(HttpStatusCode.Forbidden);
        var editor = await Api.EditorAsync(); // a user's token is not a key
        await (await editor.GetAsync(SyncMirror.Path)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_carry_etags_and_a_full_page_of_changes_may_be_kept_while_the_last_one_may_not()
    {
        var editor = await Api.EditorAsync();
        var aggregator = await AggregatorAsync();
        var mirror = new SyncMirror(limit: 1);
        await mirror.CatchUpAsync(aggregator);
        var from = mirror.Token!;
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Premier"));
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Second"));

        var full = await aggregator.GetAsync(mirror.Url(from));
        Assert.True(full.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 3600 }, full.Header("Cache-Control"));
        var again = await aggregator.GetAsync(mirror.Url(from), ("If-None-Match", full.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        await mirror.CatchUpAsync(aggregator);
        var last = await aggregator.GetAsync(mirror.Url(mirror.Token));
        Assert.True(last.Headers.CacheControl is { Private: true, NoCache: true, MaxAge: null }, last.Header("Cache-Control"));
    }
}
