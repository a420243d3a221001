using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Delivery;

/// <summary>A slug an item was once published under: its public address answers 301 to the current one.</summary>
public sealed class FormerSlug
{
    /// <summary><c>{type}/{locale}/{slug}</c>: one item per former address, the latest to leave it.</summary>
    public string Id { get; set; } = "";
    public Guid ItemId { get; set; }
}

/// <summary>Kept by the write pipeline when a publication moves an item; read by the by-slug delivery endpoint.</summary>
public static class FormerSlugs
{
    public static string IdOf(string type, Locale locale, string slug) => $"{type}/{Json.Name(locale)}/{slug}";

    public static void Keep(IDocumentSession session, string type, Locale locale, string slug, Guid itemId) =>
        session.Store(new FormerSlug { Id = IdOf(type, locale, slug), ItemId = itemId });

    public static void ForgetItem(IDocumentSession session, Guid itemId) =>
        session.DeleteWhere<FormerSlug>(f => f.ItemId == itemId);
}
