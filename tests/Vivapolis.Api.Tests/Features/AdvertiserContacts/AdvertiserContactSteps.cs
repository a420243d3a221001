using Vivapolis.Api.Tests.Content;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>The shared content steps, for advertiser contacts.</summary>
public static class AdvertiserContactSteps
{
    public const string Segment = "advertiser-contacts";
    public static readonly string Manage = ContentSteps.Manage(Segment);
    public static readonly string Delivery = ContentSteps.Delivery(Segment);

    /// <summary>A public contact who gave their consent; phones from the range reserved for fiction.</summary>
    public static AdvertiserContactContent Contact(string fullName, int displayOrder = 0) => new()
    {
        FullName = fullName,
        JobTitle = "Responsable des partenariats",
        Company = "Urbaterra",
        Email = $"{Slug(fullName)}@example.org",
        Phone = "01 99 00 12 34",
        Sectors = ["mobilité"],
        Regions = ["11"],
        IsPublic = true,
        DisplayOrder = displayOrder,
        InternalNotes = "Rencontrée au salon, rappeler en mars.",
        Consent = new ConsentRecord(true, new DateTimeOffset(2026, 10, 14, 10, 0, 0, TimeSpan.FromHours(2)),
            "formulaire salon", "J'accepte que mes coordonnées professionnelles figurent dans l'annuaire public."),
    };

    public static Task<(Managed<AdvertiserContactContent> Item, string ETag)> CreateAsync(this HttpClient client, AdvertiserContactContent content) =>
        client.CreateAsync(Segment, content);

    public static Task<(Managed<AdvertiserContactContent> Item, string ETag)> PublishAsync(this HttpClient client, Guid id) =>
        client.PublishAsync<AdvertiserContactContent>(Segment, id);

    public static Task<Managed<AdvertiserContactContent>> CreatePublishedAsync(this HttpClient client, AdvertiserContactContent content) =>
        client.CreatePublishedAsync(Segment, content);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, Guid id, AdvertiserContactContent content, string? ifMatch) =>
        client.PutAsync(Segment, id, content, ifMatch);

    public static Task<HttpResponseMessage> EraseAsync(this HttpClient client, Guid id) =>
        client.PostAsync($"{Manage}/{id}/erase", null);

    private static string Slug(string name) => Vivapolis.Api.Content.Slugs.From(name).Replace('-', '.');
}
