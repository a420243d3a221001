using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.Articles.ArticleSteps;

namespace Vivapolis.Api.Tests.Security;

/// <summary>
/// What the sweep proves for every operation, shown once with its message: the field a refusal is about is named,
/// in French by default, and nothing of the refused request is kept.
/// </summary>
public class StrictInputTests(ApiFactory api) : ApiTest(api)
{
    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    private static JsonObject ValidArticle() => ContentKind.Articles.ExampleJson(RecipeContext.Unique());

    [Theory]
    [InlineData("status", "\"published\"")]
    [InlineData("createdBy", "\"mallory@example.org\"")]
    [InlineData("id", "\"0195f3a4-0000-7000-8000-000000000001\"")]
    [InlineData("publishedAt", "\"2020-01-01T00:00:00Z\"")]
    public async Task A_field_the_contract_does_not_have_is_a_400_naming_it(string field, string value)
    {
        var editor = await Api.EditorAsync();
        var body = ValidArticle();
        body[field] = JsonNode.Parse(value);

        var problem = await (await editor.PostAsync(Manage, JsonText(body.ToJsonString()))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("n'existe pas dans le contrat", Assert.Single(problem.ErrorsFor(field)));
        Assert.Empty((await (await editor.GetAsync(Manage)).ReadAsync<Page<ManagedSummary>>()).Items);
    }

    [Fact]
    public async Task An_id_in_the_body_of_an_update_is_refused_and_the_item_is_untouched()
    {
        var editor = await Api.EditorAsync();
        var (created, etag) = await editor.CreateAsync(Draft("Vers un modèle français"));
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(created.Content, HttpAssertions.JsonOptions))!.AsObject();
        body["id"] = Guid.NewGuid().ToString();
        body["title"] = "Un autre titre";

        var request = new HttpRequestMessage(HttpMethod.Put, $"{Manage}/{created.Id}") { Content = JsonText(body.ToJsonString()) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var problem = await (await editor.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("id"));
        var stored = await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(("Vers un modèle français", 1), (stored.Content.Title, stored.Version));
    }

    [Fact]
    public async Task A_body_sent_to_an_operation_that_takes_none_is_not_read()
    {
        var editor = await Api.EditorAsync();
        var (target, _) = await editor.CreateAsync(Draft("Celui qu'on publie"));
        var (other, _) = await editor.CreateAsync(Draft("Celui qu'on ne publie pas"));

        // Read, this body would name another item and a stale version: publishing would act on the other one or be a 412.
        var response = await editor.PostAsync($"{Manage}/{target.Id}/publish",
            JsonContent.Create(new { id = other.Id, ifMatch = "\"v99\"" }));

        var published = await response.ReadAsync<Managed<ArticleContent>>();
        Assert.Equal((target.Id, ContentStatus.Published), (published.Id, published.Status));
        var untouched = await (await editor.GetAsync($"{Manage}/{other.Id}")).ReadAsync<Managed<ArticleContent>>();
        Assert.Equal(ContentStatus.Draft, untouched.Status);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u001b[31m")]
    [InlineData("\u0007")]
    public async Task A_control_character_in_any_text_is_a_400_naming_the_field(string control)
    {
        var editor = await Api.EditorAsync();
        var body = ValidArticle();
        body["interviewee"]!["name"] = $"Hélène{control}Marivaux";

        var problem = await (await editor.PostAsync(Manage, JsonText(body.ToJsonString()))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("caractères de contrôle", Assert.Single(problem.ErrorsFor("interviewee.name")));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text_not_control_characters()
    {
        var editor = await Api.EditorAsync();

        var (created, _) = await editor.CreateAsync(Draft("Vers un modèle français") with { Standfirst = "Une ligne,\r\npuis\tune autre." });

        Assert.Equal("Une ligne,\r\npuis\tune autre.", created.Content.Standfirst);
    }

    [Theory]
    [InlineData("/api/v1/search?q=ville%00durable", "q")]
    [InlineData("/api/v1/articles?tag=a%1Bb", "tag")]
    [InlineData("/api/v1/articles/vers%07un-modele", "slug")]
    public async Task A_control_character_in_the_query_or_the_path_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await Api.CreateClient().GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("caractères de contrôle", Assert.Single(problem.ErrorsFor(parameter)));
    }

    [Theory]
    [InlineData("\"authors\": [null]", "authors")]
    [InlineData("\"themes\": null", "themes")]
    [InlineData("\"title\": null", "title")]
    [InlineData("\"cover\": { \"url\": null, \"alt\": \"Une rue\" }", "cover.url")]
    public async Task Null_where_the_contract_has_none_is_a_400_naming_the_field(string member, string field)
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostAsync(Manage, JsonText($$"""{ "title": "Vers un modèle français", {{member}} }"""));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Theory]
    [InlineData("\"locale\": 1")]
    [InlineData("\"locale\": \"FR\"")]
    [InlineData("\"locale\": \"fr, en\"")]
    [InlineData("\"relatedFiches\": [\"not-a-uuid\"]")]
    public async Task Values_of_the_wrong_shape_are_refused_by_the_reader(string member)
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostAsync(Manage, JsonText($$"""{ "title": "Vers un modèle français", {{member}} }"""));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"expiresInMinutes\": \"60\"}", "expiresInMinutes")]
    [InlineData("{\"expiresInMinutes\": 1e309}", "expiresInMinutes")]
    [InlineData("{\"expiresInMinutes\": 60, \"expiresInMinutes\": 90}", "expiresInMinutes")]
    [InlineData("null", "body")]
    public async Task A_body_read_by_the_endpoint_itself_follows_the_same_rules(string json, string field)
    {
        var editor = await Api.EditorAsync();
        var (created, _) = await editor.CreateAsync(Draft("Vers un modèle français"));

        var problem = await (await editor.PostAsync($"{Manage}/{created.Id}/preview", JsonText(json))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_json_body_sent_with_content_length_0_is_a_400_that_says_the_body_is_empty()
    {
        var editor = await Api.EditorAsync();
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new("application/json");
        empty.Headers.ContentLength = 0;

        var french = await (await editor.SendAsync(HttpMethod.Post, Manage, empty)).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await editor.SendAsync(HttpMethod.Put, $"{Manage}/{Guid.NewGuid()}", JsonText(""),
            ("Accept-Language", "en"), ("If-Match", "\"v1\""))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("corps de la requête est vide", Assert.Single(french.ErrorsFor("body")));
        Assert.Contains("body is empty", Assert.Single(english.ErrorsFor("body")));
        Assert.Empty((await (await editor.GetAsync(Manage)).ReadAsync<Page<ManagedSummary>>()).Items);
    }

    [Fact]
    public async Task A_request_without_any_body_to_an_operation_that_needs_one_is_the_same_400()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostAsync(Manage, null)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("application/json", Assert.Single(problem.ErrorsFor("body")));
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_a_415_problem()
    {
        var editor = await Api.EditorAsync();
        var untyped = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidArticle().ToJsonString()));

        var problem = await (await editor.PostAsync(Manage, untyped)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_optional_body_sent_empty_takes_the_defaults()
    {
        var editor = await Api.EditorAsync();
        var (draft, _) = await editor.CreateAsync(Draft("Aperçu sans options"));

        var link = await (await editor.PostAsync($"{Manage}/{draft.Id}/preview", JsonText(""))).ReadAsync<Vivapolis.Contracts.Preview.PreviewLink>();

        Assert.Equal(Api.Clock.GetUtcNow().AddHours(1), link.ExpiresAt);
    }

    [Theory]
    [InlineData("???")]
    [InlineData("« — »")]
    public async Task A_title_that_makes_no_slug_needs_a_slug_given(string title)
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Draft(title))).ProblemAsync(HttpStatusCode.BadRequest);
        var (created, _) = await editor.CreateAsync(Draft(title) with { Slug = "questions" });

        Assert.Contains("donnez un slug", Assert.Single(problem.ErrorsFor("slug")));
        Assert.Equal("questions", created.Slug);
    }

    [Fact]
    public async Task Markup_sent_by_a_client_never_comes_back_as_markup()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/search?q=%3Cscript%3Ealert(1)%3C/script%3E%20ville");

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", body);
        Assert.Contains("\\u003Cscript\\u003E", body);
        Assert.Equal("<script>alert(1)</script> ville", JsonNode.Parse(body)!["query"]!.GetValue<string>());
    }
}
