using System.Net;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Audit;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.Audit;

/// <summary>The audit log: who did what and when, from the append-only events, filtered and paged.</summary>
public class AuditTests(ApiFactory api) : ApiTest(api)
{
    private const string Audit = "/api/v1/manage/audit";

    private static async Task<List<AuditEntry>> AllAsync(HttpClient client, string query = "") =>
        await client.ReadAllPagesAsync<AuditEntry>(query.Length == 0 ? Audit : $"{Audit}?{query}");

    /// <summary>Article created by the editor, edited, published by the admin, unpublished, then deleted; a minute apart.</summary>
    private async Task<(Guid Id, DateTimeOffset Start)> LifecycleAsync(HttpClient editor, HttpClient admin)
    {
        var start = Api.Clock.GetUtcNow();
        var (item, etag) = await editor.CreateAsync(Draft("Suivi"));
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (await editor.PutAsync(item.Id, Draft("Suivi modifié"), etag)).EnsureSuccessStatusCode();
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (await admin.PostAsync($"{Manage}/{item.Id}/publish", null)).EnsureSuccessStatusCode();
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (await editor.PostAsync($"{Manage}/{item.Id}/unpublish", null)).EnsureSuccessStatusCode();
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (await editor.DeleteAsync($"{Manage}/{item.Id}")).EnsureSuccessStatusCode();
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        return (item.Id, start);
    }

    [Fact]
    public async Task A_lifecycle_appears_newest_first_with_who_what_and_when()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.ClientForAsync(ApiFactory.AdminEmail);
        var (id, start) = await LifecycleAsync(editor, admin);

        var entries = await AllAsync(admin, $"item={id}");

