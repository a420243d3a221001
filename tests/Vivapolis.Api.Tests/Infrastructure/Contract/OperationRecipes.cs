using System.Text.Json.Nodes;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>Makes the fixtures an operation needs and returns a valid request to it.</summary>
public delegate Task<PreparedRequest> Recipe(RecipeContext context);

/// <summary>
/// How to make a real, valid request to each operation of the contract, by operationId: the fixtures its path needs
/// (a draft, a published item, an item with two versions…), the If-Match of the version it acts on, and a valid
/// body. Sent by an admin, each one succeeds (2xx). Tests that walk the whole contract fail for an operation that has
/// no recipe here, so every new operation gets one: add a line to <see cref="Others"/> (or to
/// <see cref="ContentRecipes"/> for something every content type gets). For example, with fixtures that are not
/// content:
/// <code>
/// yield return new("GetUser", async c =>
/// {
///     var (user, _) = await c.StepAsync(HttpMethod.Post, "/api/v1/manage/users", new JsonObject { ["email"] = $"{RecipeContext.Unique()}@example.org", … });
///     return c.Request().WithPath("id", user!["id"]!.GetValue&lt;string&gt;());
/// });
/// </code>
/// </summary>
public static class OperationRecipes
{
    public static readonly IReadOnlyDictionary<string, Recipe> All =
        ContentKind.All.SelectMany(ContentRecipes).Concat(Others()).Concat(WebhookRecipes()).ToDictionary(r => r.Key, r => r.Value);

    /// <summary>Makes the fixtures with <paramref name="fixtures"/> (an admin's client) and returns the valid request.</summary>
    public static Task<PreparedRequest> PrepareAsync(ApiOperation operation, HttpClient fixtures) =>
        All.TryGetValue(operation.OperationId, out var recipe)
            ? recipe(new RecipeContext(operation, fixtures))
            : throw new InvalidOperationException(MissingMessage(operation));

    public static Task<PreparedRequest> PrepareAsync(string operationId, HttpClient fixtures) =>
        PrepareAsync(OperationCatalog.Find(operationId), fixtures);

    public static string MissingMessage(ApiOperation operation) =>
        $"No recipe for {operation}: add one to OperationRecipes (tests/Vivapolis.Api.Tests/Infrastructure/Contract/OperationRecipes.cs).";

