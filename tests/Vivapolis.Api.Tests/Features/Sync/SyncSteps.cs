using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Tests.Infrastructure;

namespace Vivapolis.Api.Tests.Features.Sync;

/// <summary>One published item as a mirror holds it: its version and its delivery JSON, as text.</summary>
public sealed record MirroredItem(int Version, string Json);

/// <summary>
/// The aggregator's side of the change feed, as its own code would be: start without a token, apply every entry in
/// order (upsert stores the item under type and id, delete forgets it), keep the last <c>next</c>, pull again.
/// </summary>
public sealed class SyncMirror(string? types = null, int limit = 100)
{
    public const string Path = "/api/v1/sync";

    public Dictionary<(string Type, Guid Id), MirroredItem> Items { get; } = new();

    /// <summary>Every entry applied so far, in order.</summary>
    public List<JsonObject> Entries { get; } = [];

    public string? Token { get; private set; }

    public int Pages { get; private set; }

    /// <summary>Pulls pages until the feed says nothing more is waiting.</summary>
    public async Task CatchUpAsync(HttpClient partner)
    {
        bool more;
        do more = await PullAsync(partner);
        while (more);
    }

    /// <summary>One page; returns its hasMore.</summary>
    public async Task<bool> PullAsync(HttpClient partner)
    {
        var response = await partner.GetAsync(Url(Token));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        // The items exactly as sent (raw text), to compare byte for byte with what delivery serves.
        using var page = JsonDocument.Parse(body);
        foreach (var entry in page.RootElement.GetProperty("entries").EnumerateArray())
        {
            Entries.Add(JsonNode.Parse(entry.GetRawText())!.AsObject());
            var key = (entry.GetProperty("type").GetString()!, entry.GetProperty("id").GetGuid());
            if (entry.GetProperty("op").GetString() == "upsert")
                Items[key] = new MirroredItem(entry.GetProperty("version").GetInt32(), entry.GetProperty("item").GetRawText());
            else
                Items.Remove(key);
        }
        Token = page.RootElement.GetProperty("next").GetString();
        Pages++;
        return page.RootElement.GetProperty("hasMore").GetBoolean();
    }

    public string Url(string? token)
    {
        var query = new List<string> { $"limit={limit}" };
        if (types is not null) query.Add($"types={types}");
        if (token is not null) query.Add($"token={Uri.EscapeDataString(token)}");
        return $"{Path}?{string.Join('&', query)}";
    }
}

public static class SyncSteps
{
    /// <summary>The published set as the database holds it: every delivery row of every type, its version and its JSON text.</summary>
    public static async Task<Dictionary<(string Type, Guid Id), MirroredItem>> PublishedSetAsync(this ApiFactory api)
    {
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var db = api.Services.GetRequiredService<NpgsqlDataSource>();
        var set = new Dictionary<(string, Guid), MirroredItem>();
        foreach (var type in api.Services.GetRequiredService<ContentTypes>().All)
        {
            var table = store.Options.FindOrResolveDocumentType(type.Delivery).TableName.QualifiedName;
            await using var command = db.CreateCommand($"select id, (data ->> 'version')::int, data::text from {table}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                set[(type.Name, reader.GetGuid(0))] = new MirroredItem(reader.GetInt32(1), reader.GetString(2));
        }
        return set;
    }

    /// <summary>The mirror holds exactly the published set: the same items, versions and bytes.</summary>
    public static async Task AssertMirrorsAsync(this ApiFactory api, SyncMirror mirror)
    {
        var published = await api.PublishedSetAsync();
        Assert.Equal(published.Keys.Order(), mirror.Items.Keys.Order());
        foreach (var (key, item) in published)
        {
            Assert.Equal(item.Version, mirror.Items[key].Version);
            Assert.Equal(item.Json, mirror.Items[key].Json);
        }
    }
}
