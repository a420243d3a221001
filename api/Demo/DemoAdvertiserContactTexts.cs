using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Demo;

/// <summary>
/// The demo advertiser contacts. The people and companies are invented, the addresses are at example.org and the
/// phone numbers come from the range reserved for fiction (01 99 00 xx xx).
/// </summary>
public static class DemoAdvertiserContactTexts
{
    public static readonly IReadOnlyList<(AdvertiserContactContent Content, bool Publish)> All =
    [
        (new AdvertiserContactContent
        {
            FullName = "Hélène Marivaux",
            JobTitle = "Directrice commerciale",
            Company = "Urbaterra Aménagement",
            Email = "helene.marivaux@example.org",
            Phone = "01 99 00 21 47",
            Sectors = ["aménagement", "mobilité"],
            Regions = ["11", "32"],
            IsPublic = true,
            DisplayOrder = 10,
            InternalNotes = "Rencontrée au salon des maires ; intéressée par un encart dans la lettre de janvier.",
            Consent = new ConsentRecord(true, new DateTimeOffset(2025, 11, 19, 15, 30, 0, TimeSpan.FromHours(1)), "formulaire salon",
                "J'accepte que mon nom, ma fonction, mon entreprise et mes coordonnées professionnelles figurent dans l'annuaire des annonceurs Vivapolis."),
        }, true),
        (new AdvertiserContactContent
        {
            FullName = "Karim Benali",
            JobTitle = "Responsable des partenariats",
            Company = "Calorie Verte Réseaux",
            Email = "karim.benali@example.org",
            Phone = "+33 1 99 00 58 03",
            Sectors = ["énergie", "réseaux de chaleur"],
            Regions = ["84", "93"],
            IsPublic = true,
            DisplayOrder = 20,
            InternalNotes = "Préfère être contacté le matin. Renouvellement de l'annonce à proposer en septembre.",
            Consent = new ConsentRecord(true, new DateTimeOffset(2026, 3, 4, 9, 12, 0, TimeSpan.FromHours(1)), "courriel",
                "J'accepte que mes coordonnées professionnelles soient publiées dans l'annuaire des annonceurs Vivapolis."),
        }, true),
        (new AdvertiserContactContent
        {
            FullName = "Sophie Lemaire-Dubreuil",
            JobTitle = "Chargée de communication",
            Company = "Aquarive Services",
            Email = "sophie.lemaire-dubreuil@example.org",
            Phone = "0199007612",
            Sectors = ["eau", "services urbains"],
            Regions = ["53"],
            IsPublic = false,
            DisplayOrder = 30,
            InternalNotes = "Contact interne uniquement : ne souhaite pas apparaître dans l'annuaire public.",
            Consent = new ConsentRecord(false, null, "entretien téléphonique", null),
        }, true),
    ];
}
