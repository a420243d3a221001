using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Marten;
using Npgsql;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>
/// The hot path. Published items are stored in their delivery shape, so their JSON goes from PostgreSQL to
/// the response as text: nothing is deserialised. Lists are assembled around the rows as bytes.
/// </summary>
public sealed class DeliveryReader(DeliveryReads reads, IDocumentStore store)
{
    private readonly NpgsqlDataSource db = reads.Source;

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

    /// <summary>The slug an item now has, when <paramref name="slug"/> is one it was published under before and it is still published.</summary>
    public async Task<string?> CurrentSlugAsync<TDelivery>(string type, string slug, Locale locale, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select d.data ->> 'slug' from {Table<FormerSlug>()} f join {Table<TDelivery>()} d on d.id = f.item_id where f.id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = FormerSlugs.IdOf(type, locale, slug) });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>One page in the given order, as <c>{"items":[…],"next":…}</c>.</summary>
    public async Task<byte[]> ReadPageAsync<TDelivery>(Locale? locale, DeliveryFilter filter, DeliveryOrder order, int limit,
        string? cursor, CancellationToken ct, Locale? fallback = null)
    {
        await using var command = PageCommand<TDelivery>(locale, filter, order, limit, cursor, fallback);
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
            last = new Cursor(order.ReadKey(reader, 1), reader.GetGuid(2));
        }
        body.Write(NextNull);
        return body.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The same page as records, for what renders items in another format (the iCalendar and Atom feeds), with
    /// the cursor of the next page, null on the last one.
    /// </summary>
    public async Task<(IReadOnlyList<TDelivery> Items, string? Next)> ReadItemsAsync<TDelivery>(Locale? locale,
        DeliveryFilter filter, DeliveryOrder order, int limit, string? cursor, CancellationToken ct)
    {
        await using var command = PageCommand<TDelivery>(locale, filter, order, limit, cursor, fallback: null);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<TDelivery>();
        Cursor last = default;
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == limit) return (items, last.Encode());
            items.Add(JsonSerializer.Deserialize<TDelivery>(reader.GetString(0), Json.Options)!);
            last = new Cursor(order.ReadKey(reader, 1), reader.GetGuid(2));
        }
        return (items, null);
    }

    /// <summary>
    /// Published items of one locale (and, with <paramref name="fallback"/>, of that language where the item has no
    /// version in the first), filtered, from the cursor on, one more than the limit to know if a page follows.
    /// </summary>
    private NpgsqlCommand PageCommand<TDelivery>(Locale? locale, DeliveryFilter filter, DeliveryOrder order, int limit, string? cursor,
        Locale? fallback)
    {
        var sql = new StringBuilder($"select data::text, {order.Column}, id from {Table<TDelivery>()} item where true");
        var command = db.CreateCommand();
        string Next(object value)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
            return "$" + command.Parameters.Count;
        }
        if (locale is { } language && fallback is { } other && other != language)
        {
            // The other language's items whose group has no published version in the one asked for.
            var (asked, instead) = (Next(Json.Name(language)), Next(Json.Name(other)));
            sql.Append($" and (data ->> 'locale' = {asked} or (data ->> 'locale' = {instead} and not exists (select 1 from {Table<TDelivery>()} version " +
                       $"where version.data @> jsonb_build_object('translationGroup', item.data -> 'translationGroup', 'locale', {asked}::text))))");
        }
        else if (locale is { } only) sql.Append($" and data ->> 'locale' = {Next(Json.Name(only))}");
        foreach (var (condition, parameters) in filter.Conditions)
            sql.Append(" and (").Append(string.Format(condition, parameters.Select(p => (object)Next(p)).ToArray())).Append(')');
        var direction = order.Descending ? "desc" : "asc";
        if (Cursor.TryDecode(cursor, out var after))
            sql.Append($" and ({order.Column}, id) {(order.Descending ? "<" : ">")} ({Next(order.Parameter(after.Value.Key))}, {Next(after.Value.Id)})");
        sql.Append($" order by {order.Column} {direction}, id {direction} limit {Next(limit + 1)}");
        command.CommandText = sql.ToString();
        return command;
    }

    private string Table<TDelivery>() =>
        _tables.GetOrAdd(typeof(TDelivery), t => store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName);
}
