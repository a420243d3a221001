using FluentValidation;
using Marten;
using Marten.Schema;
using Vivapolis.Api.Content.Changes;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Preview;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

public static class ContentRegistration
{
    /// <summary>Registers one content type with the shared machinery: its descriptor, lifecycle and storage.</summary>
    public static IServiceCollection AddContentType<TDoc, TContent, TDelivery, TType>(this IServiceCollection services)
        where TDoc : ContentDocument<TContent>, IContentDocument, new()
        where TContent : class, IItemContent
        where TDelivery : class, IDeliveryItem
        where TType : ContentType<TDoc, TContent, TDelivery>
    {
        services.AddSingleton(ContentTypeInfo.Of<TDoc, TDelivery>());
        services.AddSingleton<ContentType<TDoc, TContent, TDelivery>, TType>();
        services.AddScoped<ContentLifecycle<TDoc, TContent, TDelivery>>();
        services.AddScoped<Scheduling.ContentScheduling<TDoc, TContent, TDelivery>>();
        services.AddScoped<Scheduling.IScheduledActions>(sp => sp.GetRequiredService<Scheduling.ContentScheduling<TDoc, TContent, TDelivery>>());
        services.AddPreviewSource<TDoc, TContent, TDelivery>();
        services.AddSingleton<Links.IContentLinks, Links.ContentLinks<TDoc, TContent, TDelivery>>();
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<TDoc>()
                .UseNumericRevisions(true)
                .UniqueIndex(UniqueIndexType.Computed, x => x.SlugKey)
                .Duplicate(x => x.UpdatedAt)
                // The editors' list filtered by status and sorted by title, and the containment queries (`data @> …`)
                // of language versions and of the items a change restates, which would each scan every item otherwise.
                .Index(x => x.Status)
                .Index(x => x.Title, index => index.Casing = ComputedIndex.Casings.Lower)
                .GinIndexJsonData();
            // The delivery table is read with SQL on these expressions (see DeliveryReader).
            opts.Schema.For<TDelivery>()
                .Duplicate(x => x.PublishedAt)
                // One published item per slug and locale: a slug kept by a published version is not free yet.
                .UniqueIndex(UniqueIndexType.Computed, x => x.Slug, x => x.Locale)
                .GinIndexJsonData();
        });
        return services;
    }

    public static IServiceCollection AddContentInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<ContentTypes>();
        services.AddSingleton<Links.ContentLinking>();
        services.AddChangeLog();
        services.AddSingleton<DeliveryReader>();
        services.AddSingleton<PreviewTokens>();
        services.AddDeliveryCache();
        services.AddSingleton<ClusterEviction>();
        services.AddSingleton<IChangeLogListener>(sp => sp.GetRequiredService<ClusterEviction>());
        services.AddSingleton<ClusterEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterEvictionListener>());
        Scheduling.SchedulingRegistration.AddScheduledPublishing(services);
        services.ConfigureMarten(o => o.Schema.For<SearchEntry>());
        services.ConfigureMarten(o => o.Schema.For<FormerSlug>().Duplicate(x => x.ItemId));
        services.ConfigureMarten(o => o.Schema.For<ContentRevision>().Index(x => x.ItemId));
        return services;
    }
}
