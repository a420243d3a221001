using Marten;
using Marten.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Features.AdvertiserContacts;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Tests.Features.AdvertiserContacts;
using Vivapolis.Api.Tests.Features.ApiKeys;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Features.Sync;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// Why the change log takes a lock, and that it works: positions come from a sequence when a row is inserted, and
/// transactions commit in any order, so "position &gt; last" alone skips a transaction that commits late.
/// </summary>
public class ChangeLogOrderTests(ApiFactory api) : ApiTest(api)
{
    private ChangeLog Log => Api.Services.GetRequiredService<ChangeLog>();

    private NpgsqlDataSource Db => Api.Services.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public async Task Without_the_lock_a_later_position_commits_first_so_reading_past_the_last_one_seen_would_skip_a_change()
    {
        var editor = await Api.EditorAsync();
        var draft = (await editor.CreateAsync(ArticleSteps.Draft("Publié pendant une transaction lente"))).Item;

        // A writer that does not take the lock: it draws its position and is slow to commit.
        await using var slow = await Db.OpenConnectionAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"insert into {Log.Table} (type, item_id, kind, op, version, changed_at) values ('article', $1, 'deleted', 'delete', 1, now()) returning position",
            slow, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            var early = (long)(await insert.ExecuteScalarAsync())!;

            // Meanwhile a real publication commits, with a later position.
            await editor.PublishAsync<ArticleContent>(ArticleSteps.Segment, draft.Id);
            var seen = await Log.ReadAsync(0, 100, null, default);
            var later = Assert.Single(seen).Position;
            Assert.True(later > early);

            // The slow one commits now: a reader that moved past "later" never goes back to "early".
            await transaction.CommitAsync();
            Assert.Empty((await Log.ReadAsync(later, 100, null, default)).Where(c => c.Position == early));
            Assert.Contains(await Log.ReadAsync(0, 100, null, default), c => c.Position == early);
        }
    }

    [Fact]
    public async Task A_change_that_commits_late_holds_back_the_ones_after_it_so_the_feed_never_skips_it()
    {
        // Contacts: a type without language versions, so the only lock a publication takes is the change log's
        // (and the slow transaction below is one this test opened itself, which Marten does not begin again).
        var sales = await Api.SalesAsync();
        var slowDraft = (await sales.CreateAsync(AdvertiserContactSteps.Contact("Publication Lente"))).Item;
        var fastDraft = (await sales.CreateAsync(AdvertiserContactSteps.Contact("Publication Rapide"))).Item;
        var aggregator = (await Api.PartnerAsync(ApiKeyScopes.SyncRead)).Client;
        var mirror = new SyncMirror();
        await mirror.CatchUpAsync(aggregator);

        // A real publication through the lifecycle, in a transaction that is not committed yet: its change record
        // is written and its lock held, as in any write between its last statement and its commit.
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var store = Api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            var lifecycle = new ContentLifecycle<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>(
                Api.Services.GetRequiredService<ContentType<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>>(),
                session, Api.Clock, Log, Api.Services.GetRequiredService<IOutputCacheStore>(),
                Api.Services.GetRequiredService<IContentMedia>());
            await lifecycle.PublishAsync(slowDraft.Id, null, ApiFactory.SalesEmail, default);
        }

        // A second publication, through the API, while the first has not committed: it waits for the lock.
        var fast = sales.PublishAsync<AdvertiserContactContent>(AdvertiserContactSteps.Segment, fastDraft.Id);
        var finished = await Task.WhenAny(fast, Task.Delay(TimeSpan.FromMilliseconds(700)));
        Assert.NotSame(fast, finished);
        Assert.False(await mirror.PullAsync(aggregator));
        Assert.Empty(mirror.Items); // neither is visible: the feed hands out nothing past the uncommitted one

        await transaction.CommitAsync();
        await fast;
        await mirror.CatchUpAsync(aggregator);

        Assert.Equal([slowDraft.Id, fastDraft.Id], mirror.Entries.Select(e => e["id"]!.GetValue<Guid>()));
        await Api.AssertMirrorsAsync(mirror);
    }
}
