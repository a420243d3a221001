using Marten;
using Npgsql;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// Brings the database to what the code expects: Marten's tables, indexes and functions, plus the French
/// text search configuration. Runs at start and again from the readiness check until it has succeeded once,
/// so an API started before its database becomes ready by itself instead of serving without a schema.
/// </summary>
public sealed class DatabasePreparation(IDocumentStore store, NpgsqlDataSource db)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_done) return;
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await FrenchSearch.EnsureAsync(db, ct);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>At start: prepare, or say why not and let readiness retry.</summary>
    public sealed class AtStartup(DatabasePreparation preparation, ILogger<AtStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            try { await preparation.EnsureAsync(ct); }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                log.LogError(e, "The database could not be prepared at start; /health/ready will retry.");
            }
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}

/// <summary>
/// French full-text search the way a French reader expects: stemming ("chevaux" finds "cheval") and accents
/// ignored ("energie" finds "énergie", "coeur" finds "cœur"), through unaccent in a configuration of our own.
/// </summary>
public static class FrenchSearch
{
    public const string Configuration = "public.vivapolis_fr";

    public static async Task EnsureAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Several hosts (or test classes) may start together: one creates, the others wait and find it there.
        await using var command = new NpgsqlCommand("""
            select pg_advisory_xact_lock(7271942);
            create extension if not exists unaccent schema public;
            do $$
            begin
              if not exists (select 1 from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                             where c.cfgname = 'vivapolis_fr' and n.nspname = 'public') then
                create text search configuration public.vivapolis_fr (copy = pg_catalog.french);
                alter text search configuration public.vivapolis_fr
                  alter mapping for hword, hword_part, word with public.unaccent, pg_catalog.french_stem;
              end if;
            end $$;
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
