using System.Text.Json;
using System.Text.Json.Nodes;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Tests.Infrastructure.Contract;

/// <summary>
/// A content type as the contract names it (<c>CreateArticle</c>, <c>ListArticles</c>, <c>/api/v1/manage/articles</c>)
/// with one valid example of its content in which every optional part is filled, so that a test can change any
/// field, nested ones included, and know the rest of the body is valid.
/// </summary>
public sealed record ContentKind(string Segment, string Singular, string Plural, Func<string, object> Example, bool Translatable = true)
{
    public string Manage => $"/api/v1/manage/{Segment}";

    /// <summary>The example as JSON, with <paramref name="unique"/> in its title and slug so that fixtures never collide.</summary>
    public JsonObject ExampleJson(string unique) =>
        JsonSerializer.SerializeToNode(Example(unique), HttpAssertions.JsonOptions)!.AsObject();

    public static readonly ContentKind Articles = new("articles", "Article", "Articles", u => new ArticleContent
    {
        Locale = Locale.Fr,
        TranslationGroup = Guid.NewGuid(),
        Slug = $"vers-un-modele-francais-{u}",
        Title = $"Vers un modèle français de la ville durable {u}",
        Standfirst = "Entretien avec la directrice d'une agence d'urbanisme.",
        Body = "<p>La ville durable se construit <strong>avec</strong> ses habitants.</p>",
        Rubric = "Écosystème",
        Authors = ["Claire Dupont"],
        Interviewee = new Interviewee("Hélène Marivaux", "directrice générale", "Agence d'urbanisme de Lorient"),
        Tags = ["urbanisme"],
        Themes = ["mobilite"],
        RelatedFiches = [Guid.NewGuid()],
        RelatedEvents = [Guid.NewGuid()],
        Seo = new SeoFields("La ville durable à la française", "Entretien sur la ville durable."),
        Cover = new CoverImage("https://images.example.org/ville.jpg", "Une rue plantée d'arbres", "Photo : Vivapolis"),
    });

    public static readonly ContentKind Fiches = new("fiches", "Fiche", "Fiches", u => new FicheContent
    {
        Locale = Locale.Fr,
        TranslationGroup = Guid.NewGuid(),
        Slug = $"ecoquartier-du-bois-{u}",
        Title = $"L'écoquartier du Bois {u}",
        Summary = "Un quartier de 300 logements chauffés par la biomasse.",
        Territory = new FicheTerritory { Commune = "Lorient", Departement = "Morbihan", RegionCode = "53", Country = "FR" },
        Actors = [new FicheActor("Ville de Lorient", ActorKind.Collectivite, "maître d'ouvrage")],
        Challenge = "<p>Réduire la consommation d'énergie.</p>",
        Actions = "<p>Un réseau de chaleur.</p>",
        Results = "<p>Moitié moins d'énergie consommée.</p>",
        Indicators = [new FicheIndicator("Consommation d'énergie", -48.5m, "%")],
        Financing = [new FicheFinancing(FinancingSource.Europe, 1_250_000.50m, "FEDER")],
        Period = new FichePeriod(new DateOnly(2021, 3, 1), new DateOnly(2024, 6, 30)),
        Contact = new FicheContact("Service urbanisme", "Ville de Lorient", "urbanisme@example.org", "https://www.example.org/urbanisme"),
        Links = [new FicheLink("Le projet", "https://www.example.org/projet")],
        Themes = ["energie"],
        Tags = ["chaleur"],
        RelatedArticles = [Guid.NewGuid()],
        RelatedEvents = [Guid.NewGuid()],
        Seo = new SeoFields("L'écoquartier du Bois", "Un quartier chauffé par la biomasse."),
        Cover = new CoverImage("https://images.example.org/bois.jpg", "Des immeubles en bois", null),
    });

    public static readonly ContentKind Events = new("events", "Event", "Events", u => new EventContent
    {
        Locale = Locale.Fr,
        TranslationGroup = Guid.NewGuid(),
        Slug = $"matinale-mobilites-{u}",
        Title = $"Matinale des mobilités {u}",
        Kind = EventKind.Matinale,
        Summary = "Une matinale sur les mobilités du quotidien.",
        Description = "<p>Programme : accueil à 8 h 30.</p>",
        Start = new DateTime(2027, 3, 26, 9, 0, 0, DateTimeKind.Unspecified),
        End = new DateTime(2027, 3, 26, 11, 0, 0, DateTimeKind.Unspecified),
        TimeZone = "Europe/Paris",
        AllDay = false,
        AttendanceMode = AttendanceMode.Mixed,
        Venue = new EventVenue
        {
            Name = "Maison de la ville durable", Address = "12 rue des Tanneurs", PostalCode = "75013", City = "Paris",
            RegionCode = "11", Country = "FR", Latitude = 48.83, Longitude = 2.35,
        },
        OnlineUrl = "https://visio.example.org/matinale",
        Organizer = new EventOrganizer("Vivapolis", "https://www.example.org"),
        RegistrationUrl = "https://www.example.org/inscription",
        Price = new EventPrice(false, 12.50m, "tarif réduit pour les adhérents"),
        Series = "Matinales de Vivapolis",
        Edition = 3,
        EventStatus = EventStatus.Scheduled,
        Themes = ["mobilite"],
        Seo = new SeoFields("Matinale des mobilités", "Une matinale sur les mobilités."),
        Cover = new CoverImage("https://images.example.org/matinale.jpg", "Une salle de conférence", "Photo : Vivapolis"),
    });

    public static readonly ContentKind AdvertiserContacts = new("advertiser-contacts", "AdvertiserContact", "AdvertiserContacts", u => new AdvertiserContactContent
    {
        Locale = Locale.Fr,
        Slug = $"helene-marivaux-{u}",
        FullName = $"Hélène Marivaux {u}",
        JobTitle = "Directrice commerciale",
        Company = "Urbaterra",
        Email = $"helene.marivaux.{u}@example.org",
        Phone = "+33199001234",
        Sectors = ["mobilité"],
        Regions = ["11"],
        IsPublic = true,
        DisplayOrder = 1,
        InternalNotes = "Rencontrée au salon, rappeler en mars.",
        Consent = new ConsentRecord(true, new DateTimeOffset(2026, 10, 14, 10, 0, 0, TimeSpan.FromHours(2)),
            "formulaire salon", "J'accepte que mes coordonnées professionnelles figurent dans l'annuaire public."),
    }, Translatable: false);

    public static readonly IReadOnlyList<ContentKind> All = [Articles, Fiches, Events, AdvertiserContacts];
}
