using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>A use of an image found in an item's content: where (<c>cover</c>, <c>body</c>), and by id or by file hash.</summary>
public sealed record MediaReference(string Field, Guid? Id, string? Hash, string? Alt = null, string? Credit = null);

/// <summary>
/// How items use the library, read from their JSON, whatever their type: any object with a <c>mediaId</c> (a cover),
/// and any text holding a <c>/media/{hash}/</c> address (an image in rich text). A new content type that shows images
/// the same way needs nothing here.
/// </summary>
public sealed partial class MediaReferences(IQuerySession session, IDocumentStore store, NpgsqlDataSource db, MediaUrls urls) : IContentMedia
{
    [GeneratedRegex("/media/([0-9a-f]{32})/")]
    private static partial Regex MediaAddress();

    /// <summary>Every use of a library image in the content, in document order.</summary>
    public static IReadOnlyList<MediaReference> In(object content)
    {
        var found = new List<MediaReference>();
        Walk(JsonSerializer.SerializeToNode(content, content.GetType(), Json.Options), "", found);
        return found;
    }

    private static void Walk(JsonNode? node, string path, List<MediaReference> found)
    {
        switch (node)
        {
            case JsonObject o:
                // An object with a mediaId (a cover) names its image by it; its url is the same image, not another use.
                var named = o["mediaId"] is JsonValue id && id.TryGetValue<string>(out var text) && Guid.TryParse(text, out var guid)
                    ? new MediaReference(path, guid, null, (o["alt"] as JsonValue)?.ToString(), (o["credit"] as JsonValue)?.ToString())
                    : null;
                if (named is not null) found.Add(named);
                foreach (var (name, value) in o)
                    if (named is null || name is not ("mediaId" or "url")) Walk(value, path.Length == 0 ? name : $"{path}.{name}", found);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", found);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Contains("/media/", StringComparison.Ordinal):
                foreach (Match m in MediaAddress().Matches(s)) found.Add(new MediaReference(path, null, m.Groups[1].Value));
                break;
        }
    }

    public async Task RequireUsableAsync(IItemContent content, CancellationToken ct)
    {
        var references = In(content);
        if (references.Count == 0) return;
        var (byId, byHash) = await LoadAsync(references, ct);
        var errors = new Dictionary<string, List<string>>();
        foreach (var reference in references)
        {
            var media = reference.Id is { } id ? byId.GetValueOrDefault(id) : byHash.GetValueOrDefault(reference.Hash!);
            var message = media switch
            {
                null => Text.Of("Cette image n'est plus dans la médiathèque : choisissez-en une autre.",
                                "This image is no longer in the media library: choose another one."),
                { HasAlt: false } => Text.Of($"L'image « {media.FileName} » n'a pas de texte alternatif : ajoutez-le dans la médiathèque avant de publier.",
                                             $"The image '{media.FileName}' has no alt text: add it in the media library before publishing."),
                _ => null,
            };
            if (message is null) continue;
            var field = reference.Id is null ? reference.Field : $"{reference.Field}.mediaId".TrimStart('.');
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            if (!list.Contains(message)) list.Add(message);
        }
        if (errors.Count == 0) return;
        throw new ProblemException(422, Text.Of("Images à compléter", "Images to complete"), Text.Of(
            "Chaque image d'un élément publié doit avoir un texte alternatif, pour les personnes qui ne la voient pas.",
            "Every image of a published item needs alt text, for people who cannot see it."),
            new Dictionary<string, object?> { ["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()) });
    }

    public async Task<IReadOnlyList<MediaImage>> ImagesAsync(IItemContent content, CancellationToken ct)
    {
        var references = In(content);
        if (references.Count == 0) return [];
        var (byId, byHash) = await LoadAsync(references, ct);
        var images = new List<MediaImage>();
        // Uses by id first: a cover gives the image its own alt text and credit, an <img> of the text does not.
        foreach (var reference in references.OrderBy(r => r.Id is null))
        {
            var media = reference.Id is { } id ? byId.GetValueOrDefault(id) : byHash.GetValueOrDefault(reference.Hash!);
            // A missing image is for RequireUsableAsync to refuse; the delivery shape leaves it out.
            if (media is null || images.Any(i => i.Id == media.Id)) continue;
            images.Add(urls.Image(media, reference.Alt, reference.Credit));
        }
        return images;
    }

    private async Task<(Dictionary<Guid, MediaItem> ById, Dictionary<string, MediaItem> ByHash)> LoadAsync(
        IReadOnlyList<MediaReference> references, CancellationToken ct)
    {
        var ids = references.Select(r => r.Id).OfType<Guid>().Distinct().ToArray();
        var hashes = references.Select(r => r.Hash).OfType<string>().Distinct().ToArray();
        var byId = ids.Length == 0 ? [] : (await session.LoadManyAsync<MediaItem>(ct, ids)).ToDictionary(m => m.Id);
        var byHash = hashes.Length == 0 ? [] : (await session.Query<MediaItem>().Where(m => hashes.Contains(m.Hash)).ToListAsync(ct))
            .ToDictionary(m => m.Hash);
        return (byId, byHash);
    }

    /// <summary>
    /// The items that use an image, in their current content or in the version the public sees (an edit may have
    /// removed the image from the draft while the published page still shows it). Every content type's table and
    /// every delivery table is searched; a plain scan, which an editorial library of thousands of items affords.
    /// </summary>
    public async Task<IReadOnlyList<MediaUse>> UsesAsync(MediaItem media, CancellationToken ct)
    {
        var types = store.Options.AllKnownDocumentTypes().Select(t => (t.DocumentType, Table: t.TableName.QualifiedName)).ToList();
        const string uses = "(jsonb_path_exists(data, '$.** ? (@.mediaId == $id)', jsonb_build_object('id', $1::text)) or data::text like $2)";
        var args = new object[] { media.Id.ToString(), $"%/media/{media.Hash}/%" };

        var published = new HashSet<Guid>();
        foreach (var (_, table) in types.Where(t => typeof(IDeliveryItem).IsAssignableFrom(t.DocumentType)))
        {
            await using var reader = await Command($"select id from {table} where {uses}", args).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) published.Add(reader.GetGuid(0));
        }

        var found = new List<MediaUse>();
        foreach (var (type, table) in types.Where(t => typeof(IContentDocument).IsAssignableFrom(t.DocumentType)))
        {
            var name = (string)type.GetProperty(nameof(IContentDocument.TypeName))!.GetValue(null)!;
            await using var command = Command(
                $"select id, data->>'title', data->>'slug', data->>'status', {uses} from {table} where {uses} or id = any($3) order by id",
                [.. args, published.ToArray()]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                found.Add(new MediaUse
                {
                    Type = name, Id = id, Title = reader.GetString(1), Slug = reader.GetString(2),
                    Status = StatusName(reader.GetString(3)), InCurrentContent = reader.GetBoolean(4), InPublishedVersion = published.Contains(id),
                });
            }
        }
        return found;
    }

    private NpgsqlCommand Command(string sql, object[] args)
    {
        var command = db.CreateCommand(sql);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return command;
    }

    /// <summary>The status as the contract spells it (<c>in_review</c>), however the store wrote it.</summary>
    private static string StatusName(string stored) =>
        Enum.TryParse<ContentStatus>(stored.Replace("_", ""), ignoreCase: true, out var status) ? Json.Name(status) : stored;
}
