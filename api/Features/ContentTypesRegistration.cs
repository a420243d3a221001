using Vivapolis.Api.Features.AdvertiserContacts;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Api.Features.Members;

namespace Vivapolis.Api.Features;

public static class ContentTypesRegistration
{
    /// <summary>
    /// The product's content types, in the order the contract and the editor list them. Each registration adds the
    /// type to <see cref="Content.ContentTypes"/>, which audit, search, sync, webhooks, feeds and the contract read:
    /// a new type is one line here and a folder of its own, nothing else.
    /// </summary>
    public static IServiceCollection AddVivapolisContentTypes(this IServiceCollection services) => services
        .AddArticles()
        .AddFiches()
        .AddEvents()
        .AddMembers()
        .AddAdvertiserContacts();
}
