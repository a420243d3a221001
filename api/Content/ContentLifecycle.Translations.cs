using Marten;
using Vivapolis.Api.Content.Translations;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

// Language versions: an item's versions share a translation group; each has its own slug and its own workflow.
public sealed partial class ContentLifecycle<TDoc, TContent, TDelivery>
{
    /// <summary>
    /// A new draft in <paramref name="request"/>'s language, made from the item's content (to translate), in its
    /// group. A group has one version per language: a second one is a 409 that names the first.
    /// </summary>
    public async Task<TDoc> TranslateAsync(Guid id, TranslationRequest request, string by, CancellationToken ct)
    {
        var source = await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();
        var group = GroupOf(source);
        // Two requests for the same language at once: the second waits, then finds the first's version.
        await session.LockUntilCommitAsync(TranslationGroups.LockName(group), ct);
        if ((await VersionsAsync(group, ct)).FirstOrDefault(v => v.Locale == request.Locale) is { } existing)
            throw ProblemException.Conflict(Text.Of(
                $"Cet élément a déjà une version « {Json.Name(request.Locale)} » : « {existing.Title} » ({existing.Slug}).",
                $"This item already has a '{Json.Name(request.Locale)}' version: '{existing.Title}' ({existing.Slug})."));
        return await CreateAsync(type.InLanguage(source.Content, request.Locale, group, request.Slug ?? source.Slug), by, ct);
    }

    /// <summary>Every language version of the item's group, itself included, whatever their status.</summary>
    public async Task<IReadOnlyList<TDoc>> VersionsOfAsync(Guid id, CancellationToken ct)
    {
        var doc = await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();
        return await VersionsAsync(GroupOf(doc), ct);
    }

    /// <summary>
    /// Takes the item out of its group, into one of its own: an edit like any other (If-Match required), so a
    /// published item's public links change when it is published again.
    /// </summary>
    public async Task<TDoc> UnlinkTranslationAsync(Guid id, string? ifMatch, string by, CancellationToken ct)
    {
        var item = await OpenAsync(id, ifMatch, IfMatch.Required, ct);
        var content = item.Doc.Content;
        await ApplyAsync(item.Doc, type.InLanguage(content, content.Locale, Guid.CreateVersion7(clock.GetUtcNow()), content.Slug), ct);
        return await CommitAsync(item, new Change(RevisionAction.Edited, EditsContent: true), by, ct);
    }

    private Guid GroupOf(TDoc doc) => type.TranslationGroupOf(doc.Content) ?? doc.Id;

    private async Task<IReadOnlyList<TDoc>> VersionsAsync(Guid group, CancellationToken ct) =>
        (await session.QueryAsync<TDoc>(VersionsWhere, ct, InGroup(group), group))
        .OrderBy(v => v.Locale).ToList();

    /// <summary>A group's versions (parameters: <see cref="InGroup"/>, the group): both an index lookup (GIN, primary key).</summary>
    public const string VersionsWhere = "where data @> ?::jsonb or id = ?";

    /// <summary>The containment that finds a group's versions other than the first (whose id is the group's).</summary>
    public static string InGroup(Guid group) =>
        System.Text.Json.JsonSerializer.Serialize(new { content = new { translationGroup = group } }, Json.Options);
}