    private static IEnumerable<KeyValuePair<string, Recipe>> Others()
    {
        yield return new("IssueToken", c => Task.FromResult(c.Request().WithBody(new JsonObject
        {
            ["email"] = ApiFactory.AdminEmail,
            ["password"] = ApiFactory.Password,
        })));
        yield return new("ListAudit", c => Task.FromResult(c.Request().WithQuery("limit", "20").WithQuery("type", "article")));
        yield return new("SearchContent", c => Task.FromResult(c.Request().WithQuery("q", "ville durable").WithQuery("types", "article,fiche")));
        yield return new("ListThemes", c => Task.FromResult(c.Request().WithQuery("locale", "fr")));
        yield return new("ListRegions", c => Task.FromResult(c.Request().WithQuery("locale", "en")));
        yield return new("ListContentTypes", c => Task.FromResult(c.Request()));
        yield return new("EraseAdvertiserContact", async c =>
            c.Request(await c.PublishedAsync(ContentKind.AdvertiserContacts)));

        // Sessions and passwords.
        yield return new("RefreshToken", async c => c.Request().WithBody(new JsonObject { ["refreshToken"] = await RefreshTokenAsync(c) }));
        yield return new("Logout", async c => c.Request().WithBody(new JsonObject { ["refreshToken"] = await RefreshTokenAsync(c) }));
        // The sender's own password, changed to itself: the walk goes on signing in with it.
        yield return new("ChangePassword", c => Task.FromResult(c.Request().WithBody(new JsonObject
        {
            ["currentPassword"] = ApiFactory.Password,
            ["newPassword"] = ApiFactory.Password,
        })));
        yield return new("ResetPassword", async c => c.Request().WithBody(new JsonObject
        {
            ["resetToken"] = (await NewUserAsync(c))["passwordReset"]!["resetToken"]!.GetValue<string>(),
            ["newPassword"] = "une phrase de passe solide",
        }));

        // Accounts (administrators), and the names every role reads.
        yield return new("ListUsers", c => Task.FromResult(c.Request()));
        yield return new("ListColleagues", c => Task.FromResult(c.Request()));
        yield return new("CreateUser", c => Task.FromResult(c.Request().WithBody(NewUser())));
        yield return new("GetUser", async c => c.Request().WithPath("id", await NewUserIdAsync(c)));
        yield return new("ChangeUserRole", async c =>
            c.Request().WithPath("id", await NewUserIdAsync(c)).WithBody(new JsonObject { ["role"] = "editor" }));
        yield return new("SuspendUser", async c => c.Request().WithPath("id", await NewUserIdAsync(c)));
        yield return new("ReactivateUser", async c =>
        {
            var id = await NewUserIdAsync(c);
            await c.StepAsync(HttpMethod.Post, $"/api/v1/manage/users/{id}/suspend");
            return c.Request().WithPath("id", id);
        });
        yield return new("ForcePasswordReset", async c => c.Request().WithPath("id", await NewUserIdAsync(c)));

        // Partner API keys (administrators), and the draft previews a key with preview:read opens.
        yield return new("ListApiKeys", c => Task.FromResult(c.Request().WithQuery("limit", "20")));
        yield return new("CreateApiKey", c => Task.FromResult(c.Request().WithBody(NewKey("preview:read", "sync:read"))));
        yield return new("GetApiKey", async c => c.Request().WithPath("id", (await NewKeyAsync(c, "sync:read"))["id"]!.GetValue<string>()));
        yield return new("RevokeApiKey", async c => c.Request().WithPath("id", (await NewKeyAsync(c, "sync:read"))["id"]!.GetValue<string>()));

        // The aggregator's change feed, with a key that has sync:read.
        yield return new("ReadSync", async c =>
        {
            await c.PublishedAsync(ContentKind.Articles);
            var key = await UsedKeyAsync(c, "sync:read", "/api/v1/sync");
            return c.Request().WithQuery("limit", "100").WithQuery("types", "article").WithHeader("X-Api-Key", key);
        });

        // The media library: a real image, a new one each time (the same bytes twice would be one image).
        yield return new("UploadMedia", c => Task.FromResult(c.Request().WithForm(ImageForm())));
        yield return new("ListMedia", async c =>
        {
            await UploadAsync(c);
            return c.Request().WithQuery("q", "photo").WithQuery("missingAlt", "false").WithQuery("mine", "true").WithQuery("limit", "20");
        });
        yield return new("GetMedia", async c => c.Request().WithPath("id", (await UploadAsync(c)).Body!["id"]!.GetValue<string>()));
        yield return new("ListMediaUses", async c => c.Request().WithPath("id", (await UploadAsync(c)).Body!["id"]!.GetValue<string>()));
        yield return new("UpdateMedia", async c =>
        {
            var (media, etag) = await UploadAsync(c);
            return c.Request().WithPath("id", media!["id"]!.GetValue<string>()).WithHeader("If-Match", etag!)
                .WithBody(new JsonObject { ["alt"] = "Tramway place Bellecour", ["credit"] = "Photo : Ville de Lyon", ["caption"] = "La ligne T1." });
        });
        yield return new("DeleteMedia", async c =>
        {
            var (media, etag) = await UploadAsync(c);
            return c.Request().WithPath("id", media!["id"]!.GetValue<string>()).WithHeader("If-Match", etag!);
        });
        yield return new("GetMediaFile", async c =>
        {
            var url = new Uri((await UploadAsync(c)).Body!["variants"]![0]!["url"]!.GetValue<string>());
            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return c.Request().WithPath("hash", segments[1]).WithPath("file", segments[2]);
        });

        // Partner sites: the feeds, the embedded agenda and its script (the example event is in Paris, mobilité, 2027).
        yield return new("GetEventsCalendar", async c =>
        {
            await c.PublishedAsync(ContentKind.Events);
            return c.Request().WithQuery("theme", "mobilite").WithQuery("region", "11").WithQuery("from", "2027-01-01").WithQuery("locale", "fr");
        });
        yield return new("GetEventCalendar", async c => c.Request(await c.PublishedAsync(ContentKind.Events)).WithQuery("locale", "fr"));
        yield return new("GetEmbeddedAgenda", async c =>
        {
            await c.PublishedAsync(ContentKind.Events);
            return c.Request().WithQuery("theme", "mobilite").WithQuery("layout", "compact").WithQuery("limit", "10");
        });
        yield return new("GetArticlesFeed", async c =>
        {
            await c.PublishedAsync(ContentKind.Articles);
            return c.Request().WithQuery("theme", "mobilite").WithQuery("limit", "20");
        });
        yield return new("GetFichesFeed", async c =>
        {
            await c.PublishedAsync(ContentKind.Fiches);
            return c.Request().WithQuery("region", "53").WithQuery("limit", "20");
        });
        yield return new("GetAgendaScript", c => Task.FromResult(c.Request()));
    }

