namespace Vivapolis.Api.Content;

/// <summary>
/// One content type as the rest of the API sees it: audit, search, sync, webhooks, feeds and the contract read
/// these, never a list of names written by hand. Made by <see cref="ContentRegistration.AddContentType{TDoc,TContent,TDelivery,TType}"/>.
/// </summary>
/// <param name="Name">Singular name used in events, the audit log, sync entries: <c>article</c>.</param>
/// <param name="RouteSegment">Plural path segment: <c>articles</c>.</param>
/// <param name="Description">What the type holds, for the people reading the contract (its OpenAPI tag).</param>
public sealed record ContentTypeInfo(
    string Name, string RouteSegment, ContentDesk Desk, bool HoldsPersonalData, string Description, Type Document, Type Delivery)
{
    /// <summary>Whether its items have language versions (<see cref="Vivapolis.Contracts.Common.ITranslatedDelivery"/>).</summary>
    public bool Translatable => typeof(Vivapolis.Contracts.Common.ITranslatedDelivery).IsAssignableFrom(Delivery);

    /// <summary>Personal data never enters public search: only published, public copies hold it.</summary>
    public bool Searchable => !HoldsPersonalData;

    /// <summary>The output-cache tag of everything public that shows this type (see <see cref="Delivery.DeliveryCache"/>).</summary>
    public string CacheTag => Content.Delivery.DeliveryCache.TagOf(Name);

    public static ContentTypeInfo Of<TDoc, TDelivery>() where TDoc : IContentDocument =>
        new(TDoc.TypeName, TDoc.RouteSegment, TDoc.Desk, TDoc.HoldsPersonalData, TDoc.Description, typeof(TDoc), typeof(TDelivery));
}

/// <summary>Every content type the API serves, in registration order: the one list that everything reads.</summary>
public sealed class ContentTypes(IEnumerable<ContentTypeInfo> types)
{
    public IReadOnlyList<ContentTypeInfo> All { get; } = types.ToList();

    public IEnumerable<string> Names => All.Select(t => t.Name);

    public IEnumerable<ContentTypeInfo> Searchable => All.Where(t => t.Searchable);

    public ContentTypeInfo? Named(string name) => All.FirstOrDefault(t => t.Name == name);

    public ContentTypeInfo? AtSegment(string segment) => All.FirstOrDefault(t => t.RouteSegment == segment);
}
