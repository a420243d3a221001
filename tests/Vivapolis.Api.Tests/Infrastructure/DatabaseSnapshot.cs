using Npgsql;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// Every table of a test schema as its row count and a hash of its rows, so that a test can prove a batch of
/// requests changed nothing at all: no document, revision, event, job or delivery row.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string schema, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select tablename from pg_tables where schemaname = $1 order by 1", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        var result = new Dictionary<string, (long, string)>();
        if (tables.Count == 0) return new DatabaseSnapshot(result);

        // One round trip: per table, its count and the md5 of its rows' text in a stable order.
        var sql = string.Join(" union all ", tables.Select(t =>
            $"select {Literal(t)}, count(*), coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') " +
            $"from {Quote(schema)}.{Quote(t)} x"));
        await using var command = new NpgsqlCommand(sql, connection);
        await using (var rows = await command.ExecuteReaderAsync(ct))
            while (await rows.ReadAsync(ct)) result[rows.GetString(0)] = (rows.GetInt64(1), rows.GetString(2));
        return new DatabaseSnapshot(result);
    }

    /// <summary>The tables whose rows differ, with their counts before and after; empty when nothing changed.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseSnapshot before) =>
        Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => before.Tables.GetValueOrDefault(t) != Tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.Tables.GetValueOrDefault(t).Rows} → {Tables.GetValueOrDefault(t).Rows} rows (contents changed)")
            .ToList();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
