using FluentValidation;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>
/// Everything the shared machinery needs to know about one content type. A new type brings its document,
/// its content and delivery records, a validator and one of these; lifecycle, endpoints and delivery are shared.
/// </summary>
public abstract class ContentType<TDoc, TContent, TDelivery>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public string Name => TDoc.TypeName;

    /// <summary>The title shown in lists, which slugs are made from.</summary>
    public abstract string TitleOf(TContent content);

    /// <summary>Clean what was sent before it is validated and stored: trim, sanitise rich text.</summary>
    public abstract TContent Normalize(TContent content);

    /// <summary>The shape the public sees, stored when the item is published; null when it has nothing public to show.</summary>
    public abstract TDelivery? ToDelivery(TDoc document);

    /// <summary>
    /// The shape the public sees, with the media library images the item shows (cover and rich text), resolved by
    /// <see cref="IContentMedia.ImagesAsync"/>. Types whose items show images override it; the rest ignore them.
    /// </summary>
    public virtual TDelivery? ToDelivery(TDoc document, IReadOnlyList<Vivapolis.Contracts.Media.MediaImage> images) => ToDelivery(document);

    /// <summary>Whether items of the type have language versions linked in delivery (<see cref="ITranslatedDelivery"/>).</summary>
    public bool Translatable { get; } = typeof(ITranslatedDelivery).IsAssignableFrom(typeof(TDelivery));

    /// <summary>The delivery shape with these links to its other language versions (translatable types override it).</summary>
    public virtual TDelivery WithAlternates(TDelivery delivery, IReadOnlyList<AlternateLink> alternates) => delivery;

    /// <summary>The translation group the content names (null: a group of its own, the item's id).</summary>
    public virtual Guid? TranslationGroupOf(TContent content) => null;

    /// <summary>The content as the start of a version in another language of <paramref name="group"/> (translatable types override it).</summary>
    public virtual TContent InLanguage(TContent content, Locale locale, Guid group, string? slug) =>
        throw new NotSupportedException($"{Name} has no language versions.");

    /// <summary>What public search finds the item by once published; null keeps the type out of search.</summary>
    public virtual SearchText? SearchTextOf(TDoc document) => null;

    public abstract IValidator<TContent> Validator { get; }
}
