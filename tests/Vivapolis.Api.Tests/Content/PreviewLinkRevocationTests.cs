using System.Net;
using System.Net.Http.Json;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Audit;
using Vivapolis.Contracts.Preview;
using Vivapolis.Contracts.Users;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// A preview link is worth what its maker's right to make it is worth today: it stops when the maker is suspended
/// or loses the role, and when an editor revokes the item's links. Authors make links to their own drafts only.
/// </summary>
public class PreviewLinkRevocationTests(ApiFactory api) : ApiTest(api)
{
    private const string Users = "/api/v1/manage/users";

    private static async Task<PreviewLink> LinkAsync(HttpClient maker, Guid id) =>
        await (await maker.PostAsync($"{Manage}/{id}/preview", null)).ReadAsync<PreviewLink>();

    private async Task<HttpStatusCode> OpenAsync(PreviewLink link) => (await Api.CreateClient().GetAsync(link.Url)).StatusCode;

    private static async Task<Guid> UserIdAsync(HttpClient admin, string email) =>
        (await (await admin.GetAsync(Users)).ReadAsync<List<UserAccount>>()).Single(u => u.Email == email).Id;

    private static async Task ChangeRoleAsync(HttpClient admin, string email, UserRole role) =>
        (await admin.PutAsJsonAsync($"{Users}/{await UserIdAsync(admin, email)}/role", new ChangeRoleRequest(role), HttpAssertions.JsonOptions))
        .EnsureSuccessStatusCode();

    [Fact]
    public async Task A_link_stops_working_when_its_maker_is_suspended_and_others_links_keep_working()
    {
        var admin = await Api.AdminAsync();
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Aperçu d'un rédacteur suspendu"));
        var editorsLink = await LinkAsync(editor, draft.Id);
        var adminsLink = await LinkAsync(admin, draft.Id);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(editorsLink));

        (await admin.PostAsync($"{Users}/{await UserIdAsync(admin, ApiFactory.EditorEmail)}/suspend", null)).EnsureSuccessStatusCode();

        var refused = await Api.CreateClient().GetAsync(editorsLink.Url);
        await refused.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(adminsLink));
    }

    [Fact]
    public async Task A_link_stops_working_when_its_maker_loses_the_role_that_may_preview_the_item()
    {
        var admin = await Api.AdminAsync();
        var editor = await Api.EditorAsync();
        var (own, _) = await editor.CreateAsync(Draft("Écrit par le rédacteur"));
        var (others, _) = await admin.CreateAsync(Draft("Écrit par l'administratrice"));
        var ownLink = await LinkAsync(editor, own.Id);
        var othersLink = await LinkAsync(editor, others.Id);

        // An author previews only what they wrote: the link to someone else's item stops, their own goes on.
        await ChangeRoleAsync(admin, ApiFactory.EditorEmail, UserRole.Author);
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenAsync(othersLink));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(ownLink));

        // Sales may preview no article at all.
        await ChangeRoleAsync(admin, ApiFactory.EditorEmail, UserRole.Sales);
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenAsync(ownLink));

        // The decision is taken on every use: given the role back, the links work again until they expire.
        await ChangeRoleAsync(admin, ApiFactory.EditorEmail, UserRole.Editor);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(othersLink));
    }

    [Fact]
    public async Task Revoking_an_items_links_stops_every_link_made_before_whoever_made_it_and_no_other()
    {
        var admin = await Api.AdminAsync();
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var (draft, etag) = await author.CreateAsync(Draft("Brouillon trop partagé"));
        var (other, _) = await editor.CreateAsync(Draft("Un autre brouillon"));
        var before = new[] { await LinkAsync(author, draft.Id), await LinkAsync(editor, draft.Id), await LinkAsync(admin, draft.Id) };
        var otherLink = await LinkAsync(editor, other.Id);

        var revoked = await editor.DeleteAsync($"{Manage}/{draft.Id}/preview");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        foreach (var link in before)
            await (await Api.CreateClient().GetAsync(link.Url)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(otherLink));
        var after = await LinkAsync(editor, draft.Id);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(after));
        // Revoking again stops the new link too; the item itself was never changed.
        (await editor.DeleteAsync($"{Manage}/{draft.Id}/preview")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenAsync(after));
        var item = await editor.GetAsync($"{Manage}/{draft.Id}");
        Assert.Equal(etag, item.Headers.ETag!.ToString());

        var audit = await admin.ReadAllPagesAsync<AuditEntry>($"/api/v1/manage/audit?item={draft.Id}&action=preview_links_revoked");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Equal(ApiFactory.EditorEmail, e.By));
        Assert.All(audit, e => Assert.Equal("article", e.Type));
    }

    [Fact]
    public async Task Revoking_the_links_of_an_item_that_does_not_exist_is_a_404_and_authors_may_not_revoke()
    {
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var (own, _) = await author.CreateAsync(Draft("Le brouillon de l'auteur"));
        var link = await LinkAsync(author, own.Id);

        await (await editor.DeleteAsync($"{Manage}/{Guid.NewGuid()}/preview")).ProblemAsync(HttpStatusCode.NotFound);
        await (await author.DeleteAsync($"{Manage}/{own.Id}/preview")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(link));
    }

    [Fact]
    public async Task An_author_makes_links_only_to_drafts_they_may_edit()
    {
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var (own, ownETag) = await author.CreateAsync(Draft("Mon brouillon"));
        var (editors, _) = await editor.CreateAsync(Draft("Le brouillon du rédacteur"));

        Assert.Equal(HttpStatusCode.OK, await OpenAsync(await LinkAsync(author, own.Id)));
        await (await author.PostAsync($"{Manage}/{editors.Id}/preview", null)).ProblemAsync(HttpStatusCode.Forbidden);

        // Sent for review, it is the editors' to show.
        var submit = new HttpRequestMessage(HttpMethod.Post, $"{Manage}/{own.Id}/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", ownETag);
        (await author.SendAsync(submit)).EnsureSuccessStatusCode();
        await (await author.PostAsync($"{Manage}/{own.Id}/preview", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await author.PostAsync($"{Manage}/{Guid.NewGuid()}/preview", null)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
