using System.Buffers;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Marten;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.ApiKeys;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Sync;

namespace Vivapolis.Api.Features.Sync;

/// <summary>A page of the change feed.</summary>
public sealed class SyncRequest
{
    public const int MaxLimit = 1000;

    /// <summary>The <c>next</c> of the previous page; absent to start with an initial sync.</summary>
    [QueryParam]
    public string? Token { get; init; }

    /// <summary>How many entries per page, 1 to 1000.</summary>
    [QueryParam]
    public int Limit { get; init; } = 100;

    /// <summary>
    /// Comma-separated content types to follow, by name (<c>article</c>, <c>member</c>…: the content types listed in the
    /// description of this contract); every type when absent.
    /// A token goes on with the types it was started with: send the same value on every page.
    /// </summary>
    [QueryParam]
    public string? Types { get; init; }

    /// <summary>The <see cref="Types"/> named, sorted, each once (a token's types are compared to it).</summary>
    public IReadOnlyList<string> TypeList() => (Types ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct().Order(StringComparer.Ordinal).ToList();
}

public sealed class SyncRequestValidator : Validator<SyncRequest>
{
    public SyncRequestValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, SyncRequest.MaxLimit)
            .WithMessage(_ => Text.Of($"La limite doit être comprise entre 1 et {SyncRequest.MaxLimit}.",
                                      $"Limit must be between 1 and {SyncRequest.MaxLimit}."));
        RuleFor(x => x.Token).MaximumLength(512)
            .WithMessage(_ => Text.Of("Ce jeton n'est pas valide : reprenez la valeur « next » d'une page.",
                                      "This token is not valid: use the 'next' value of a page."));
        RuleFor(x => x.Types).MaximumLength(200)
            .Must((r, _) => r.TypeList().All(t => Resolve<ContentTypes>().Named(t) is not null))
            .WithMessage(_ => Text.Of($"Type inconnu. Valeurs permises : {string.Join(", ", Resolve<ContentTypes>().Names)}.",
                                      $"Unknown type. Allowed values: {string.Join(", ", Resolve<ContentTypes>().Names)}."));
    }
}

