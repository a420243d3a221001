using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Vivapolis.Api.Tests.Features.Articles;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>What every request goes through: routing, body limits, binding, languages, errors, headers, health.</summary>
public partial class HttpPipelineTests(ApiFactory api, BrokenClockApi brokenClock, UnreachableDatabaseApi noDatabase)
    : ApiTest(api), IClassFixture<BrokenClockApi>, IClassFixture<UnreachableDatabaseApi>
{
    private const string Manage = "/api/v1/manage/articles";
    private const string Delivery = "/api/v1/articles";

    [Fact]
    public async Task Unknown_routes_get_a_404_problem()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/no-such-thing");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_gets_a_405_problem()
    {
        var response = await Api.CreateClient().DeleteAsync(Delivery);

        await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("{\"title\": \"Un titre\", ")]
    [InlineData("{\"title\": 42}")]
    [InlineData("{\"title\": \"Un titre\", \"themes\": \"mobilite\"}")]
    public async Task Unreadable_JSON_gets_a_400_problem_in_French_without_dotnet_type_names(string json)
    {
        var editor = await Api.EditorAsync();

        var french = await editor.SendAsync(HttpMethod.Post, Manage, Json(json));
        var english = await editor.SendAsync(HttpMethod.Post, Manage, Json(json), ("Accept-Language", "en"));

        var problem = await french.ProblemAsync(HttpStatusCode.BadRequest);
        var messages = AllErrors(problem);
        Assert.NotEmpty(messages);
        Assert.Equal("fr", french.Content.Headers.ContentLanguage.Single());
        Assert.Empty(messages.Intersect(AllErrors(await english.ProblemAsync(HttpStatusCode.BadRequest))));
        Assert.False(DotnetTypeName().IsMatch(problem.ToJsonString()), $"a .NET type name leaked: {problem}");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_a_413_problem()
    {
        var editor = await Api.EditorAsync();
        var body = new ByteArrayContent(new byte[Vivapolis.Api.Infrastructure.Http.DefaultMaxBodyBytes + 1]);
        body.Headers.ContentType = new("application/json");

        var response = await editor.SendAsync(HttpMethod.Post, Manage, body);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_text_body_gets_a_415_problem()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.SendAsync(HttpMethod.Post, Manage, new StringContent("{\"title\": \"Un titre\"}", Encoding.UTF8, "text/plain"));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=AAAA", "cursor")]
    [InlineData("cursor=!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "cursor")]
    public async Task Bad_paging_values_get_a_400_problem_naming_the_field(string query, string field)
    {
        var response = await Api.CreateClient().GetAsync($"{Delivery}?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_well_formed_cursor_with_a_key_we_never_issue_is_a_400_on_every_list()
    {
        var editor = await Api.EditorAsync();
        var forged = new string('_', 32); // 24 bytes of 0xFF: a negative sort key

        foreach (var list in new[] { Delivery, Manage })
        {
            var problem = await (await editor.GetAsync($"{list}?cursor={forged}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.ErrorsFor("cursor"));
        }
    }

    [Fact]
    public async Task Messages_are_French_by_default_and_English_on_request()
    {
        var client = Api.CreateClient();

        var byDefault = await client.GetAsync($"{Delivery}?limit=0");
        var english = await client.GetAsync($"{Delivery}?limit=0", ("Accept-Language", "en-GB,en;q=0.9"));
        var french = await client.GetAsync($"{Delivery}?limit=0", ("Accept-Language", "fr"));

        var defaultProblem = await byDefault.ProblemAsync(HttpStatusCode.BadRequest);
        var englishProblem = await english.ProblemAsync(HttpStatusCode.BadRequest);
        var frenchProblem = await french.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("fr", byDefault.Content.Headers.ContentLanguage.Single());
        Assert.Equal("en", english.Content.Headers.ContentLanguage.Single());
        Assert.Equal(frenchProblem["title"]!.GetValue<string>(), defaultProblem["title"]!.GetValue<string>());
        Assert.Equal(frenchProblem.ErrorsFor("limit"), defaultProblem.ErrorsFor("limit"));
        Assert.NotEqual(defaultProblem["title"]!.GetValue<string>(), englishProblem["title"]!.GetValue<string>());
        Assert.NotEqual(defaultProblem.ErrorsFor("limit"), englishProblem.ErrorsFor("limit"));
    }

    [Fact]
    public async Task An_unhandled_exception_gets_a_generic_500_problem_with_a_trace_id_and_no_detail()
    {
        await brokenClock.ResetAsync();
        var editor = await brokenClock.EditorAsync();
        brokenClock.Broken = true;
        try
        {
            var response = await editor.PostJsonAsync(Manage, ArticleSteps.Draft("Un article qui ne sera jamais enregistré"));

            var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
            Assert.False(string.IsNullOrWhiteSpace(problem["traceId"]?.GetValue<string>()));
            var body = problem.ToJsonString();
            Assert.DoesNotContain(BrokenClockApi.Secret, body);
            Assert.DoesNotContain(nameof(InvalidOperationException), body);
            Assert.Null(problem["detail"]);
        }
        finally
        {
            brokenClock.Broken = false;
        }
    }

    [Fact]
    public async Task A_json_content_type_on_a_request_without_body_is_not_an_error()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Draft("Sans corps"));

        var get = new HttpRequestMessage(HttpMethod.Get, $"{Delivery}/{published.Slug}") { Content = new StringContent("") };
        get.Content.Headers.ContentType = new("application/json");
        var post = new HttpRequestMessage(HttpMethod.Post, $"{ArticleSteps.Manage}/{published.Id}/unpublish") { Content = new StringContent("") };
        post.Content.Headers.ContentType = new("application/json");

        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().SendAsync(get)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = Api.CreateClient();

        // A list, an unknown route (status code pages) and an unknown slug (a problem written after an exception,
        // which clears the headers set before it).
        foreach (var response in new[] { await client.GetAsync(Delivery), await client.GetAsync("/api/v1/no-such-thing"),
                     await client.GetAsync($"{Delivery}/no-such-slug") })
        {
            Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
            Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Delivery_is_gzip_compressed_when_the_client_accepts_it()
    {
        var editor = await Api.EditorAsync();
        await editor.CreatePublishedAsync(ArticleSteps.Draft("La ville durable en dix questions"));
        await editor.CreatePublishedAsync(ArticleSteps.Draft("Mobilités : ce qui change en 2026"));
        var client = Api.CreateClient();

        var plain = await client.GetAsync(Delivery);
        var compressed = await client.GetAsync(Delivery, ("Accept-Encoding", "gzip"));

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var decompressed = await new StreamReader(gzip, Encoding.UTF8).ReadToEndAsync();
        Assert.Equal(await plain.Content.ReadAsStringAsync(), decompressed);
        Assert.Equal(2, JsonNode.Parse(decompressed)!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Liveness_and_readiness_are_200_when_the_database_answers()
    {
        var client = Api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Without_a_database_the_app_starts_lives_and_is_not_ready()
    {
        var client = noDatabase.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string[] AllErrors(JsonObject problem) =>
        problem["errors"]?.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).ToArray() ?? [];

    [GeneratedRegex(@"\b(System|Microsoft|Vivapolis|FastEndpoints)\.[A-Z]|\b(String|Int32|Guid|IReadOnlyList)\b|\bPath: \$|LineNumber")]
    private static partial Regex DotnetTypeName();
}

/// <summary>The app with a clock that can be made to fail: an unexpected exception deep inside a request.</summary>
public sealed class BrokenClockApi : ApiFactory
{
    public const string Secret = "secret-detail";

    public bool Broken { get; set; }

    protected override void ConfigureServices(IServiceCollection services)
    {
        // Working until a test breaks it, so that accounts can be seeded and an editor can sign in first.
        var clock = Substitute.For<TimeProvider>();
        clock.GetUtcNow().Returns(_ => Broken ? throw new InvalidOperationException(Secret) : Clock.GetUtcNow());
        services.AddSingleton(clock);
        // Token lifetimes are judged by this clock too, and the bearer handler turns any failure into a 401.
        // Lifetimes are not what this app is for, so it does not judge them: the failure happens in the endpoint.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.TokenValidationParameters.LifetimeValidator = null;
            o.TokenValidationParameters.ValidateLifetime = false;
        });
    }
}

/// <summary>The app pointed at a port where no PostgreSQL listens.</summary>
public sealed class UnreachableDatabaseApi : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Username=postgres;Database=vivapolis;Timeout=3");
    }

    // There is no database to prepare.
    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
}
