using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Vivapolis.Api.Infrastructure.OpenApi;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;

namespace Vivapolis.Api.Tests.Security;

/// <summary>
/// Every text and list a client may send is bounded, the contract says by how much (maxLength, maxItems, minimum,
/// maximum), and the bound it says is the one the API enforces: at the bound a value is accepted, one past it is a
/// 400 naming the field. The document is the one the app generates, which the contract test holds equal to
/// openapi.yaml.
/// </summary>
public class ContractBoundsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>Sign-in belongs to the accounts work; its validator bounds its two fields.</summary>
    private static readonly HashSet<string> NotHere = ["IssueToken"];

    private IReadOnlyList<ApiOperation> Generated() =>
        OperationCatalog.FromYaml(OpenApiSetup.ToYaml(Api.Services.GetRequiredService<ISwaggerProvider>()));

    /// <summary>One operation per request body schema, the first by name (Create… before Update…).</summary>
    private IEnumerable<ApiOperation> OnePerBody() =>
        Generated().Where(o => o.Body is not null && !NotHere.Contains(o.OperationId)).GroupBy(o => o.Body!.Name).Select(g => g.First());

    [Fact]
    public void Every_text_and_every_list_of_every_request_body_has_a_bound_in_the_contract()
    {
        var unbounded = new List<string>();
        var seen = 0;
        void Check(string path, SchemaView schema)
        {
            seen++;
            if (schema.Is(JsonSchemaType.String) && schema.MaxLength is null && schema.Enum.Count == 0
                && schema.Format is not ("uuid" or "date" or "date-time"))
                unbounded.Add($"{path}: a text without maxLength");
            if (schema.Is(JsonSchemaType.Array) && schema.MaxItems is null) unbounded.Add($"{path}: a list without maxItems");
            if (schema.Is(JsonSchemaType.Array) && schema.Items is { } items && items.Is(JsonSchemaType.Object))
                foreach (var (name, property) in items.Properties) Check($"{path}[].{name}", property);
            if (schema.Is(JsonSchemaType.Object))
                foreach (var (name, property) in schema.Properties) Check($"{path}.{name}", property);
        }
        var bodies = OnePerBody().ToList();

        foreach (var operation in bodies) Check(operation.Body!.Name ?? operation.OperationId, operation.Body!);

        Assert.True(seen > 100, $"Only {seen} fields seen: the walk does not reach the body schemas.");
        Assert.True(unbounded.Count == 0, "Unbounded in the contract (add [MaxLength]/[StringLength] beside the validator's rule):\n" +
                                          string.Join('\n', unbounded));
    }

    [Fact]
    public async Task A_value_at_a_declared_bound_is_accepted_and_one_past_it_is_a_400_naming_the_field()
    {
        var admin = await Api.ClientForAsync(ApiFactory.AdminEmail);
        var failures = new List<string>();
        var checkedBounds = 0;
        foreach (var operation in OnePerBody())
        {
            var template = await OperationRecipes.PrepareAsync(operation, admin);
            foreach (var field in BodyField.Of(operation.Body!, template.Body))
            {
                foreach (var (atBound, pastBound, what) in Bounds(field))
                {
                    checkedBounds++;
                    // A fresh valid request each time: an accepted one may have used up its slug or its version.
                    // Accepted, a password change would change the password of the admin this test signs in with: only
                    // its refusals past the bounds are tried.
                    if (atBound is not null && operation.OperationId != "ChangePassword")
                    {
                        var valid = await OperationRecipes.PrepareAsync(operation, admin);
                        using var accepted = await valid.WithBody(field.With(valid.Body!, atBound)).SendAsync(admin);
                        if (!accepted.IsSuccessStatusCode)
                            failures.Add($"{operation.OperationId} {field.Display} at its bound ({what}): {(int)accepted.StatusCode} " +
                                         await accepted.Content.ReadAsStringAsync());
                    }
                    var fresh = await OperationRecipes.PrepareAsync(operation, admin);
                    using var refused = await fresh.WithBody(field.With(fresh.Body!, pastBound)).SendAsync(admin);
                    var body = await refused.Content.ReadAsStringAsync();
                    var named = refused.StatusCode == HttpStatusCode.BadRequest
                                && JsonNode.Parse(body)?["errors"]?[field.Display] is not null;
                    if (!named) failures.Add($"{operation.OperationId} {field.Display} past its bound ({what}): {(int)refused.StatusCode} {body}");
                }
            }
        }

        Assert.True(checkedBounds > 100, $"Only {checkedBounds} bounds found: is the contract missing them?");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// The values at and past each bound the field declares. Shaped values (codes, URLs, e-mails) are only checked
    /// past their bound, where any shape fails; a list is filled with distinct items, so no clean-up folds it.
    /// </summary>
    private static IEnumerable<(JsonNode? AtBound, JsonNode PastBound, string What)> Bounds(BodyField field)
    {
        var schema = field.Schema;
        if (schema.Is(JsonSchemaType.String) && schema.MaxLength is { } max)
        {
            var text = field.Text("x");
            string Padded(int length) => length <= text.Length ? text[..length] : text + new string('a', length - text.Length);
            yield return (field.IsShaped ? null : Padded(max), Padded(max + 1), $"maxLength {max}");
        }
        if (schema.Is(JsonSchemaType.Array) && schema.MaxItems is { } count && field.Current is JsonArray list)
        {
            JsonArray Items(int n) => new(Enumerable.Range(0, n).Select(i => Security.HostileCases.Distinct(list.Count > 0 ? list[0] : null, schema.Items, i)).ToArray());
            yield return (field.IsShaped ? null : Items(count), Items(count + 1), $"maxItems {count}");
        }
        if (schema.Type is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            if (schema.Minimum is { } min) yield return (Number(min), Number(min - 1), $"minimum {min}");
            if (schema.Maximum is { } top) yield return (Number(top), Number(top + 1), $"maximum {top}");
        }
    }

    private static JsonNode Number(decimal value) => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;
}
