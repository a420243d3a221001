using System.Net;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Preview;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;
using Contacts = Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Content;

/// <summary>Preview links: a draft in its delivery shape, to whoever holds a valid token, never cached.</summary>
public class PreviewTests(ApiFactory api) : ApiTest(api)
{
    private static async Task<PreviewLink> PreviewAsync(HttpClient editor, string manage, Guid id, int? minutes = null)
    {
        var response = await editor.PostJsonAsync($"{manage}/{id}/preview", new PreviewOptions { ExpiresInMinutes = minutes });
        return await response.ReadAsync<PreviewLink>();
    }

    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
        Assert.False(response.Headers.CacheControl.Public);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_draft_preview_returns_the_draft_in_the_delivery_shape_private_and_no_store()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Brouillon à relire") with { Slug = "brouillon-a-relire" });
        var link = await PreviewAsync(editor, Manage, draft.Id);
        Assert.Equal(Api.Clock.GetUtcNow().AddMinutes(60), link.ExpiresAt);
        Assert.StartsWith($"{Delivery}/brouillon-a-relire?preview=", link.Url);

        var anonymous = Api.CreateClient();
        var response = await anonymous.GetAsync(link.Url);
        var article = await response.ReadAsync<ArticleDelivery>();

        Assert.Equal(draft.Id, article.Id);
        Assert.Equal("Brouillon à relire", article.Title);
        Assert.Equal("<p>Un corps de texte.</p>", article.Body);
        AssertPrivate(response);
        // The public URL without a token still knows nothing of the draft.
        await (await anonymous.GetAsync($"{Delivery}/brouillon-a-relire")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_link_shows_each_new_draft_so_preview_responses_are_never_served_from_cache()
    {
        var editor = await Api.EditorAsync();
        var (draft, etag) = await editor.CreateAsync(Draft("Première version") with { Slug = "en-cours" });
        var link = await PreviewAsync(editor, Manage, draft.Id);
        var anonymous = Api.CreateClient();
        Assert.Equal("Première version", (await (await anonymous.GetAsync(link.Url)).ReadAsync<ArticleDelivery>()).Title);

        (await editor.PutAsync(draft.Id, Draft("Deuxième version") with { Slug = "en-cours" }, etag)).EnsureSuccessStatusCode();

        var again = await anonymous.GetAsync(link.Url);
        Assert.Equal("Deuxième version", (await again.ReadAsync<ArticleDelivery>()).Title);
        AssertPrivate(again);
        // Having been previewed, the draft is still nobody's public business.
        await (await anonymous.GetAsync($"{Delivery}/en-cours")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pending_version_is_previewed_while_the_public_and_its_cache_keep_the_published_one()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("En ligne") with { Slug = "en-ligne" });
        var anonymous = Api.CreateClient();
        Assert.Equal("En ligne", (await (await anonymous.GetAsync($"{Delivery}/en-ligne")).ReadAsync<ArticleDelivery>()).Title);

        var current = await editor.GetAsync($"{Manage}/{published.Id}");
        (await editor.PutAsync(published.Id, Draft("Modification en attente") with { Slug = "en-ligne" },
            current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        var link = await PreviewAsync(editor, Manage, published.Id);

        var preview = await anonymous.GetAsync(link.Url);
        Assert.Equal("Modification en attente", (await preview.ReadAsync<ArticleDelivery>()).Title);
        AssertPrivate(preview);
        var pub = await anonymous.GetAsync($"{Delivery}/en-ligne");
        Assert.Equal("En ligne", (await pub.ReadAsync<ArticleDelivery>()).Title);
        Assert.True(pub.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task The_delivery_cache_policy_refuses_requests_with_a_preview_parameter()
    {
        var editor = await Api.EditorAsync();
        var (draft, etag) = await editor.CreateAsync(Draft("Avant") with { Slug = "cache-test" });
        var link = await PreviewAsync(editor, Manage, draft.Id);
        var anonymous = Api.CreateClient();
        // The same URL twice, then an edit: a cached copy would still say "Avant".
        await anonymous.GetAsync(link.Url);
        await anonymous.GetAsync(link.Url);
        (await editor.PutAsync(draft.Id, Draft("Après") with { Slug = "cache-test" }, etag)).EnsureSuccessStatusCode();
        Assert.Equal("Après", (await (await anonymous.GetAsync(link.Url)).ReadAsync<ArticleDelivery>()).Title);

        // A bad token on a published item is a 401 even after the public copy is cached, and does not get its bytes.
        var (other, _) = await editor.CreateAsync(Draft("Public") with { Slug = "public-cache" });
        await editor.PublishAsync(other.Id);
        (await anonymous.GetAsync($"{Delivery}/public-cache")).EnsureSuccessStatusCode();
        await (await anonymous.GetAsync($"{Delivery}/public-cache?preview=nope")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_link_is_a_401_problem()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Bientôt périmé"));
        var link = await PreviewAsync(editor, Manage, draft.Id, minutes: 5);
        var anonymous = Api.CreateClient();
        (await anonymous.GetAsync(link.Url)).EnsureSuccessStatusCode();

        Api.Clock.Advance(TimeSpan.FromMinutes(5));

        var problem = await (await anonymous.GetAsync(link.Url)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_forged_or_tampered_token_is_a_401_problem()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Secret") with { Slug = "secret" });
        var token = (await PreviewAsync(editor, Manage, draft.Id)).Token;
        var anonymous = Api.CreateClient();
        var dot = token.IndexOf('.');

        static string Flip(string s, int i) => s[..i] + (s[i] == 'A' ? 'B' : 'A') + s[(i + 1)..];
        var forged = new[]
        {
            Flip(token, 0), Flip(token, dot - 1), Flip(token, dot + 1), Flip(token, token.Length - 1),
            token[..dot], token + "A", "", "abc.def", token.Replace('.', '_'),
            // A payload naming another expiry, signed with nothing we know.
            Convert.ToBase64String("p1|article|00000000000000000000000000000000|latest|9999999999"u8.ToArray()).TrimEnd('=') + token[dot..],
        };
        foreach (var bad in forged)
            await (await anonymous.GetAsync($"{Delivery}/secret?preview={Uri.EscapeDataString(bad)}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_items_token_is_a_401_problem_even_of_another_type()
    {
        var editor = await Api.EditorAsync();
        var (first, _) = await editor.CreateAsync(Draft("Premier") with { Slug = "premier" });
        var (second, _) = await editor.CreateAsync(Draft("Second") with { Slug = "second" });
        var firstToken = (await PreviewAsync(editor, Manage, first.Id)).Token;
        var sales = await Api.SalesAsync();
        var (contact, _) = await sales.CreateAsync(Contacts.Segment, Contacts.Contact("Jeanne Martin"));
        var contactToken = (await PreviewAsync(sales, Contacts.Manage, contact.Id)).Token;
        var anonymous = Api.CreateClient();

        await (await anonymous.GetAsync($"{Delivery}/second?preview={firstToken}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"{Delivery}/premier?preview={contactToken}")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(second.Id, (await (await anonymous.GetAsync((await PreviewAsync(editor, Manage, second.Id)).Url))
            .ReadAsync<ArticleDelivery>()).Id);
    }

    [Fact]
    public async Task A_contact_preview_shows_only_public_fields_and_a_non_public_contact_is_404()
    {
        var editor = await Api.SalesAsync();
        var (contact, etag) = await editor.CreateAsync(Contacts.Segment, Contacts.Contact("Paul Durand"));
        var link = await PreviewAsync(editor, Contacts.Manage, contact.Id);
        var anonymous = Api.CreateClient();

        var body = await (await anonymous.GetAsync(link.Url)).Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(contact.Id.ToString(), json["id"]!.GetValue<string>());
        Assert.DoesNotContain("Rencontrée au salon", body); // internal notes
        Assert.Null(json["consent"]);
        Assert.Null(json["internalNotes"]);

        (await editor.PutAsync(Contacts.Segment, contact.Id,
            Contacts.Contact("Paul Durand") with { IsPublic = false, Slug = contact.Slug }, etag)).EnsureSuccessStatusCode();
        await (await anonymous.GetAsync(link.Url)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_link_needs_an_editor_and_a_sensible_lifetime()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Durées"));
        var anonymous = Api.CreateClient();

        await (await anonymous.PostAsync($"{Manage}/{draft.Id}/preview", null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await editor.PostJsonAsync($"{Manage}/{Guid.NewGuid()}/preview", new PreviewOptions())).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var minutes in new[] { 0, -1, 7 * 24 * 60 + 1 })
        {
            var problem = await (await editor.PostJsonAsync($"{Manage}/{draft.Id}/preview", new PreviewOptions { ExpiresInMinutes = minutes }))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.ErrorsFor("expiresInMinutes"));
        }
        var week = await PreviewAsync(editor, Manage, draft.Id, 7 * 24 * 60);
        Assert.Equal(Api.Clock.GetUtcNow().AddDays(7), week.ExpiresAt);
        var bodiless = await (await editor.PostAsync($"{Manage}/{draft.Id}/preview", null)).ReadAsync<PreviewLink>();
        Assert.Equal(Api.Clock.GetUtcNow().AddHours(1), bodiless.ExpiresAt);
        var malformed = await (await editor.PostAsync($"{Manage}/{draft.Id}/preview",
            new StringContent("{\"expiresInMinutes\": \"soon\"", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(malformed.ErrorsFor("expiresInMinutes"));
        await (await editor.PostAsync($"{Manage}/{draft.Id}/preview", new StringContent("60")))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
