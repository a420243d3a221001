using Marten;
using Marten.Schema;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Media;

public static class MediaRegistration
{
    /// <summary>The media library: its settings, processor, disk store, references service and document.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MediaOptions>().Bind(config.GetSection(MediaOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<IMediaStore, DiskMediaStore>();
        services.AddSingleton<MediaUrls>();
        services.AddSingleton<MediaTextsValidator>();
        services.AddScoped<MediaReferences>();
        services.AddScoped<IContentMedia>(sp => sp.GetRequiredService<MediaReferences>());
        // The upload's own body limit, above the default for JSON; the form reader bounds the file itself.
        var maxUpload = config.GetValue($"{MediaOptions.Section}:MaxUploadBytes", new MediaOptions().MaxUploadBytes);
        services.AddRequestBodyLimit(HttpMethods.Post, MediaRoutes.Collection, maxUpload + 64 * 1024);
        services.ConfigureMarten(o => o.Schema.For<MediaItem>()
            .UseNumericRevisions(true)
            .UniqueIndex(UniqueIndexType.DuplicatedField, m => m.Hash)
            .Duplicate(m => m.CreatedAt));
        return services;
    }
}