/// <summary>
/// GET /api/v1/sync: the aggregator's change feed (an API key with <c>sync:read</c>). Without a token, the current
/// published state of every type, type after type in id order, from the delivery tables; its pages carry the change
/// log's head as it was when the initial sync began, and then every change after it, from <see cref="ChangeLog"/>,
/// in commit order. Items are copied as stored (the delivery JSON as text), never deserialised.
/// </summary>
public sealed class ReadSync(ChangeLog log, SyncTokens tokens, ContentTypes types, NpgsqlDataSource db, IDocumentStore store)
    : Endpoint<SyncRequest, SyncPage>
{
    public override void Configure()
    {
        Get("/api/v1/sync");
        AuthSchemes(ApiKeyAuthentication.Scheme);
        Policies(ApiKeyAuthentication.Policies.SyncRead);
        DontAutoSendResponse(); // the page is written as bytes, or a bodiless 304
        Description(b => b.Document<EmptyRequest, SyncPage>(200, 400, 401, 403, 410).Produces(304));
        Summary(s =>
        {
            s.Summary = "Read the change feed of published content (API key with sync:read)";
            s.Description = "Without a token: an initial sync, the current published state of every type (or of " +
                            "`types`), page after page. Then, with each page's `next` as `token`: every change since, in " +
                            "commit order, deletions included. Replaying every page rebuilds exactly the published set. " +
                            "A token older than the retained log is a 410: start again without a token.";
        });
    }

    public override async Task HandleAsync(SyncRequest request, CancellationToken ct)
    {
        var followed = request.TypeList();
        var state = request.Token is null ? await StartAsync(followed, ct) : Continue(request.Token, followed);
        if ((state.Initial ? state.Head : state.Position) < await log.PrunedThroughAsync(ct))
            throw new ProblemException(StatusCodes.Status410Gone, Problems.Title(410), Text.Of(
                "Ce jeton est plus ancien que le journal conservé : recommencez par une synchronisation initiale (sans jeton).",
                "This token is older than the retained log: start again with an initial sync (without a token)."));

        var body = new ArrayBufferWriter<byte>(16 * 1024);
        bool hasMore;
        await using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = Json.Options.Encoder, SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");
            (var next, hasMore) = state.Initial
                ? await WriteInitialAsync(json, state, request.Limit, ct)
                : await WriteChangesAsync(json, state, request.Limit, ct);
            json.WriteEndArray();
            json.WriteString("next", tokens.Write(next));
            json.WriteBoolean("hasMore", hasMore);
            json.WriteEndObject();
        }
        // Private: only a key reads it. A full page of changes never changes (positions are final), so the
        // aggregator's own cache may keep it; anything else may grow and is asked again every time.
        var settled = !state.Initial && hasMore;
        await Content.Delivery.DeliveryResponse.WriteJsonAsync(HttpContext, body.WrittenMemory,
            settled ? "private, max-age=3600" : "private, no-cache", ct);
    }

    private async Task<SyncState> StartAsync(IReadOnlyList<string> followed, CancellationToken ct)
    {
        // The head first, then the delivery tables: whatever commits in between is in both, never in neither.
        var head = await log.HeadAsync(ct);
        var first = Followed(followed).FirstOrDefault();
        return first is null ? new SyncState(head, null, null, head, followed) : new SyncState(head, first.Name, null, 0, followed);
    }

    private SyncState Continue(string token, IReadOnlyList<string> followed)
    {
        var state = tokens.Read(token) ?? throw BadToken(Text.Of(
            "Ce jeton n'est pas valide : reprenez la valeur « next » d'une page, ou commencez sans jeton.",
            "This token is not valid: use the 'next' value of a page, or start without a token."));
        if (!state.Types.SequenceEqual(followed))
            throw BadToken(Text.Of(
                $"Ce jeton suit les types « {Listed(state.Types)} » : envoyez le même paramètre types à chaque page.",
                $"This token follows the types '{Listed(state.Types)}': send the same types parameter on every page."));
        return state;
    }

    private static string Listed(IReadOnlyList<string> t) => t.Count == 0 ? "*" : string.Join(",", t);

    private IEnumerable<ContentTypeInfo> Followed(IReadOnlyList<string> followed) =>
        types.All.Where(t => followed.Count == 0 || followed.Contains(t.Name));

    /// <summary>The current published items from where the state stands, type after type; then the changes since its head.</summary>
    private async Task<(SyncState Next, bool HasMore)> WriteInitialAsync(Utf8JsonWriter json, SyncState state, int limit, CancellationToken ct)
    {
        var remaining = limit;
        var order = Followed(state.Types).ToList();
        var index = order.FindIndex(t => t.Name == state.Type);
        var after = state.After;
        for (; index >= 0 && index < order.Count; index++, after = null)
        {
            var type = order[index];
            var table = store.Options.FindOrResolveDocumentType(type.Delivery).TableName.QualifiedName;
            await using var command = db.CreateCommand(
                "select id, data ->> 'locale', data ->> 'slug', (data ->> 'version')::int, (data ->> 'updatedAt')::timestamptz, data::text " +
                $"from {table} where ($1::uuid is null or id > $1) order by id limit $2");
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = remaining + 1 });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (remaining == 0) return (state with { Type = type.Name, After = after }, true);
                after = reader.GetGuid(0);
                WriteEntry(json, type.Name, after.Value, reader.GetString(1), reader.GetString(2), SyncOp.Upsert, null,
                    reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5));
                remaining--;
            }
        }
        // The initial sync is over: the changes made since it began come next.
        var next = state with { Type = null, After = null, Position = state.Head };
        return (next, (await log.ReadAsync(state.Head, 1, Names(state), ct)).Count > 0);
    }

    private async Task<(SyncState Next, bool HasMore)> WriteChangesAsync(Utf8JsonWriter json, SyncState state, int limit, CancellationToken ct)
    {
        var changes = await log.ReadAsync(state.Position, limit + 1, Names(state), ct);
        var position = state.Position;
        foreach (var (at, change) in changes.Take(limit))
        {
            WriteEntry(json, change.Type, change.ItemId, change.Locale is { } l ? Json.Name(l) : null, change.Slug, change.Op,
                change.Kind, change.Version, change.ChangedAt, change.ItemJson);
            position = at;
        }
        return (state with { Position = position }, changes.Count > limit);
    }

    private static IReadOnlyCollection<string>? Names(SyncState state) => state.Types.Count == 0 ? null : state.Types;

    private static void WriteEntry(Utf8JsonWriter json, string type, Guid id, string? locale, string? slug, SyncOp op,
        ChangeKind? kind, int version, DateTimeOffset changedAt, string? item)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("id", id);
        if (locale is null) json.WriteNull("locale"); else json.WriteString("locale", locale);
        if (slug is null) json.WriteNull("slug"); else json.WriteString("slug", slug);
        json.WriteString("op", Json.Name(op));
        if (kind is { } k) json.WriteString("kind", Json.Name(k)); else json.WriteNull("kind");
        json.WriteNumber("version", version);
        json.WriteString("changedAt", changedAt);
        json.WritePropertyName("item");
        if (item is null) json.WriteNullValue(); else json.WriteRawValue(item, skipInputValidation: true);
        json.WriteEndObject();
    }

    private static ProblemException BadToken(string detail) => new(StatusCodes.Status400BadRequest, Problems.Title(400), detail,
        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["token"] = [detail] } });
}

public static class SyncRegistration
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddSingleton<SyncTokens>();
        services.ConfigureSwaggerGen(o => o.SchemaFilter<SyncEntryItemSchema>());
        return services;
    }
}
