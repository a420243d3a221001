using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Links;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Content.Translations;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// The queries of the write path and of the editors' lists that would otherwise read every item: each is answered by
/// an index, whatever the number of items. With sequential scans priced out (<c>enable_seqscan = off</c>), a query that
/// no index can answer still scans the table, and its plan says so; the plans are read from PostgreSQL, for the SQL
/// the code runs (a publication at 100,000 items took 0.5 s when one of them scanned).
/// </summary>
public class QueryPlanTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_write_path_and_the_editors_lists_use_indexes_not_scans()
    {
        var options = Api.Services.GetRequiredService<IDocumentStore>().Options;
        string TableOf<T>() => options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var (items, copies) = (TableOf<Article>(), TableOf<ArticleDelivery>());
        Guid group = Guid.NewGuid(), other = Guid.NewGuid(), id = Guid.NewGuid();

        var queries = new (string What, string Table, string Index, string Sql, object[] Args)[]
        {
            ("the other language versions a publication restates", copies, "idx_data",
                MartenSelect(copies, PublishedVersions<Article, ArticleDelivery>.OthersWhere(2)), [group.ToString(), other.ToString(), id]),
            ("an item's language versions", items, "idx_data",
                MartenSelect(items, ContentLifecycle<Article, ArticleContent, ArticleDelivery>.VersionsWhere),
                [ContentLifecycle<Article, ArticleContent, ArticleDelivery>.InGroup(group), group]),
            ("the items whose public copy links to a changed one", items, "idx_data",
                MartenSelect(items, ContentLinks<Article, ArticleContent, ArticleDelivery>.LinkingWhere),
                [ContentLinks<Article, ArticleContent, ArticleDelivery>.LinkingTo(new ItemLink("fiche", id))]),
            ("the languages of a page of the editors' list", items, "idx_data",
                ListItems<Article, ArticleContent>.LanguagesSql(items), [new[] { group, other }]),
            ("the editors' list filtered by status", items, "idx_status",
                MartenSelect(items, $"where {ListItems<Article, ArticleContent>.StatusWhere} order by updated_at desc, id desc limit 21"),
                ["in_review"]),
            ("the editors' list sorted by title", items, "idx_title",
                MartenSelect(items, $"order by {ListItems<Article, ArticleContent>.TitleKey}, id limit 21"), []),
        };

        foreach (var query in queries)
        {
            var plan = await PlanAsync(query.Sql, query.Args);
            var table = query.Table[(query.Table.IndexOf('.') + 1)..];
            Assert.False(plan.Contains($"Seq Scan on {table}"), $"{query.What} scans {table}:\n{plan}");
            Assert.True(plan.Contains($"{table}_{query.Index}"), $"{query.What} does not use {table}_{query.Index}:\n{plan}");
        }
    }

    /// <summary>What Marten sends for <c>QueryAsync&lt;T&gt;(where, args)</c>: its select, with each <c>?</c> numbered.</summary>
    private static string MartenSelect(string table, string where)
    {
        var n = 0;
        return $"select d.data, d.mt_version from {table} as d " +
               System.Text.RegularExpressions.Regex.Replace(where, @"\?", _ => $"${++n}");
    }

    private static async Task<string> PlanAsync(string sql, object[] args)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("explain " + sql, connection);
        foreach (var arg in args) explain.Parameters.Add(new NpgsqlParameter { Value = arg });
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
