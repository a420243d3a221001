using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>The right to erasure, proved on the database itself: no table of the test's schema holds the person any more.</summary>
public class AdvertiserContactErasureTests(ApiFactory api) : ApiTest(api)
{
    private const string Name = "Apolline Zyxwervanck";
    private const string Email = "apolline.zyxwervanck@example.org";
    private const string Phone = "+33199004321";

    /// <summary>The person, as anything in the database could hold them: e-mail, phone (E.164 and national digits), name, slug.</summary>
    private static readonly string[] Traces = [Email, Phone, "199004321", "Zyxwervanck", "apolline-zyxwervanck"];

    [Fact]
    public async Task Erasing_removes_the_person_from_every_table_and_event_and_leaves_an_audit_record_without_their_data()
    {
        var editor = await Api.SalesAsync();
        var (created, etag) = await editor.CreateAsync(Person());
        var edited = await (await editor.PutAsync(created.Id, Person() with { JobTitle = "Directrice commerciale" }, etag))
            .ReadAsync<Managed<AdvertiserContactContent>>();
        await editor.PublishAsync(created.Id);
        Assert.Equal(3, (await EventsOfAsync(created.Id)).Count);
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync($"{Delivery}/{edited.Slug}")).StatusCode);
        var before = await TablesHoldingAsync(Traces);
        Assert.Contains(before, t => t.StartsWith("mt_events:")); // the search sees the events' slug, so it can see a leak
        Assert.Contains(before, t => t.StartsWith("mt_doc_advertisercontactdelivery:"));

        Api.Clock.Advance(TimeSpan.FromMinutes(5));
        var response = await editor.EraseAsync(created.Id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await TablesHoldingAsync(Traces));
        var audit = Assert.Single(await EventsOfAsync(created.Id));
        var erased = Assert.IsType<ItemErased>(audit.Data);
        Assert.Equal(new ItemErased("advertiser-contact", ApiFactory.SalesEmail, Api.Clock.GetUtcNow()), erased);
        await (await editor.GetAsync($"{Manage}/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Api.CreateClient().GetAsync($"{Delivery}/{edited.Slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_erasure_is_a_404_and_keeps_the_audit_record()
    {
        var editor = await Api.SalesAsync();
        var (created, _) = await editor.CreateAsync(Person());
        Assert.Equal(HttpStatusCode.NoContent, (await editor.EraseAsync(created.Id)).StatusCode);

        await (await editor.EraseAsync(created.Id)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.IsType<ItemErased>(Assert.Single(await EventsOfAsync(created.Id)).Data);
    }

    [Fact]
    public async Task A_contact_already_deleted_can_still_be_erased_because_its_history_holds_its_name()
    {
        var editor = await Api.SalesAsync();
        var (created, _) = await editor.CreateAsync(Person());
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"{Manage}/{created.Id}")).StatusCode);
        Assert.NotEmpty(await TablesHoldingAsync(Traces));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.EraseAsync(created.Id)).StatusCode);

        Assert.Empty(await TablesHoldingAsync(Traces));
    }

    [Fact]
    public async Task Erasing_an_unknown_id_or_another_type_of_item_is_a_404()
    {
        var editor = await Api.SalesAsync();
        var (article, _) = await (await Api.EditorAsync()).CreateAsync("articles", new Vivapolis.Contracts.Articles.ArticleContent { Title = "Un article" });

        await (await editor.EraseAsync(Guid.NewGuid())).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.EraseAsync(article.Id)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasing_needs_a_signed_in_sales_or_admin_account()
    {
        var editor = await Api.SalesAsync();
        var (created, _) = await editor.CreateAsync(Person());

        await (await Api.CreateClient().EraseAsync(created.Id)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await (await Api.EditorAsync()).EraseAsync(created.Id)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{Manage}/{created.Id}")).StatusCode);
    }

    private static AdvertiserContactContent Person() => Contact(Name) with { Email = Email, Phone = "01 99 00 43 21" };

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsOfAsync(Guid id)
    {
        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    /// <summary>"table: value" for each table of the test's schema (documents, events, streams, everything) with a row holding one of the values.</summary>
    private async Task<List<string>> TablesHoldingAsync(IEnumerable<string> values)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue(Api.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("mt_events", tables);
        Assert.Contains("mt_streams", tables);

        var found = new List<string>();
        foreach (var table in tables)
            foreach (var value in values)
            {
                await using var count = new NpgsqlCommand($"select count(*) from {Api.Schema}.\"{table}\" t where t::text ilike $1", connection);
                count.Parameters.AddWithValue($"%{value}%");
                if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add($"{table}: {value}");
            }
        TestContext.Current.TestOutputHelper?.WriteLine($"{tables.Count} tables searched; holding the person: [{string.Join(", ", found)}]");
        return found;
    }
}
