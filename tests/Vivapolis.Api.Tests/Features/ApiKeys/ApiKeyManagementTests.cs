using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Audit;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.ApiKeys.ApiKeySteps;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Features.ApiKeys;

/// <summary>Administrators create, list and revoke partners' keys; a secret is shown once and only its hash is kept.</summary>
public class ApiKeyManagementTests(ApiFactory api) : ApiTest(api)
{
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

    private Task<HttpClient> AdminAsync() => Api.ClientForAsync(ApiFactory.AdminEmail);

    [Fact]
    public async Task A_created_key_is_shown_once_with_its_location_and_works_at_once()
    {
        var admin = await AdminAsync();
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Avant-première"));

        var response = await admin.PostJsonAsync(Keys, new ApiKeyRequest { Name = "  Institut de la ville durable ", Scopes = ["preview:read", "sync:read"] });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedApiKey>();
        Assert.Equal($"{Keys}/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Matches("^vvp_[A-Za-z0-9_-]{43}$", created.Key);
        Assert.Equal(created.Key[..12], created.Prefix);
        Assert.Equal("Institut de la ville durable", created.Name);
        Assert.Equal(["sync:read", "preview:read"], created.Scopes);
        Assert.Equal(ApiFactory.AdminEmail, created.CreatedBy);
        Assert.Equal(Api.Clock.GetUtcNow(), created.CreatedAt);

        var article = await (await Api.ClientWithKey(created.Key).GetAsync(Preview(Segment, draft.Id))).ReadAsync<ArticleDelivery>();
        Assert.Equal("Avant-première", article.Title);
        // Two keys never share a secret.
        Assert.NotEqual(created.Key, (await admin.CreateApiKeyAsync("Autre", "sync:read")).Key);
    }

    [Fact]
    public async Task Lists_and_gets_never_show_the_secret_or_its_hash()
    {
        var admin = await AdminAsync();
        var first = await admin.CreateApiKeyAsync("Agrégateur", "sync:read");
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await admin.CreateApiKeyAsync("Site partenaire", "preview:read");

        var list = await (await admin.GetAsync(Keys)).Content.ReadAsStringAsync();
        var one = await (await admin.GetAsync($"{Keys}/{first.Id}")).Content.ReadAsStringAsync();

        foreach (var body in new[] { list, one })
        {
            foreach (var key in new[] { first, second })
            {
                Assert.DoesNotContain(key.Key, body);
                Assert.DoesNotContain(key.Key[12..20], body); // not even the part after the prefix
                Assert.DoesNotContain(Sha256Hex(key.Key), body, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain("\"hash\"", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"key\"", body, StringComparison.OrdinalIgnoreCase);
        }
        var items = JsonNode.Parse(list)!["items"]!.AsArray();
        Assert.Equal([second.Id.ToString(), first.Id.ToString()], items.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal([second.Prefix, first.Prefix], items.Select(i => i!["prefix"]!.GetValue<string>()));
        Assert.Equal("Agrégateur", JsonNode.Parse(one)!["name"]!.GetValue<string>());
        await (await admin.GetAsync($"{Keys}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor()
    {
        var admin = await AdminAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await admin.CreateApiKeyAsync($"Clé {i}", "sync:read")).Id);
            Api.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await (await admin.GetAsync($"{Keys}?limit=2")).ReadAsync<Page<ApiKeyDetails>>();
        var all = await admin.ReadAllPagesAsync<ApiKeyDetails>($"{Keys}?limit=2");

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(Enumerable.Reverse(ids), all.Select(k => k.Id));
        await (await admin.GetAsync($"{Keys}?cursor=nope")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_database_holds_only_the_hash_of_the_secret()
    {
        var admin = await AdminAsync();
        var created = await admin.CreateApiKeyAsync("Agrégateur", "sync:read", "preview:read");
        (await Api.ClientWithKey(created.Key).GetAsync(Preview(Segment, Guid.NewGuid()))).Dispose(); // used once

        // Every row of every table of the test's schema (documents, events, revisions), read as text.
        await using var connection = new NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", connection)
            { Parameters = { new() { Value = Api.Schema } } })
        await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) tables.Add(reader.GetString(0));

        async Task<List<string>> TablesContainingAsync(string text)
        {
            var found = new List<string>();
            foreach (var table in tables)
            {
                await using var command = new NpgsqlCommand(
                    $"select count(*) from {Api.Schema}.{table} t where strpos(t::text, $1) > 0", connection)
                    { Parameters = { new() { Value = text } } };
                if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0) found.Add(table);
            }
            return found;
        }

        Assert.Contains("mt_doc_apikey", tables);
        Assert.Empty(await TablesContainingAsync(created.Key));
        Assert.Empty(await TablesContainingAsync(created.Key[12..]));
        Assert.Equal(["mt_doc_apikey"], await TablesContainingAsync(Sha256Hex(created.Key)));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_very_next_request_and_stays_listed()
    {
        var admin = await AdminAsync();
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Révocation"));
        var (partner, key) = await Api.PartnerAsync("preview:read");
        (await partner.GetAsync(Preview(Segment, draft.Id))).EnsureSuccessStatusCode();
        Api.Clock.Advance(TimeSpan.FromMinutes(3));

        var revoke = await admin.DeleteAsync($"{Keys}/{key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var problem = await (await partner.GetAsync(Preview(Segment, draft.Id))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        var revokedAt = Api.Clock.GetUtcNow();

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Keys}/{key.Id}")).StatusCode);
        var details = await (await admin.GetAsync($"{Keys}/{key.Id}")).ReadAsync<ApiKeyDetails>();
        Assert.Equal(revokedAt, details.RevokedAt); // revoking again changed nothing
        Assert.Equal(ApiFactory.AdminEmail, details.RevokedBy);
        Assert.Equal(key.Id, Assert.Single(await admin.ReadAllPagesAsync<ApiKeyDetails>(Keys)).Id);
        await (await partner.GetAsync(Preview(Segment, draft.Id))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.DeleteAsync($"{Keys}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_use_is_recorded_and_not_rewritten_within_the_minute()
    {
        var admin = await AdminAsync();
        var (partner, key) = await Api.PartnerAsync("preview:read");
        async Task<DateTimeOffset?> LastUseAsync() =>
            (await (await admin.GetAsync($"{Keys}/{key.Id}")).ReadAsync<ApiKeyDetails>()).LastUsedAt;
        var unknown = Preview(Segment, Guid.NewGuid()); // a 404 is a use of the key all the same
        Assert.Null(await LastUseAsync());

        var firstUse = Api.Clock.GetUtcNow();
        await partner.GetAsync(unknown);
        Assert.Equal(firstUse, await LastUseAsync());

        Api.Clock.Advance(TimeSpan.FromSeconds(59));
        await partner.GetAsync(unknown);
        Assert.Equal(firstUse, await LastUseAsync());

        Api.Clock.Advance(TimeSpan.FromSeconds(2));
        await partner.GetAsync(unknown);
        Assert.Equal(firstUse.AddSeconds(61), await LastUseAsync());
    }

    [Fact]
    public async Task Only_administrators_manage_keys_and_a_key_opens_nothing_under_manage()
    {
        var admin = await AdminAsync();
        var editor = await Api.EditorAsync();
        var anonymous = Api.CreateClient();
        var key = await admin.CreateApiKeyAsync("Tout", "sync:read", "preview:read");
        var partner = Api.ClientWithKey(key.Key);
        var body = new ApiKeyRequest { Name = "Par un éditeur", Scopes = ["sync:read"] };

        await (await editor.PostJsonAsync(Keys, body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.GetAsync(Keys)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.GetAsync($"{Keys}/{key.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.DeleteAsync($"{Keys}/{key.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(Keys)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync(Keys, body)).ProblemAsync(HttpStatusCode.Unauthorized);

        await (await partner.GetAsync(Keys)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await partner.PostJsonAsync(Keys, body)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await partner.DeleteAsync($"{Keys}/{key.Id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await partner.GetAsync(Manage)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await partner.PostJsonAsync(Manage, Draft("Par une clé"))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await partner.GetAsync("/api/v1/manage/audit")).ProblemAsync(HttpStatusCode.Unauthorized);

        var keys = await admin.ReadAllPagesAsync<ApiKeyDetails>(Keys);
        Assert.Equal(key.Id, Assert.Single(keys).Id);
        Assert.Null(keys[0].RevokedAt);
        Assert.Empty((await (await admin.GetAsync(Manage)).ReadAsync<Page<ManagedSummary>>()).Items);
    }

    [Theory]
    [InlineData("""{"name": "", "scopes": ["sync:read"]}""", "name")]
    [InlineData("""{"name": "   ", "scopes": ["sync:read"]}""", "name")]
    [InlineData("""{"scopes": ["sync:read"]}""", "name")]
    [InlineData("""{"name": null, "scopes": ["sync:read"]}""", "name")]
    [InlineData("""{"name": "Agrégateur", "scopes": []}""", "scopes")]
    [InlineData("""{"name": "Agrégateur"}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": null}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": ["sync:write"]}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": ["SYNC:READ"]}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": ["sync:read", null]}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": ["sync:read", "preview:read", "sync:read"]}""", "scopes")]
    [InlineData("""{"name": "Agrégateur", "scopes": "sync:read"}""", "scopes")]
    public async Task A_bad_request_is_a_400_naming_the_field_and_creates_nothing(string json, string field)
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsync(Keys, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Empty((await (await admin.GetAsync(Keys)).ReadAsync<Page<ApiKeyDetails>>()).Items);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused_in_French_or_English()
    {
        var admin = await AdminAsync();
        var body = new ApiKeyRequest { Name = new string('a', 101), Scopes = ["sync:read"] };

        var french = await (await admin.PostJsonAsync(Keys, body)).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await admin.SendAsync(HttpMethod.Post, Keys,
            System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.JsonOptions), ("Accept-Language", "en")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("100", Assert.Single(french.ErrorsFor("name")));
        Assert.NotEqual(french.ErrorsFor("name"), english.ErrorsFor("name"));
        (await admin.PostJsonAsync(Keys, body with { Name = new string('a', 100) })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Creating_and_revoking_a_key_appear_in_the_audit_log()
    {
        var admin = await AdminAsync();
        var key = await admin.CreateApiKeyAsync("Agrégateur", "sync:read");
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        (await admin.DeleteAsync($"{Keys}/{key.Id}")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"{Keys}/{key.Id}")).EnsureSuccessStatusCode();

        var entries = await admin.ReadAllPagesAsync<AuditEntry>($"/api/v1/manage/audit?item={key.Id}");

        Assert.Equal(["api_key_revoked", "api_key_created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(ApiFactory.AdminEmail, e.By));
        Assert.Equal([key.CreatedAt.AddMinutes(1), key.CreatedAt], entries.Select(e => e.At));
        Assert.Equal([key.Id], (await admin.ReadAllPagesAsync<AuditEntry>("/api/v1/manage/audit?action=api_key_created")).Select(e => e.ItemId));
    }
}