    /// <summary>Webhooks (administrators): settings, secret, test message, delivery log. No host of the sweeps sends them.</summary>
    private static IEnumerable<KeyValuePair<string, Recipe>> WebhookRecipes()
    {
        yield return new("CreateWebhook", c => Task.FromResult(c.Request().WithBody(NewWebhook())));
        yield return new("ListWebhooks", async c =>
        {
            await NewWebhookAsync(c);
            return c.Request().WithQuery("limit", "20");
        });
        yield return new("GetWebhook", async c => c.Request().WithPath("id", (await NewWebhookAsync(c)).Id));
        yield return new("UpdateWebhook", async c =>
        {
            var (id, etag) = await NewWebhookAsync(c);
            return c.Request().WithPath("id", id).WithHeader("If-Match", etag).WithBody(NewWebhook());
        });
        yield return new("DeleteWebhook", async c =>
        {
            var (id, etag) = await NewWebhookAsync(c);
            return c.Request().WithPath("id", id).WithHeader("If-Match", etag);
        });
        yield return new("RotateWebhookSecret", async c =>
        {
            var (id, etag) = await NewWebhookAsync(c);
            return c.Request().WithPath("id", id).WithHeader("If-Match", etag);
        });
        yield return new("PingWebhook", async c => c.Request().WithPath("id", (await NewWebhookAsync(c)).Id));
        yield return new("ListWebhookDeliveries", async c =>
        {
            var (id, _, _) = await PingedWebhookAsync(c);
            return c.Request().WithPath("id", id).WithQuery("status", "pending").WithQuery("limit", "20");
        });
        yield return new("GetWebhookDelivery", async c =>
        {
            var (id, delivery, _) = await PingedWebhookAsync(c);
            return c.Request().WithPath("id", id).WithPath("deliveryId", delivery);
        });
        yield return new("RedeliverWebhookDelivery", async c =>
        {
            var (id, delivery, _) = await PingedWebhookAsync(c);
            return c.Request().WithPath("id", id).WithPath("deliveryId", delivery);
        });
    }

    private static JsonObject NewWebhook() => new()
    {
        ["url"] = $"https://hooks.example.org/vivapolis/{RecipeContext.Unique()}",
        ["description"] = "Miroir de l'Institut de la ville durable",
        ["events"] = new JsonArray("published", "unpublished"),
        ["contentTypes"] = new JsonArray("article"),
        ["enabled"] = true,
    };

    private static async Task<(string Id, string ETag)> NewWebhookAsync(RecipeContext c)
    {
        var (body, etag) = await c.StepAsync(HttpMethod.Post, "/api/v1/manage/webhooks", NewWebhook());
        return (body!["webhook"]!["id"]!.GetValue<string>(), etag!);
    }

    /// <summary>A webhook with one delivery, a test message (pending: the sweeps' hosts send nothing).</summary>
    private static async Task<(string Id, string Delivery, string ETag)> PingedWebhookAsync(RecipeContext c)
    {
        var (id, etag) = await NewWebhookAsync(c);
        var (delivery, _) = await c.StepAsync(HttpMethod.Post, $"/api/v1/manage/webhooks/{id}/ping");
        return (id, delivery!["id"]!.GetValue<string>(), etag);
    }

    /// <summary>
    /// A new key with this scope, used once on <paramref name="url"/>, so that its last use is already recorded (once a
    /// minute) when the test sends it: the request then changes nothing in the database.
    /// </summary>
    private static async Task<string> UsedKeyAsync(RecipeContext c, string scope, string url)
    {
        var key = (await NewKeyAsync(c, scope))["key"]!.GetValue<string>();
        using var warm = new HttpRequestMessage(HttpMethod.Get, url);
        warm.Headers.Add("X-Api-Key", key);
        (await c.Client.SendAsync(warm)).EnsureSuccessStatusCode();
        return key;
    }

    private static FormPart[] ImageForm() =>
    [
        FormPart.File("file", Features.Media.TestImages.Jpeg(480, 320), "photo-matinale.jpg", "image/jpeg"),
        FormPart.Text("alt", "Une salle de conférence pendant la matinale"),
        FormPart.Text("credit", "Photo : Vivapolis"),
        FormPart.Text("caption", "Matinale du réseau."),
    ];

    private static Task<(JsonNode? Body, string? ETag)> UploadAsync(RecipeContext c) =>
        c.StepAsync(HttpMethod.Post, "/api/v1/manage/media", PreparedRequest.FormContent(ImageForm()));

    private static async Task<string> RefreshTokenAsync(RecipeContext c)
    {
        var (token, _) = await c.StepAsync(HttpMethod.Post, "/api/v1/auth/token",
            new JsonObject { ["email"] = ApiFactory.EditorEmail, ["password"] = ApiFactory.Password });
        return token!["refreshToken"]!.GetValue<string>();
    }

    private static JsonObject NewUser() => new()
    {
        ["email"] = $"{RecipeContext.Unique()}@example.org",
        ["displayName"] = "Compte de test",
        ["role"] = "author",
    };

