using Marten;
using Npgsql;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Sync;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Vivapolis.Api.Content.Changes;

/// <summary>Something else written in the same transaction as each change record (the webhooks' outbox, say).</summary>
public interface IChangeLogListener
{
    /// <summary>
    /// Queue the listener's own SQL into <paramref name="session"/>, after the change's insert.
    /// <paramref name="positionSql"/> is a SQL expression for the position the change was given.
    /// </summary>
    void OnAppended(IDocumentSession session, ContentChange change, string positionSql);

    /// <summary>Queue the removal of what the listener keeps of an erased item (see <see cref="ChangeLog.Forget"/>).</summary>
    void OnForgotten(IDocumentSession session, Guid itemId) { }
}

/// <summary>
/// The log of every change to the published set, which the sync feed and webhooks read. Positions are handed out
/// in commit order: each append takes a transaction-scoped advisory lock just before it inserts, and keeps it
/// until its transaction ends, so the next position can only be drawn once the previous one has committed or
/// rolled back. A reader therefore never sees position n+1 without n (when n committed): the highest position a
/// reader sees is a safe high-water mark, and <c>position &gt; last</c> never skips a late commit. (Without the
/// lock it would: a sequence hands out numbers at insert time, and transactions commit in any order.)
/// The lock is the last thing a write takes (<see cref="Append"/> is queued after the content's operations), so
/// two writers never wait on each other in opposite orders, and it is held only while the transaction commits.
/// Content writes are editorial, a few a second at most: serialising their commits costs nothing visible.
/// </summary>
public sealed class ChangeLog(IDocumentStore store, NpgsqlDataSource db, IEnumerable<IChangeLogListener> listeners)
{
    public const string TableName = "content_changes";
    public const string HorizonTableName = "content_changes_horizon";

    private readonly IChangeLogListener[] _listeners = listeners.ToArray();

    public string Table { get; } = $"{store.Options.DatabaseSchemaName}.{TableName}";

    private string Horizon { get; } = $"{store.Options.DatabaseSchemaName}.{HorizonTableName}";

    /// <summary>One lock per schema: the test classes, each in a schema of its own, do not queue behind each other.</summary>
    private string LockName => $"vivapolis/content-changes/{store.Options.DatabaseSchemaName}";

    /// <summary>The position the change appended last in this transaction was given (PostgreSQL's currval is per session).</summary>
    public string CurrentPositionSql => $"currval(pg_get_serial_sequence('{Table}', 'position'))";

    /// <summary>
    /// Queues the change into the session's unit of work, so that it commits with the content or not at all.
    /// Call it after every other operation of the write (see the class remarks on the lock).
    /// </summary>
    public void Append(IDocumentSession session, ContentChange change)
    {
        session.QueueSqlCommand("select pg_advisory_xact_lock(hashtext(?))", LockName);
        session.QueueSqlCommand(
            $"insert into {Table} (type, item_id, locale, slug, kind, op, version, changed_at, item, former_slug) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
            change.Type, change.ItemId, Nullable(change.Locale is { } l ? Json.Name(l) : null), Nullable(change.Slug),
            Json.Name(change.Kind), Json.Name(change.Op), change.Version, change.ChangedAt.ToUniversalTime(),
            Nullable(change.ItemJson), Nullable(change.FormerSlug));
        foreach (var listener in _listeners) listener.OnAppended(session, change, CurrentPositionSql);
    }

    /// <summary>
    /// Queues the removal of every earlier record of an item (an erasure: they hold the person's data), and of what the
    /// listeners keep of it. Queued before <see cref="Append"/>, so before its lock.
    /// </summary>
    public void Forget(IDocumentSession session, Guid itemId)
    {
        session.QueueSqlCommand($"delete from {Table} where item_id = ?", itemId);
        foreach (var listener in _listeners) listener.OnForgotten(session, itemId);
    }

    /// <summary>
    /// The highest committed position: everything at or below it is final. Never below what retention removed, so a
    /// log emptied by retention still gives a head that later tokens are not "older than".
    /// </summary>
    public async Task<long> HeadAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select greatest((select coalesce(max(position), 0) from {Table}), (select coalesce(max(pruned_through), 0) from {Horizon}))");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The changes after <paramref name="after"/>, in commit order, of the given types (all when null).</summary>
    public async Task<IReadOnlyList<LoggedChange>> ReadAsync(long after, int limit, IReadOnlyCollection<string>? types,
        CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select position, type, item_id, locale, slug, kind, version, changed_at, item::text, former_slug from {Table} " +
            "where position > $1 and ($2::text[] is null or type = any($2)) order by position limit $3");
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)types?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var changes = new List<LoggedChange>(Math.Min(limit, 1024));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            changes.Add(new LoggedChange(reader.GetInt64(0), new ContentChange(
                reader.GetString(1), reader.GetGuid(2), Text(3) is { } locale ? Json.Parse<Locale>(locale) : null,
                Text(4), Json.Parse<ChangeKind>(reader.GetString(5)), reader.GetInt32(6),
                reader.GetFieldValue<DateTimeOffset>(7), Text(8), Text(9))));
        }
        return changes;
    }

    /// <summary>
    /// The highest position retention has removed (0 when nothing was): a reader that stands below it has missed
    /// changes for good and must start again from an initial sync.
    /// </summary>
    public async Task<long> PrunedThroughAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand($"select coalesce(max(pruned_through), 0) from {Horizon}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Removes the changes made before <paramref name="before"/> and raises the horizon past them; returns how many went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            with pruned as (delete from {Table} where changed_at < $1 returning position),
                 counted as (select count(*) as n, max(position) as through from pruned),
                 raised as (insert into {Horizon} (id, pruned_through) select 1, through from counted where through is not null
                            on conflict (id) do update set pruned_through = greatest({Horizon}.pruned_through, excluded.pruned_through))
            select n from counted
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = before.ToUniversalTime() });
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static object Nullable(object? value) => value ?? DBNull.Value;

    /// <summary>The table, created and migrated with Marten's own schema objects.</summary>
    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName));
        table.AddColumn<long>("position").AsPrimaryKey().BigAutoIncrement();
        table.AddColumn<string>("type").NotNull();
        table.AddColumn<Guid>("item_id").NotNull();
        table.AddColumn<string>("locale");
        table.AddColumn<string>("slug");
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("op").NotNull();
        table.AddColumn<int>("version").NotNull();
        table.AddColumn("changed_at", "timestamptz").NotNull();
        table.AddColumn("item", "jsonb");
        table.AddColumn<string>("former_slug");
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_type_position") { Columns = ["type", "position"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_item") { Columns = ["item_id"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_changed_at") { Columns = ["changed_at"] });
        return table;
    }

    /// <summary>One row: how far retention has removed the log.</summary>
    public static Table HorizonDefinition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, HorizonTableName));
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn<long>("pruned_through").NotNull();
        return table;
    }
}

public static class ChangeLogRegistration
{
    public static IServiceCollection AddChangeLog(this IServiceCollection services)
    {
        services.AddSingleton<ChangeLog>();
        services.ConfigureMarten(o =>
        {
            o.Storage.ExtendedSchemaObjects.Add(ChangeLog.Definition(o.DatabaseSchemaName));
            o.Storage.ExtendedSchemaObjects.Add(ChangeLog.HorizonDefinition(o.DatabaseSchemaName));
        });
        services.AddHostedService<ChangeLogRetention>();
        return services;
    }
}
