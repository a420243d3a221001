using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>
/// The order of a delivery list: a column of the delivery table (a Marten duplicated field) and the id to break
/// ties. The cursor carries the last key as a number, so times travel as ticks.
/// </summary>
public sealed record DeliveryOrder(string Column, bool Descending, Func<long, object> Parameter, Func<NpgsqlDataReader, int, long> ReadKey)
{
    public static readonly DeliveryOrder NewestFirst = ByTime("published_at", descending: true);

    public static DeliveryOrder ByTime(string column, bool descending) => new(column, descending,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        (reader, i) => reader.GetFieldValue<DateTimeOffset>(i).UtcTicks);

    public static DeliveryOrder ByNumber(string column) => new(column, false,
        key => (int)key,
        (reader, i) => reader.GetInt32(i));
}

/// <summary>Conditions a delivery list adds to "published, in this locale", as parameterised SQL.</summary>
public sealed class DeliveryFilter
{
    private readonly List<(string Sql, NpgsqlParameter[] Parameters)> _conditions = [];

    /// <summary>Each condition with <c>{0}</c>, <c>{1}</c>… where its parameters go.</summary>
    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Conditions => _conditions;

    /// <summary>
    /// Any SQL condition over the delivery table (<c>data</c> and duplicated columns); values are parameters, placed
    /// at <c>{0}</c>, <c>{1}</c>… with string.Format, so a literal brace in the SQL is written doubled (<c>'{{a,b}}'</c>).
    /// </summary>
    public DeliveryFilter Where(string sql, params object[] values)
    {
        _conditions.Add((sql, values.Select(v => new NpgsqlParameter { Value = v }).ToArray()));
        return this;
    }

    /// <summary>The JSON array property (<c>themes</c>, <c>tags</c>) holds this value; served by the GIN index.</summary>
    public DeliveryFilter ArrayContains(string property, string? value) =>
        string.IsNullOrEmpty(value) ? this : Contains(new Dictionary<string, string[]> { [property] = [value] });

    /// <summary>The JSON document contains this fragment (<c>{"territory": {"country": "FR"}}</c>); served by the GIN index.</summary>
    public DeliveryFilter Contains(object fragment)
    {
        _conditions.Add(("data @> {0}", [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(fragment, Json.Options) }]));
        return this;
    }

    /// <summary>French full-text match of <paramref name="q"/> against a text expression of the row.</summary>
    public DeliveryFilter Matches(string textExpression, string? q) =>
        string.IsNullOrWhiteSpace(q) ? this
            : Where($"to_tsvector('{FrenchSearch.Configuration}', {textExpression}) @@ websearch_to_tsquery('{FrenchSearch.Configuration}', {{0}})", q);
}
