using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;

namespace Vivapolis.Api.Tests.Security;

/// <summary>One host for the whole sweep: data reset once, one admin session, and the results of every operation.</summary>
public sealed class HostileInputApi : ApiFactory
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _reset;
    private HttpClient? _admin;

    public ConcurrentDictionary<string, IReadOnlyList<(HostileCase Case, int Status)>> Results { get; } = new();

    /// <summary>Resets the data the first time only: each operation's fixtures are its own, and unique.</summary>
    public async Task<HttpClient> SharedAdminAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (!_reset)
            {
                await ResetAsync();
                _reset = true;
            }
            return _admin ??= await ClientForAsync(AdminEmail);
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>The next operation signs in again: the one just sent ended the admin's sessions (a password change).</summary>
    public void SignInAgain() => _admin = null;

    public override async ValueTask DisposeAsync()
    {
        if (!Results.IsEmpty)
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "hostile-input-summary.md"),
                HostileInputTests.Summary(Results.OrderBy(r => r.Key, StringComparer.Ordinal).SelectMany(r => r.Value.Select(v => (r.Key, v.Case, v.Status)))));
        await base.DisposeAsync();
    }
}

/// <summary>
/// Every operation of openapi.yaml, signed in as admin (so that the input, not the permission, is judged), gets
/// malformed, mistyped, oversized, out-of-range and injection-laden variants of a valid request, one change at a
/// time. Each must be refused with a 4xx problem+json and leave every table of the database as it was; the valid
/// request, sent last, must then succeed, which proves the refusals came from the changes.
/// </summary>
public sealed class HostileInputTests(HostileInputApi api) : IClassFixture<HostileInputApi>
{
    /// <summary>
    /// Declared query parameters that take free text, where finding nothing for injection-like text is a fine answer
    /// (200), as long as the text never comes back unescaped. Every other parameter must refuse it.
    /// </summary>
    public static readonly IReadOnlySet<string> FreeTextParameters = new HashSet<string> { "q", "tag", "sector", "city", "user" };

    /// <summary>Recorded for requests the HTTP server itself refuses before the application sees them.</summary>
    public const int RefusedByTheServer = 0;

    public static TheoryData<string> Operations => new(OperationCatalog.All.Select(o => o.OperationId));

    [Fact]
    public void Every_operation_of_the_contract_has_a_recipe()
    {
        var missing = OperationCatalog.All.Where(o => !OperationRecipes.All.ContainsKey(o.OperationId))
            .Select(OperationRecipes.MissingMessage).ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
        var stale = OperationRecipes.All.Keys.Except(OperationCatalog.All.Select(o => o.OperationId)).ToList();
        Assert.True(stale.Count == 0, "Recipes for operations openapi.yaml no longer has: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Hostile_input_is_refused_with_a_problem_and_changes_nothing(string operationId)
    {
        var operation = OperationCatalog.Find(operationId);
        Assert.True(OperationRecipes.All.ContainsKey(operationId), OperationRecipes.MissingMessage(operation));
        var ct = TestContext.Current.CancellationToken;
        var admin = await api.SharedAdminAsync();
        var valid = await OperationRecipes.PrepareAsync(operation, admin);

        var before = await DatabaseSnapshot.TakeAsync(api.Schema, ct);
        var results = new List<(HostileCase Case, int Status)>();
        var failures = new List<string>();
        foreach (var hostile in HostileCases.For(valid, FreeTextParameters))
        {
            HttpResponseMessage response;
            try
            {
                response = await hostile.Request.SendAsync(admin, ct);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters"))
            {
                // %00 in the path: the test server's URL decoder throws, as Kestrel's does, which answers 400
                // before any of our code runs. Recorded as status 0 ("refused by the server").
                results.Add((hostile, RefusedByTheServer));
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                results.Add((hostile, status));
                var verdict = await JudgeAsync(hostile, response);
                if (verdict is not null) failures.Add($"{hostile.Kind} {hostile.Target} = {hostile.Value}: {verdict}");
            }
        }
        var after = await DatabaseSnapshot.TakeAsync(api.Schema, ct);
        api.Results[operationId] = results;
        TestContext.Current.TestOutputHelper?.WriteLine(Summary(results.Select(r => (operationId, r.Case, r.Status))));

        Assert.True(failures.Count == 0, $"{operation}: {failures.Count} of {results.Count} hostile requests were not refused properly:\n" +
                                         string.Join('\n', failures.Take(200)));
        var changed = after.DifferencesFrom(before);
        Assert.True(changed.Count == 0, $"{operation}: refused requests changed the database:\n" + string.Join('\n', changed));

        using var ok = await valid.SendAsync(admin, ct);
        if (operationId == "ChangePassword") api.SignInAgain(); // a password change ends every session of its sender
        Assert.True(ok.IsSuccessStatusCode,
            $"{operation}: the valid request, sent after the hostile ones, failed: {(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>
    /// Null when the answer is right: a problem with one of the statuses that refuse this kind of change (or, where
    /// allowed, a 200 that does not echo the payload raw).
    /// </summary>
    private static async Task<string?> JudgeAsync(HostileCase hostile, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (body.Contains("<script>", StringComparison.OrdinalIgnoreCase))
            return $"{status} with the script payload unescaped in the body";
        if (hostile.MayAnswer200 && status == 200)
            return hostile.Payload is { } payload && payload.IndexOfAny(['<', '>', '\'', '"', '&']) >= 0 && body.Contains(payload)
                ? "200 echoing the payload unescaped"
                : null;
        if (!hostile.Refusals.Contains(status)) return $"{status} {Shorten(body)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not a problem";
        try
        {
            var problem = JsonNode.Parse(body)!.AsObject();
            if (problem["status"]?.GetValue<int>() != status) return $"{status} whose problem says status {problem["status"]}";
            if (string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>())) return $"{status} problem without a title";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return $"{status} problem that is not JSON: {Shorten(body)}";
        }
        return null;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Operation × kind of case → how many, and the statuses that came back.</summary>
    public static string Summary(IEnumerable<(string Operation, HostileCase Case, int Status)> results)
    {
        var text = new StringBuilder("| operation | hostile case | sent | statuses |\n| --- | --- | --- | --- |\n");
        foreach (var group in results.GroupBy(r => (r.Operation, r.Case.Kind)))
        {
            var statuses = string.Join(", ", group.GroupBy(r => r.Status).OrderBy(s => s.Key)
                .Select(s => $"{(s.Key == RefusedByTheServer ? "server" : s.Key)}×{s.Count()}"));
            text.Append($"| {group.Key.Operation} | {group.Key.Kind} | {group.Count()} | {statuses} |\n");
        }
        return text.ToString();
    }
}
