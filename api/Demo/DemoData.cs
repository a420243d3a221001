using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Demo;

/// <summary>The demo accounts named in the README and the demo content; loading twice changes nothing.</summary>
public sealed class DemoData(Accounts accounts, IServiceProvider services)
{
    public const string By = "editor@example.org";

    public static readonly (string Email, string Name, string Role, string Password)[] DemoAccounts =
    [
        ("admin@example.org", "Camille Admin", Roles.Admin, "vivapolis-admin-demo"),
        ("editor@example.org", "Élise Rédaction", Roles.Editor, "vivapolis-editor-demo"),
        ("author@example.org", "Arthur Plume", Roles.Author, "vivapolis-author-demo"),
        ("sales@example.org", "Salomé Annonces", Roles.Sales, "vivapolis-sales-demo"),
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var (email, name, role, password) in DemoAccounts)
            if (await accounts.EnsureAsync(email, name, role, password, ct))
                Console.WriteLine($"created demo account {email} ({role})");
        await LoadAsync<Article, ArticleContent, ArticleDelivery>(DemoArticleTexts.All, ct);
        await LoadAsync<Features.Events.AgendaEvent, Contracts.Events.EventContent, Contracts.Events.EventDelivery>(DemoEventTexts.All, ct);
        await LoadAsync<Features.AdvertiserContacts.AdvertiserContact, Contracts.AdvertiserContacts.AdvertiserContactContent, Contracts.AdvertiserContacts.AdvertiserContactDelivery>(DemoAdvertiserContactTexts.All, ct);
        await LoadAsync<Fiche, FicheContent, FicheDelivery>(DemoFicheTexts.All, ct);
    }

    /// <summary>Creates (and publishes) each item unless one with its slug exists, through the real lifecycle.</summary>
    private async Task LoadAsync<TDoc, TContent, TDelivery>(IEnumerable<(TContent Content, bool Publish)> items, CancellationToken ct)
        where TDoc : ContentDocument<TContent>, IContentDocument, new()
        where TContent : class, IItemContent
        where TDelivery : class, IDeliveryItem
    {
        var type = services.GetRequiredService<ContentType<TDoc, TContent, TDelivery>>();
        var lifecycle = services.GetRequiredService<ContentLifecycle<TDoc, TContent, TDelivery>>();
        var query = services.GetRequiredService<IQuerySession>();
        var created = 0;
        foreach (var (content, publish) in items)
        {
            var key = ContentDocument<TContent>.KeyOf(content.Locale, content.Slug ?? Slugs.From(type.TitleOf(content)));
            if (await query.Query<TDoc>().AnyAsync(d => d.SlugKey == key, ct)) continue;
            var doc = await lifecycle.CreateAsync(content, By, ct);
            if (publish) await lifecycle.PublishAsync(doc.Id, null, By, ct);
            created++;
        }
        Console.WriteLine($"demo {TDoc.RouteSegment}: {created} created");
    }
}
