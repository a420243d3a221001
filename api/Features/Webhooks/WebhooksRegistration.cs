using Marten;
using Vivapolis.Api.Content.Changes;

namespace Vivapolis.Api.Features.Webhooks;

public static class WebhooksRegistration
{
    /// <summary>Webhooks: their documents, the outbox tables, the change-log listener that fills it, and the dispatcher.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.ConfigureMarten(o =>
        {
            o.Schema.For<Webhook>().UseNumericRevisions(true).Duplicate(w => w.CreatedAt);
            foreach (var table in WebhookOutbox.Definitions(o.DatabaseSchemaName)) o.Storage.ExtendedSchemaObjects.Add(table);
        });
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IChangeLogListener>(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<IWebhookResolver, DnsWebhookResolver>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookRequestValidator>();
        services.AddSingleton<WebhookRetries>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.ConfigureSwaggerGen(o => o.DocumentFilter<WebhookContract>());
        return services;
    }
}