        Assert.Equal(["deleted", "unpublished", "published", "edited", "created"], entries.Select(e => e.Action));
        Assert.Equal([ApiFactory.EditorEmail, ApiFactory.EditorEmail, ApiFactory.AdminEmail, ApiFactory.EditorEmail, ApiFactory.EditorEmail],
            entries.Select(e => e.By));
        Assert.All(entries, e => Assert.Equal("article", e.Type));
        Assert.All(entries, e => Assert.Equal(id, e.ItemId));
        Assert.Equal([5, 4, 3, 2, 1], entries.Select(e => e.Version!.Value));
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(m => start.AddMinutes(m)), entries.Select(e => e.At));
    }

    [Fact]
    public async Task Filters_by_user_item_action_type_and_time_window()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.ClientForAsync(ApiFactory.AdminEmail);
        var (first, start) = await LifecycleAsync(editor, admin);
        var (second, secondStart) = await LifecycleAsync(editor, admin);
        var (fiche, _) = await editor.CreateAsync("fiches", Features.Fiches.FicheSteps.Draft("Fiche suivie"));

        Assert.Equal(11, (await AllAsync(admin)).Count);
        Assert.Equal([second, first], (await AllAsync(admin, $"user={Uri.EscapeDataString(ApiFactory.AdminEmail)}")).Select(e => e.ItemId));
        Assert.Equal(5, (await AllAsync(admin, $"item={first}")).Count);
        Assert.Equal([second, first], (await AllAsync(admin, "action=published")).Select(e => e.ItemId));
        Assert.Equal([fiche.Id, second, first], (await AllAsync(admin, "action=created")).Select(e => e.ItemId));
        Assert.Equal([fiche.Id], (await AllAsync(admin, "type=fiche")).Select(e => e.ItemId));
        Assert.Empty(await AllAsync(admin, "action=erased"));

        // The first lifecycle's minutes 1 to 3: edited, published, unpublished.
        var from = Uri.EscapeDataString(start.AddMinutes(1).ToString("O"));
        var to = Uri.EscapeDataString(start.AddMinutes(4).ToString("O"));
        var window = await AllAsync(admin, $"from={from}&to={to}");
        Assert.Equal(["unpublished", "published", "edited"], window.Select(e => e.Action));
        Assert.All(window, e => Assert.Equal(first, e.ItemId));
        Assert.Equal(6, (await AllAsync(admin, $"from={Uri.EscapeDataString(secondStart.ToString("O"))}")).Count);
        Assert.Equal(["published"], (await AllAsync(admin,
            $"from={Uri.EscapeDataString(secondStart.ToString("O"))}&user={Uri.EscapeDataString(ApiFactory.AdminEmail)}&action=published&type=article"))
            .Select(e => e.Action));
    }

    [Fact]
    public async Task Pages_with_a_cursor_give_every_entry_once_newest_first()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.ClientForAsync(ApiFactory.AdminEmail);
        await LifecycleAsync(editor, admin);
        await LifecycleAsync(editor, admin);

        var all = (await (await admin.GetAsync($"{Audit}?limit=100")).ReadAsync<Page<AuditEntry>>()).Items;
        var paged = new List<AuditEntry>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await admin.GetAsync($"{Audit}?limit=3" + (cursor is null ? "" : $"&cursor={cursor}"))).ReadAsync<Page<AuditEntry>>();
            paged.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        } while (cursor is not null);

        Assert.Equal(10, all.Count);
        Assert.Equal(4, pages);
        Assert.Equal(all, paged);
        Assert.Equal(all.OrderByDescending(e => e.At).Select(e => e.At), all.Select(e => e.At));
    }

    [Fact]
    public async Task Entries_are_append_only_an_erasure_adds_one_without_data()
    {
        var editor = await Api.SalesAsync();
        var admin = await Api.AdminAsync();
        var (contact, _) = await editor.CreateAsync(AdvertiserContacts.AdvertiserContactSteps.Segment, AdvertiserContacts.AdvertiserContactSteps.Contact("Léa Petit"));
        (await editor.PostAsync($"{AdvertiserContacts.AdvertiserContactSteps.Manage}/{contact.Id}/erase", null)).EnsureSuccessStatusCode();

        var entries = await AllAsync(admin, $"item={contact.Id}");
        var erased = Assert.Single(entries);
        Assert.Equal("erased", erased.Action);
        Assert.Equal(ApiFactory.SalesEmail, erased.By);
        Assert.Equal("advertiser-contact", erased.Type);
        Assert.Null(erased.Version);
    }

    [Fact]
    public async Task The_workflow_actions_have_their_names_submitted_scheduled_unscheduled_restored()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.AdminAsync();
        var (item, etag) = await editor.CreateAsync(Draft("Flux"));
        (await editor.PutAsync(item.Id, Draft("Flux modifié"), etag)).EnsureSuccessStatusCode();
        var restore = new HttpRequestMessage(HttpMethod.Post, $"{Manage}/{item.Id}/restore/1");
        restore.Headers.TryAddWithoutValidation("If-Match", "\"v2\"");
        (await editor.SendAsync(restore)).EnsureSuccessStatusCode();
        (await editor.PostAsync($"{Manage}/{item.Id}/submit", null)).EnsureSuccessStatusCode();
        (await editor.PostJsonAsync($"{Manage}/{item.Id}/schedule",
            new ScheduleChange { PublishAt = Api.Clock.GetUtcNow().AddDays(1) })).EnsureSuccessStatusCode();
        (await editor.DeleteAsync($"{Manage}/{item.Id}/schedule")).EnsureSuccessStatusCode();

        var actions = (await AllAsync(admin, $"item={item.Id}")).Select(e => e.Action).ToList();

        Assert.Equal(["unscheduled", "scheduled", "submitted", "restored", "edited", "created"], actions);
        Assert.Equal(["submitted"], (await AllAsync(admin, "action=submitted")).Select(e => e.Action));
    }

    [Fact]
    public async Task Anonymous_is_401_and_bad_filters_are_400()
    {
        await (await Api.CreateClient().GetAsync(Audit)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await (await Api.EditorAsync()).GetAsync(Audit)).ProblemAsync(HttpStatusCode.Forbidden);
        var admin = await Api.AdminAsync();
        foreach (var (query, field) in new[]
                 {
                     ("action=frobbed", "action"), ("type=page", "type"), ("item=not-a-guid", "item"), ("from=yesterday", "from"),
                     ("from=2026-11-26T10:00:00Z&to=2026-11-26T09:00:00Z", "to"), ("limit=0", "limit"), ("cursor=abc", "cursor"),
                 })
        {
            var problem = await (await admin.GetAsync($"{Audit}?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.ErrorsFor(field));
        }
    }
}
