using System.Buffers;
using System.Text;
using System.Text.Json;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Sync;
using Vivapolis.Contracts.Webhooks;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>A delivery claimed for one attempt: what the sender needs, and the claim that its result must match.</summary>
public sealed record ClaimedDelivery(
    Guid Id, Guid WebhookId, string Payload, int Attempts, DateTimeOffset WindowStartedAt, DateTimeOffset ClaimedUntil,
    Webhook Webhook);

/// <summary>What one attempt gave.</summary>
public sealed record AttemptResult(int? StatusCode, int DurationMs, string? Error, string? ResponseBody)
{
    public bool Delivered => Error is null;
}

/// <summary>
/// The webhooks' outbox: one row per message to each webhook, written by <see cref="IChangeLogListener.OnAppended"/>
/// in the same transaction as the change (so a crash between the commit and the send loses nothing), and
/// attempted by <see cref="WebhookDispatcher"/> until the receiver takes it or 24 hours have passed. Beside it, the
/// log of every attempt and each webhook's health. Plain tables (Weasel schema objects, like the change log),
/// because they are written with SQL inside other units of work and claimed row by row.
/// </summary>
public sealed class WebhookOutbox(IDocumentStore store, NpgsqlDataSource db, ContentTypes types, TimeProvider clock)
    : IChangeLogListener
{
    public const string DeliveriesTableName = "webhook_deliveries";
    public const string AttemptsTableName = "webhook_attempts";
    public const string StatesTableName = "webhook_states";
    public const string PingEvent = "webhook.ping";

    /// <summary>How long a claim keeps other nodes off a delivery: far above the 5 s an attempt may take.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private string Schema => store.Options.DatabaseSchemaName;
    public string Deliveries => $"{Schema}.{DeliveriesTableName}";
    public string Attempts => $"{Schema}.{AttemptsTableName}";
    public string States => $"{Schema}.{StatesTableName}";
    private string Webhooks => store.Options.FindOrResolveDocumentType(typeof(Webhook)).TableName.QualifiedName;

    /// <summary>The NOTIFY channel the dispatchers of this schema listen on: one per schema, like the change log's lock.</summary>
    public string Channel => $"vivapolis_webhooks_{Schema}";

    /// <summary>
    /// One delivery per enabled webhook that follows this kind of change and this type, with the change's position:
    /// a plain <c>insert … select</c> (no row lock anywhere, see <see cref="ChangeLog"/> on its lock), and a NOTIFY,
    /// which PostgreSQL sends only when the transaction commits, to wake the dispatchers of every node at once.
    /// </summary>
    public void OnAppended(IDocumentSession session, ContentChange change, string positionSql)
    {
        var kind = Json.Name(change.Kind);
        var (prefix, suffix) = PayloadAround(change, types.Named(change.Type)?.HoldsPersonalData ?? true);
        var at = change.ChangedAt.ToUniversalTime();
        session.QueueSqlCommand($"""
            insert into {Deliveries} (id, webhook_id, position, item_id, event, payload, created_at, window_started_at, status, attempts, next_attempt_at)
            select gen_random_uuid(), w.id, {positionSql}, ?, ?, concat(?::text, {positionSql}, ?::text), ?, ?, 'pending', 0, ?
            from {Webhooks} w
            where (w.data ->> 'enabled')::boolean
              and (jsonb_array_length(w.data -> 'events') = 0 or w.data -> 'events' @> jsonb_build_array(?::text))
              and (jsonb_array_length(w.data -> 'contentTypes') = 0 or w.data -> 'contentTypes' @> jsonb_build_array(?::text))
            """, change.ItemId, "content." + kind, prefix, suffix, at, at, at, kind, change.Type);
        session.QueueSqlCommand($"select pg_notify(?, '') where exists (select 1 from {Webhooks} w where (w.data ->> 'enabled')::boolean)", Channel);
    }

    /// <summary>An erasure: the item's earlier messages and their attempts go (a receiver's answer may have echoed them).</summary>
    public void OnForgotten(IDocumentSession session, Guid itemId)
    {
        session.QueueSqlCommand($"delete from {Attempts} where delivery_id in (select id from {Deliveries} where item_id = ?)", itemId);
        session.QueueSqlCommand($"delete from {Deliveries} where item_id = ?", itemId);
    }

    /// <summary>
    /// The payload as text, split where the position goes, which only the SQL knows. Written once, at commit, and
    /// sent as stored on every attempt, so the signed bytes never change. A type that holds personal data gets no
    /// slug (it is made from the person's name).
    /// </summary>
    public static (string Prefix, string Suffix) PayloadAround(ContentChange change, bool holdsPersonalData)
    {
        var json = Write(writer =>
        {
            writer.WriteString("type", "content." + Json.Name(change.Kind));
            writer.WriteString("timestamp", change.ChangedAt);
            writer.WriteStartObject("data");
            writer.WriteString("type", change.Type);
            writer.WriteString("id", change.ItemId);
            writer.WriteString("kind", Json.Name(change.Kind));
            writer.WriteString("op", Json.Name(change.Op));
            writer.WriteNumber("version", change.Version);
            writer.WriteString("changedAt", change.ChangedAt);
            if (change.Locale is { } locale) writer.WriteString("locale", Json.Name(locale)); else writer.WriteNull("locale");
            if (change.Slug is { } slug && !holdsPersonalData) writer.WriteString("slug", slug); else writer.WriteNull("slug");
            writer.WriteNumber("position", 0);
            writer.WriteEndObject();
        });
        const string end = "\"position\":0}}";
        if (!json.EndsWith(end, StringComparison.Ordinal)) throw new InvalidOperationException("The payload must end with its position.");
        return (json[..^(end.Length - "\"position\":".Length)], "}}");
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Options.Encoder }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A test message to one webhook, due now (sent even while the webhook is paused).</summary>
    public async Task<Guid> PingAsync(Guid webhookId, CancellationToken ct)
    {
        var now = clock.Now();
        var id = Guid.CreateVersion7(now);
        var payload = Write(writer =>
        {
            writer.WriteString("type", PingEvent);
            writer.WriteString("timestamp", now);
            writer.WriteStartObject("data");
            writer.WriteString("webhookId", webhookId);
            writer.WriteEndObject();
        });
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            insert into {Deliveries} (id, webhook_id, event, payload, created_at, window_started_at, status, attempts, next_attempt_at)
            values ($1, $2, '{PingEvent}', $3, $4, $4, 'pending', 0, $4)
            """, id, webhookId, payload, now));
        batch.BatchCommands.Add(Command("select pg_notify($1, '')", Channel));
        await batch.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries for one attempt each: <c>for update skip locked</c> makes
    /// two nodes take different rows, and the claim (<c>claimed_until</c>, a lease) keeps them off it while the
    /// attempt runs, without holding a lock or a connection during the HTTP call. A node that dies mid-attempt
    /// leaves its lease to expire; another node then attempts the delivery again, under the same webhook-id.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken ct)
    {
        var now = clock.Now();
        await using var command = db.CreateCommand($"""
            with due as (
              select d.id from {Deliveries} d join {Webhooks} w on w.id = d.webhook_id
              where d.status = 'pending' and d.next_attempt_at <= $1 and (d.claimed_until is null or d.claimed_until <= $1)
                and ((w.data ->> 'enabled')::boolean or d.event = '{PingEvent}')
              order by d.next_attempt_at, d.id
              limit $2
              for update of d skip locked)
            update {Deliveries} d set claimed_until = $3 from due, {Webhooks} w
            where d.id = due.id and w.id = d.webhook_id
            returning d.id, d.webhook_id, d.payload, d.attempts, d.window_started_at, d.claimed_until, w.data::text
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = now + Lease });
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new ClaimedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                store.Options.Serializer().FromJson<Webhook>(new MemoryStream(Encoding.UTF8.GetBytes(reader.GetString(6))))));
        return claimed;
    }

    /// <summary>
    /// Records an attempt, in one transaction: the attempt's line in the log, the delivery's new state (delivered, due
    /// again at <paramref name="nextAttemptAt"/>, or failed when that is null), and the webhook's health. Nothing is
    /// recorded when the claim is no longer this one's (the delivery was deleted, or redelivered meanwhile).
    /// </summary>
    public async Task<bool> RecordAsync(ClaimedDelivery delivery, AttemptResult result, DateTimeOffset? nextAttemptAt, CancellationToken ct)
    {
        var now = clock.Now();
        var status = result.Delivered ? "delivered" : nextAttemptAt is null ? "failed" : "pending";
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = new NpgsqlCommand($"""
            update {Deliveries} set status = $3, attempts = attempts + 1, next_attempt_at = $4, claimed_until = null,
              last_attempt_at = $5, last_status_code = $6, last_error = $7, delivered_at = case when $3 = 'delivered' then $5 end
            where id = $1 and claimed_until = $2
            returning attempts
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = delivery.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = delivery.ClaimedUntil });
            update.Parameters.Add(new NpgsqlParameter { Value = status });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)nextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            update.Parameters.Add(new NpgsqlParameter { Value = now });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)result.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            if (await update.ExecuteScalarAsync(ct) is not int number) return false;

            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Command($"""
                insert into {Attempts} (delivery_id, number, webhook_id, at, status_code, duration_ms, error, response_body, next_retry_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, delivery.Id, number, delivery.WebhookId, now, Nullable(result.StatusCode, NpgsqlDbType.Integer), result.DurationMs,
                Nullable(result.Error, NpgsqlDbType.Text), Nullable(result.ResponseBody, NpgsqlDbType.Text),
                Nullable(nextAttemptAt, NpgsqlDbType.TimestampTz)));
            batch.BatchCommands.Add(result.Delivered
                ? Command($"""
                    insert into {States} (webhook_id, failing_since, consecutive_failures, last_error, last_success_at)
                    values ($1, null, 0, null, $2)
                    on conflict (webhook_id) do update set failing_since = null, consecutive_failures = 0, last_error = null, last_success_at = $2
                    """, delivery.WebhookId, now)
                : Command($"""
                    insert into {States} (webhook_id, failing_since, consecutive_failures, last_error, last_failure_at)
                    values ($1, $3, 1, $2, $4)
                    on conflict (webhook_id) do update set consecutive_failures = {States}.consecutive_failures + 1, last_error = $2,
                      last_failure_at = $4, failing_since = coalesce({States}.failing_since, $3)
                    """, delivery.WebhookId, result.Error!, Nullable(nextAttemptAt is null ? now : null, NpgsqlDbType.TimestampTz), now));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>How the deliveries of these webhooks are going (absent ones: nothing happened yet).</summary>
    public async Task<IReadOnlyDictionary<Guid, WebhookState>> StatesAsync(IReadOnlyCollection<Guid> webhooks, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select w.id, s.failing_since, coalesce(s.consecutive_failures, 0), s.last_error, s.last_success_at, s.last_failure_at,
              (select count(*) from {Deliveries} d where d.webhook_id = w.id and d.status = 'pending')::int
            from unnest($1::uuid[]) as w(id) left join {States} s on s.webhook_id = w.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = webhooks.ToArray() });
        var states = new Dictionary<Guid, WebhookState>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            states[reader.GetGuid(0)] = new WebhookState(Time(reader, 1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Time(reader, 4), Time(reader, 5), reader.GetInt32(6));
        return states;
    }

    public async Task<WebhookState> StateAsync(Guid webhook, CancellationToken ct) =>
        (await StatesAsync([webhook], ct)).GetValueOrDefault(webhook, WebhookState.None);

    /// <summary>A page of a webhook's deliveries, newest first.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, Cursor? Next)> ListAsync(Guid webhook, WebhookDeliveryStatus? status,
        Cursor? after, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {DeliveryColumns} from {Deliveries}
            where webhook_id = $1 and ($2::text is null or status = $2) and ($3::timestamptz is null or (created_at, id) < ($3, $4))
            order by created_at desc, id desc limit $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = webhook });
        command.Parameters.Add(Nullable(status is { } s ? Json.Name(s) : null, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(after?.Time, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(new NpgsqlParameter { Value = after?.Id ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        var items = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) items.Add(DeliveryFrom(reader));
        var page = items.Take(limit).ToList();
        return (page, items.Count > limit ? Cursor.At(page[^1].CreatedAt, page[^1].Id) : null);
    }

    /// <summary>One delivery of one webhook with its payload and attempts; null when there is none.</summary>
    public async Task<WebhookDeliveryDetails?> GetAsync(Guid webhook, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        WebhookDelivery delivery;
        string payload;
        await using (var command = new NpgsqlCommand($"select {DeliveryColumns}, payload from {Deliveries} where webhook_id = $1 and id = $2", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = webhook });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            delivery = DeliveryFrom(reader);
            payload = reader.GetString(reader.FieldCount - 1);
        }
        var attempts = new List<WebhookAttempt>();
        await using (var command = new NpgsqlCommand(
            $"select number, at, status_code, duration_ms, error, response_body, next_retry_at from {Attempts} where delivery_id = $1 order by number desc limit 100",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                attempts.Add(new WebhookAttempt
                {
                    Number = reader.GetInt32(0), At = reader.GetFieldValue<DateTimeOffset>(1),
                    StatusCode = reader.IsDBNull(2) ? null : reader.GetInt32(2), DurationMs = reader.GetInt32(3),
                    Error = reader.IsDBNull(4) ? null : reader.GetString(4), ResponseBody = reader.IsDBNull(5) ? null : reader.GetString(5),
                    NextRetryAt = Time(reader, 6),
                });
        }
        attempts.Reverse();
        return new WebhookDeliveryDetails
        {
            Delivery = delivery, Payload = JsonSerializer.Deserialize<WebhookEvent>(payload, Json.Options)!, AttemptLog = attempts,
        };
    }

    /// <summary>
    /// Makes the delivery due now, with a new 24-hour window, whatever became of it; null when there is none, false
    /// when an attempt of it is under way (its result would overwrite this).
    /// </summary>
    public async Task<bool?> RedeliverAsync(Guid webhook, Guid id, CancellationToken ct)
    {
        var now = clock.Now();
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            with target as (select id, claimed_until from {Deliveries} where webhook_id = $1 and id = $2),
                 changed as (update {Deliveries} d set status = 'pending', next_attempt_at = $3, window_started_at = $3
                             from target where d.id = target.id and (target.claimed_until is null or target.claimed_until <= $3)
                             returning d.id)
            select (select count(*) from target)::int, (select count(*) from changed)::int
            """, webhook, id, now));
        batch.BatchCommands.Add(Command("select pg_notify($1, '')", Channel));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt32(0) == 0 ? null : reader.GetInt32(1) == 1;
    }

    /// <summary>
    /// Removes the deliveries settled (delivered or given up) before <paramref name="before"/>, and their attempts:
    /// the log keeps <c>Vivapolis:Webhooks:LogRetentionDays</c> days. Returns how many went. Safe on several nodes at once.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            with gone as (delete from {Deliveries} where status <> 'pending' and created_at < $1 returning id),
                 attempts as (delete from {Attempts} a using gone where a.delivery_id = gone.id)
            select count(*)::int from gone
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = before.ToUniversalTime() });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Queues the removal of everything the outbox holds for a webhook being deleted.</summary>
    public void Forget(IDocumentSession session, Guid webhook)
    {
        session.QueueSqlCommand($"delete from {Attempts} where webhook_id = ?", webhook);
        session.QueueSqlCommand($"delete from {Deliveries} where webhook_id = ?", webhook);
        session.QueueSqlCommand($"delete from {States} where webhook_id = ?", webhook);
    }

    private const string DeliveryColumns =
        "id, webhook_id, event, position, status, attempts, created_at, next_attempt_at, last_attempt_at, last_status_code, last_error, delivered_at";

    private static WebhookDelivery DeliveryFrom(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0), WebhookId = reader.GetGuid(1), Event = reader.GetString(2),
        Position = reader.IsDBNull(3) ? null : reader.GetInt64(3), Status = Json.Parse<WebhookDeliveryStatus>(reader.GetString(4)),
        Attempts = reader.GetInt32(5), CreatedAt = reader.GetFieldValue<DateTimeOffset>(6), NextAttemptAt = Time(reader, 7),
        LastAttemptAt = Time(reader, 8), LastStatusCode = reader.IsDBNull(9) ? null : reader.GetInt32(9),
        LastError = reader.IsDBNull(10) ? null : reader.GetString(10), DeliveredAt = Time(reader, 11),
    };

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }

    // ---- the tables, created and migrated with Marten's own schema objects ----------------------------------------

    public static IEnumerable<Table> Definitions(string schema)
    {
        var deliveries = new Table(new PostgresqlObjectName(schema, DeliveriesTableName));
        deliveries.AddColumn<Guid>("id").AsPrimaryKey();
        deliveries.AddColumn<Guid>("webhook_id").NotNull();
        deliveries.AddColumn<long>("position");
        deliveries.AddColumn<Guid>("item_id");
        deliveries.AddColumn<string>("event").NotNull();
        deliveries.AddColumn<string>("payload").NotNull();
        deliveries.AddColumn("created_at", "timestamptz").NotNull();
        deliveries.AddColumn("window_started_at", "timestamptz").NotNull();
        deliveries.AddColumn<string>("status").NotNull();
        deliveries.AddColumn<int>("attempts").NotNull();
        deliveries.AddColumn("next_attempt_at", "timestamptz");
        deliveries.AddColumn("claimed_until", "timestamptz");
        deliveries.AddColumn("last_attempt_at", "timestamptz");
        deliveries.AddColumn<int>("last_status_code");
        deliveries.AddColumn<string>("last_error");
        deliveries.AddColumn("delivered_at", "timestamptz");
        deliveries.Indexes.Add(new IndexDefinition($"ix_{DeliveriesTableName}_due") { Columns = ["next_attempt_at"], Predicate = "status = 'pending'" });
        deliveries.Indexes.Add(new IndexDefinition($"ix_{DeliveriesTableName}_webhook") { Columns = ["webhook_id", "created_at", "id"] });
        deliveries.Indexes.Add(new IndexDefinition($"ix_{DeliveriesTableName}_item") { Columns = ["item_id"] });
        yield return deliveries;

        var attempts = new Table(new PostgresqlObjectName(schema, AttemptsTableName));
        attempts.AddColumn<Guid>("delivery_id").AsPrimaryKey();
        attempts.AddColumn<int>("number").AsPrimaryKey();
        attempts.AddColumn<Guid>("webhook_id").NotNull();
        attempts.AddColumn("at", "timestamptz").NotNull();
        attempts.AddColumn<int>("status_code");
        attempts.AddColumn<int>("duration_ms").NotNull();
        attempts.AddColumn<string>("error");
        attempts.AddColumn<string>("response_body");
        attempts.AddColumn("next_retry_at", "timestamptz");
        attempts.Indexes.Add(new IndexDefinition($"ix_{AttemptsTableName}_webhook") { Columns = ["webhook_id"] });
        yield return attempts;

        var states = new Table(new PostgresqlObjectName(schema, StatesTableName));
        states.AddColumn<Guid>("webhook_id").AsPrimaryKey();
        states.AddColumn("failing_since", "timestamptz");
        states.AddColumn<int>("consecutive_failures").NotNull();
        states.AddColumn<string>("last_error");
        states.AddColumn("last_success_at", "timestamptz");
        states.AddColumn("last_failure_at", "timestamptz");
        yield return states;
    }
}