    private static async Task<JsonNode> NewUserAsync(RecipeContext c) => (await c.StepAsync(HttpMethod.Post, "/api/v1/manage/users", NewUser())).Body!;

    private static async Task<string> NewUserIdAsync(RecipeContext c) => (await NewUserAsync(c))["user"]!["id"]!.GetValue<string>();

    private static JsonObject NewKey(params string[] scopes) => new()
    {
        ["name"] = $"Partenaire {RecipeContext.Unique()}",
        ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()),
    };

    private static async Task<JsonNode> NewKeyAsync(RecipeContext c, params string[] scopes) =>
        (await c.StepAsync(HttpMethod.Post, "/api/v1/manage/api-keys", NewKey(scopes))).Body!;

    /// <summary>The operations every content type has, named after it (CreateArticle, ListFicheRevisions…).</summary>
    private static IEnumerable<KeyValuePair<string, Recipe>> ContentRecipes(ContentKind kind)
    {
        var (one, many) = (kind.Singular, kind.Plural);
        KeyValuePair<string, Recipe> Recipe(string id, Recipe recipe) => new(id, recipe);
        PreparedRequest Versioned(RecipeContext c, Fixture item, int? n = null) => c.Request(item, n).WithHeader("If-Match", item.ETag);

        yield return Recipe($"Create{one}", c => Task.FromResult(c.Request().WithBody(kind.ExampleJson(RecipeContext.Unique()))));
        yield return Recipe($"List{many}", async c =>
        {
            await c.DraftAsync(kind);
            return c.Request().WithQuery("status", "draft").WithQuery("q", "a").WithQuery("sort", "title").WithQuery("limit", "20");
        });
        yield return Recipe($"Get{one}", async c => c.Request(await c.DraftAsync(kind)));
        yield return Recipe($"Update{one}", async c =>
            Versioned(c, await c.DraftAsync(kind)).WithBody(kind.ExampleJson(RecipeContext.Unique())));
        yield return Recipe($"Delete{one}", async c => Versioned(c, await c.DraftAsync(kind)));
        yield return Recipe($"Diff{one}Revisions", async c =>
            c.Request(await c.EditedAsync(kind)).WithQuery("from", "1").WithQuery("to", "2"));
        yield return Recipe($"Discard{one}Draft", async c => Versioned(c, await c.PublishedWithChangesAsync(kind)));
        yield return Recipe($"Preview{one}", async c =>
            c.Request(await c.DraftAsync(kind)).WithBody(new JsonObject { ["expiresInMinutes"] = 60 }));
        yield return Recipe($"Revoke{one}PreviewLinks", async c => c.Request(await c.DraftAsync(kind)));
        yield return Recipe($"Publish{one}", async c => Versioned(c, await c.DraftAsync(kind)));
        yield return Recipe($"Restore{one}Revision", async c => Versioned(c, await c.EditedAsync(kind), 1));
        yield return Recipe($"List{one}Revisions", async c => c.Request(await c.EditedAsync(kind)).WithQuery("limit", "20"));
        yield return Recipe($"Get{one}Revision", async c => c.Request(await c.EditedAsync(kind), 1));
        yield return Recipe($"Schedule{one}", async c => Versioned(c, await c.DraftAsync(kind)).WithBody(RecipeContext.ValidSchedule()));
        yield return Recipe($"Cancel{one}Schedule", async c => Versioned(c, await c.ScheduledAsync(kind)));
        yield return Recipe($"Submit{one}", async c => Versioned(c, await c.DraftAsync(kind)));
        yield return Recipe($"Unpublish{one}", async c => Versioned(c, await c.PublishedAsync(kind)));
        yield return Recipe($"ListPublished{many}", async c =>
        {
            await c.PublishedAsync(kind);
            return c.Request().WithQuery("locale", "fr").WithQuery("limit", "20");
        });
        yield return Recipe($"Get{one}Preview", async c =>
        {
            var draft = await c.DraftAsync(kind);
            var key = await UsedKeyAsync(c, "preview:read", $"/api/v1/preview/{kind.Segment}/{draft.Id}");
            return c.Request(draft).WithHeader("X-Api-Key", key);
        });
        yield return Recipe($"GetPublished{one}", async c => c.Request(await c.PublishedAsync(kind)).WithQuery("locale", "fr"));
        if (!kind.Translatable) yield break;
        yield return Recipe($"Create{one}Translation", async c =>
            c.Request(await c.DraftAsync(kind)).WithBody(new JsonObject { ["locale"] = "en", ["slug"] = $"english-{RecipeContext.Unique()}" }));
        yield return Recipe($"List{one}Translations", async c => c.Request(await c.DraftAsync(kind)));
        yield return Recipe($"Unlink{one}Translation", async c => Versioned(c, await c.DraftAsync(kind)));
    }
}
