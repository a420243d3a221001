using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>Conditions a delivery list adds to "published, in this locale".</summary>
public sealed class DeliveryFilter
{
    private readonly List<(string Sql, Func<NpgsqlParameter> Parameter)> _conditions = [];

    public IReadOnlyList<(string Sql, Func<NpgsqlParameter> Parameter)> Conditions => _conditions;

    /// <summary>The JSON array property (<c>themes</c>, <c>tags</c>) holds this value; served by the GIN index.</summary>
    public DeliveryFilter ArrayContains(string property, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string[]> { [property] = [value] });
            _conditions.Add(("data @> {0}", () => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json }));
        }
        return this;
    }
}

/// <summary>
/// The hot path. Published items are stored in their delivery shape, so their JSON goes from PostgreSQL to
/// the response as text: nothing is deserialised. Lists are assembled around the rows as bytes.
/// </summary>
public sealed class DeliveryReader(NpgsqlDataSource db, IDocumentStore store)
{
    private static readonly byte[] ItemsStart = "{\"items\":["u8.ToArray();
    private static readonly byte[] NextNull = "],\"next\":null}"u8.ToArray();
    private readonly ConcurrentDictionary<Type, string> _tables = new();

    public async Task<byte[]?> ReadOneAsync<TDelivery>(string slug, Locale locale, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select data::text from {Table<TDelivery>()} where data ->> 'slug' = $1 and data ->> 'locale' = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        command.Parameters.Add(new NpgsqlParameter { Value = Json.Name(locale) });
        var json = await command.ExecuteScalarAsync(ct) as string;
        return json is null ? null : Encoding.UTF8.GetBytes(json);
    }

    /// <summary>One page, newest published first, as <c>{"items":[…],"next":…}</c>.</summary>
    public async Task<byte[]> ReadPageAsync<TDelivery>(Locale locale, DeliveryFilter filter, int limit, string? cursor,
        CancellationToken ct)
    {
        var sql = new StringBuilder($"select data::text, published_at, id from {Table<TDelivery>()} where data ->> 'locale' = $1");
        await using var command = db.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = Json.Name(locale) });
        foreach (var (condition, parameter) in filter.Conditions)
        {
            command.Parameters.Add(parameter());
            sql.Append(" and ").Append(string.Format(condition, "$" + command.Parameters.Count));
        }
        if (Cursor.TryDecode(cursor, out var after))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after.Value.At });
            command.Parameters.Add(new NpgsqlParameter { Value = after.Value.Id });
            sql.Append($" and (published_at, id) < (${command.Parameters.Count - 1}, ${command.Parameters.Count})");
        }
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        sql.Append($" order by published_at desc, id desc limit ${command.Parameters.Count}");
        command.CommandText = sql.ToString();

        var body = new ArrayBufferWriter<byte>(4096);
        body.Write(ItemsStart);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var count = 0;
        Cursor last = default;
        while (await reader.ReadAsync(ct))
        {
            if (++count > limit)
            {
                var next = $"],\"next\":\"{last.Encode()}\"}}";
                Encoding.UTF8.GetBytes(next, body);
                return body.WrittenSpan.ToArray();
            }
            if (count > 1) body.Write(","u8);
            Encoding.UTF8.GetBytes(reader.GetString(0), body);
            last = new Cursor(reader.GetFieldValue<DateTime>(1), reader.GetGuid(2));
        }
        body.Write(NextNull);
        return body.WrittenSpan.ToArray();
    }

    private string Table<TDelivery>() =>
        _tables.GetOrAdd(typeof(TDelivery), t => store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName);
}
