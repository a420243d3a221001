using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Demo;

/// <summary>
/// The demo agenda. Organisations, places and addresses are invented. Dates are counted from the day of seeding,
/// so the demo always has events to come and events past, and two on either side of the next change of clocks.
/// </summary>
public static class DemoEventTexts
{
    public static IReadOnlyList<(EventContent Content, bool Publish)> All => For(DateOnly.FromDateTime(DateTime.UtcNow));

    private static readonly EventOrganizer Vivapolis = new("Réseau Vivapolis", "https://vivapolis.example.org");
    private static readonly EventPrice Free = new(true, null, null);

    public static IReadOnlyList<(EventContent Content, bool Publish)> For(DateOnly today)
    {
        // Matinales do not fall on a Sunday: a weekend day moves to the Monday after.
        DateOnly Workday(int days)
        {
            var day = today.AddDays(days);
            return day.AddDays(day.DayOfWeek switch { DayOfWeek.Saturday => 2, DayOfWeek.Sunday => 1, _ => 0 });
        }
        DateTime At(int days, int hour, int minute = 0) => Workday(days).ToDateTime(new TimeOnly(hour, minute));
        DateTime Day(int days) => Workday(days).ToDateTime(TimeOnly.MinValue);
        var change = NextClockChange(today.AddDays(14)).DayNumber - today.DayNumber; // a Sunday, in days from today

        return
        [
            (new EventContent
            {
                Title = "Financer les projets de villes durables à l'international",
                Kind = EventKind.Conference,
                Series = "Rencontres Vivapolis du financement international", Edition = 3,
                Summary = "Une matinée pour comprendre comment financer, exporter et faire financer les projets de villes durables " +
                          "portés par des acteurs français à l'étranger.",
                Description = """
                    <p>Pour sa troisième édition, la rencontre réunit collectivités, bailleurs publics et entreprises de services urbains
                    autour du <strong>modèle français de la ville durable</strong> : coopération public-privé, gouvernance locale transversale
                    et services urbains coordonnés.</p>
                    <h3>Programme</h3>
                    <ul><li>8 h 30 : accueil café</li><li>9 h : table ronde « Bailleurs et garanties à l'export »</li>
                    <li>10 h 30 : retours d'expérience de trois villes partenaires</li><li>12 h : échanges avec la salle</li></ul>
                    """,
                Start = At(24, 8, 30), End = At(24, 12, 30),
                Venue = new EventVenue
                {
                    Name = "Maison de la ville durable", Address = "12 rue des Tanneurs", PostalCode = "75013", City = "Paris",
                    RegionCode = "11", Latitude = 48.8322, Longitude = 2.3561,
                },
                Organizer = Vivapolis, RegistrationUrl = "https://vivapolis.example.org/inscriptions/financement-international",
                Price = Free, Themes = ["financement", "international"],
                Seo = new SeoFields("Financer la ville durable à l'international, 3ème édition", "La matinée Vivapolis sur le financement des projets de villes durables à l'étranger."),
            }, true),
            (new EventContent
            {
                Title = "Financer les projets urbains durables hors de nos frontières",
                Kind = EventKind.Conference,
                Series = "Rencontres Vivapolis du financement international", Edition = 2,
                Summary = "Deuxième édition : garanties à l'export, fonds multilatéraux et consortiums d'entreprises françaises.",
                Description = "<p>Une salle comble pour entendre bailleurs et entreprises présenter les montages qui ont permis de financer des réseaux de transport et d'eau à l'étranger.</p>",
                Start = At(-340, 8, 30), End = At(-340, 12, 30),
                Venue = new EventVenue { Name = "Maison de la ville durable", Address = "12 rue des Tanneurs", PostalCode = "75013", City = "Paris", RegionCode = "11" },
                Organizer = Vivapolis, Price = Free, Themes = ["financement", "international"],
            }, true),
            (new EventContent
            {
                Title = "Matinale : la rénovation énergétique des écoles, mode d'emploi",
                Kind = EventKind.Matinale,
                Summary = "Contrats de performance énergétique, tiers-financement : trois communes racontent leurs chantiers.",
                Description = "<p>Les économies d'énergie remboursent une partie des travaux : les communes de Vaulnay, Brémont et Saint-Aurel expliquent comment elles ont monté leurs contrats.</p>",
                Start = At(10, 8, 30), End = At(10, 10, 30),
                Venue = new EventVenue { Name = "Hôtel de la Métropole", Address = "20 quai des Célestins", PostalCode = "69002", City = "Lyon", RegionCode = "84" },
                Organizer = Vivapolis, RegistrationUrl = "https://vivapolis.example.org/inscriptions/matinale-ecoles",
                Price = Free, Themes = ["energie", "batiment-habitat", "financement"],
            }, true),
            (new EventContent
            {
                Title = "Webinaire : ouvrir les données des services urbains sans exposer les usagers",
                Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online,
                Summary = "Anonymisation, agrégation, licences : une heure pour publier les données de l'eau, des déchets et des transports en toute sécurité.",
                Description = "<p>Avec le Club des collectivités numériques et deux opérateurs de services urbains. Questions en direct par écrit.</p>",
                Start = At(17, 11), End = At(17, 12),
                OnlineUrl = "https://webinaires.example.org/donnees-services-urbains",
                Organizer = new EventOrganizer("Club des collectivités numériques", "https://collectivites-numeriques.example.org"),
                RegistrationUrl = "https://webinaires.example.org/donnees-services-urbains/inscription",
                Price = Free, Themes = ["numerique-donnees", "services-urbains"],
            }, true),
            (new EventContent
            {
                Title = "Visite de l'écoquartier des Prés-Verts",
                Kind = EventKind.Visite, EventStatus = EventStatus.Cancelled,
                Summary = "Annulée : la visite des logements passifs et du réseau de chaleur du quartier n'aura pas lieu.",
                Description = "<p>En raison des travaux de voirie, la visite est annulée. Une nouvelle date sera proposée au printemps.</p>",
                Start = At(6, 14), End = At(6, 17),
                Venue = new EventVenue { Name = "Maison du projet des Prés-Verts", Address = "3 allée des Saules", PostalCode = "44300", City = "Nantes", RegionCode = "52" },
                Organizer = new EventOrganizer("Aménageur Loire Habitat Durable", null),
                Price = Free, Themes = ["amenagement-urbanisme", "energie"],
            }, true),
            (new EventContent
            {
                Title = "Atelier : végétaliser les cours d'école",
                Kind = EventKind.Atelier, EventStatus = EventStatus.Postponed,
                Summary = "Reporté à une date à préciser : désimperméabiliser, planter et associer les enfants au projet.",
                Description = "<p>L'atelier est reporté ; les inscrits seront prévenus de la nouvelle date.</p>",
                Start = At(30, 9, 30), End = At(30, 16),
                Venue = new EventVenue { Name = "Halle des Chartrons", Address = "10 place du Marché-des-Chartrons", PostalCode = "33000", City = "Bordeaux", RegionCode = "75" },
                Organizer = new EventOrganizer("Association Cours Oasis Sud-Ouest", "https://cours-oasis.example.org"),
                Price = new EventPrice(false, 15m, "Gratuit pour les agents des collectivités adhérentes"),
                Themes = ["biodiversite-nature-en-ville", "amenagement-urbanisme"],
            }, true),
            (new EventContent
            {
                Title = "Salon des solutions pour la ville durable",
                Kind = EventKind.Salon, AllDay = true,
                Summary = "Trois jours, 180 exposants : énergie, eau, mobilité, bâtiment et numérique au service des territoires.",
                Description = "<p>Le réseau Vivapolis tient un stand collectif avec ses membres. Conférences flash toutes les heures.</p>",
                Start = Day(45), End = Day(45).AddDays(2),
                Venue = new EventVenue { Name = "Parc des expositions de Lyon-Est", Address = "1 avenue des Congrès", PostalCode = "69150", City = "Décines-Charpieu", RegionCode = "84" },
                Organizer = new EventOrganizer("Lyon Territoires Expositions", "https://salon-ville-durable.example.org"),
                RegistrationUrl = "https://salon-ville-durable.example.org/badge",
                Price = new EventPrice(false, 35m, "Entrée gratuite pour les élus et agents territoriaux"),
                Themes = ["energie", "eau", "mobilite", "batiment-habitat"],
            }, true),
            (new EventContent
            {
                Title = "Matinale : les mobilités partagées dans les villes moyennes",
                Kind = EventKind.Matinale,
                Summary = "Covoiturage, navettes à la demande, vélos en libre-service : ce qui marche hors des métropoles.",
                Description = "<p>Les horaires sont donnés en heure locale de Rennes, deux jours avant le changement d'heure.</p>",
                Start = At(change - 2, 9), End = At(change - 2, 11),
                Venue = new EventVenue { Name = "Espace Mobilités", Address = "5 place de la Gare", PostalCode = "35000", City = "Rennes", RegionCode = "53" },
                Organizer = Vivapolis, Price = Free, Themes = ["mobilite", "services-urbains"],
            }, true),
            (new EventContent
            {
                Title = "Rencontre : l'eau dans la ville, de la pluie à la ressource",
                Kind = EventKind.Rencontre, AttendanceMode = AttendanceMode.Mixed,
                Summary = "Gestion des eaux pluviales, réutilisation des eaux usées traitées : une après-midi d'échanges, sur place ou en ligne.",
                Description = "<p>Le lendemain du changement d'heure : la rencontre commence à 14 h, heure locale.</p>",
                Start = At(change + 1, 14), End = At(change + 1, 17, 30),
                Venue = new EventVenue { Name = "Cité de l'eau", Address = "8 allée de Brienne", PostalCode = "31000", City = "Toulouse", RegionCode = "76", Latitude = 43.6105, Longitude = 1.4333 },
                OnlineUrl = "https://visio.example.org/eau-dans-la-ville",
                Organizer = new EventOrganizer("Agence de l'eau Sud-Garonne", "https://eau-sud-garonne.example.org"),
                Price = Free, Themes = ["eau", "biodiversite-nature-en-ville"],
            }, true),
            (new EventContent
            {
                Title = "Pavillon France au Salon de la ville durable de Montréal",
                Kind = EventKind.Salon,
                Summary = "Dix entreprises et trois agences françaises présentent leurs solutions aux villes québécoises.",
                Description = "<p>Horaires en heure de Montréal. Rendez-vous d'affaires sur demande.</p>",
                Start = At(60, 10), End = At(60, 18), TimeZone = "America/Toronto",
                Venue = new EventVenue { Name = "Palais des congrès (salle B)", Address = "1001 place Jean-Paul-Riopelle", PostalCode = "H2Z 1H5", City = "Montréal", Country = "CA", RegionCode = "99" },
                Organizer = Vivapolis, RegistrationUrl = "https://vivapolis.example.org/pavillon-montreal",
                Price = Free, Themes = ["international"],
            }, true),
            (new EventContent
            {
                Title = "Atelier : adapter les villes tropicales à la chaleur",
                Kind = EventKind.Atelier,
                Summary = "Ombrage, ventilation naturelle et matériaux clairs : un atelier pour les services techniques de l'océan Indien.",
                Description = "<p>Horaires de La Réunion (UTC+4).</p>",
                Start = At(20, 9), End = At(20, 12), TimeZone = "Indian/Reunion",
                Venue = new EventVenue { Name = "Maison de l'aménagement tropical", Address = "40 rue de Paris", PostalCode = "97400", City = "Saint-Denis", RegionCode = "04" },
                Organizer = new EventOrganizer("Institut des territoires tropicaux durables", "https://territoires-tropicaux.example.org"),
                Price = Free, Themes = ["biodiversite-nature-en-ville", "batiment-habitat"],
            }, true),
            (new EventContent
            {
                Title = "Matinale : les réseaux de chaleur urbains",
                Kind = EventKind.Matinale,
                Summary = "Biomasse, géothermie, chaleur fatale : étendre un réseau de chaleur sans faire exploser la facture.",
                Description = "<p>Avec la régie municipale de Strasbourg-Ouest et un bureau d'études spécialisé.</p>",
                Start = At(-30, 8, 30), End = At(-30, 10, 30),
                Venue = new EventVenue { Name = "Salle des Tanneurs", Address = "2 rue du Rhin", PostalCode = "67000", City = "Strasbourg", RegionCode = "44" },
                Organizer = Vivapolis, Price = Free, Themes = ["energie", "services-urbains"],
            }, true),
            (new EventContent
            {
                Title = "Webinaire : Action cœur de ville, bilan et perspectives",
                Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online,
                Summary = "Ce que le plan a changé dans les villes moyennes, et comment financer la suite.",
                Description = "<p>Le replay est disponible pour les membres du réseau.</p>",
                Start = At(-12, 11), End = At(-12, 12, 15),
                OnlineUrl = "https://webinaires.example.org/action-coeur-de-ville",
                Organizer = new EventOrganizer("Association des villes moyennes durables", "https://villes-moyennes.example.org"),
                Price = Free, Themes = ["financement", "amenagement-urbanisme"],
            }, true),
            (new EventContent
            {
                Title = "Visite du centre de tri de la métropole lilloise",
                Kind = EventKind.Visite,
                Summary = "Tri optique, recyclage des plastiques souples : une visite guidée du nouveau centre.",
                Description = "<p>Chaussures fermées obligatoires. Groupe limité à 25 personnes.</p>",
                Start = At(-60, 14), End = At(-60, 16, 30),
                Venue = new EventVenue { Name = "Centre de tri Lille-Nord", Address = "150 rue de l'Industrie", PostalCode = "59000", City = "Lille", RegionCode = "32" },
                Organizer = new EventOrganizer("Syndicat mixte de valorisation du Nord", null),
                Price = Free, Themes = ["dechets-economie-circulaire"],
            }, true),
            (new EventContent
            {
                Title = "Rencontre des élus : gouvernance et participation citoyenne",
                Kind = EventKind.Rencontre, EventStatus = EventStatus.Rescheduled,
                Summary = "Nouvelle date : budgets participatifs, conventions citoyennes et conseils de quartier.",
                Description = "<p>La rencontre, prévue initialement au printemps, a été déplacée à cette date.</p>",
                Start = At(38, 9, 30), End = At(38, 16, 30),
                Venue = new EventVenue { Name = "Palais des congrès de Dijon", Address = "3 boulevard de Champagne", PostalCode = "21000", City = "Dijon", RegionCode = "27" },
                Organizer = new EventOrganizer("Association des villes moyennes durables", "https://villes-moyennes.example.org"),
                Price = new EventPrice(false, 0m, "Déjeuner offert aux élus inscrits"), Themes = ["gouvernance-participation"],
            }, true),
            (new EventContent
            {
                Title = "Atelier : construire en bois et en terre crue",
                Kind = EventKind.Atelier,
                Summary = "Une journée pratique pour les maîtres d'ouvrage publics : filières locales, assurances, chantiers témoins.",
                Description = "<p>Visite d'un chantier de groupe scolaire l'après-midi.</p>",
                Start = At(52, 9), End = At(52, 17),
                Venue = new EventVenue { Name = "Cluster Bois-Terre", Address = "7 quai de Boisguilbert", PostalCode = "76000", City = "Rouen", RegionCode = "28" },
                Organizer = new EventOrganizer("Cluster Bois-Terre Normandie", "https://bois-terre.example.org"),
                RegistrationUrl = "https://bois-terre.example.org/atelier",
                Price = new EventPrice(false, 20m, "Repas compris"), Themes = ["batiment-habitat", "dechets-economie-circulaire"],
            }, true),
            (new EventContent
            {
                Title = "Conférence : qualité de l'air et urbanisme",
                Kind = EventKind.Conference,
                Summary = "Zones à faibles émissions, écoles et axes routiers : comment le plan local d'urbanisme protège les poumons.",
                Description = "<p>Avec l'Observatoire de l'air alpin et trois urbanistes de collectivités.</p>",
                Start = At(75, 9), End = At(75, 17),
                Venue = new EventVenue { Name = "Maison de la montagne et de l'air", Address = "14 rue Félix-Viallet", PostalCode = "38000", City = "Grenoble", RegionCode = "84" },
                Organizer = new EventOrganizer("Observatoire de l'air alpin", "https://air-alpin.example.org"),
                RegistrationUrl = "https://air-alpin.example.org/conference",
                Price = new EventPrice(false, 45m, "Tarif réduit de 20 € pour les étudiants"), Themes = ["air", "amenagement-urbanisme"],
            }, true),
            (new EventContent
            {
                Title = "Journée portes ouvertes des tiers-lieux numériques",
                Kind = EventKind.Rencontre, AllDay = true,
                Summary = "Fab labs, espaces de coworking et médiation numérique ouvrent leurs portes aux élus et aux habitants.",
                Description = "<p>Programme libre toute la journée, dans une quinzaine de lieux de la métropole.</p>",
                Start = Day(3), End = Day(3),
                Venue = new EventVenue { Name = "Tiers-lieu La Fabrique", Address = "9 rue de Bourgogne", PostalCode = "45000", City = "Orléans", RegionCode = "24" },
                Organizer = new EventOrganizer("Réseau des tiers-lieux du Centre", null),
                Price = Free, Themes = ["numerique-donnees", "gouvernance-participation"],
            }, true),
            (new EventContent
            {
                Title = "Salon européen des territoires durables",
                Kind = EventKind.Salon, AllDay = true,
                Summary = "Le réseau Vivapolis y tenait un stand avec douze de ses membres.",
                Description = "<p>Retrouvez les comptes rendus des conférences dans la lettre mensuelle.</p>",
                Start = Day(-90), End = Day(-90).AddDays(2),
                Venue = new EventVenue { Name = "Parc des expositions de la Porte Sud", Address = "1 place de la Porte-Sud", PostalCode = "75015", City = "Paris", RegionCode = "11" },
                Organizer = new EventOrganizer("Territoires Expo", "https://territoires-expo.example.org"),
                Price = new EventPrice(false, 25m, null), Themes = ["international", "services-urbains"],
            }, true),
            (new EventContent
            {
                Title = "Matinale : les services urbains face aux canicules",
                Kind = EventKind.Matinale,
                Summary = "Brouillon : eau, propreté, transports, comment les services s'organisent pendant les vagues de chaleur.",
                Start = At(90, 8, 30), End = At(90, 10, 30),
                Venue = new EventVenue { Name = "Maison de la ville durable", Address = "12 rue des Tanneurs", PostalCode = "75013", City = "Paris", RegionCode = "11" },
                Organizer = Vivapolis, Themes = ["services-urbains", "biodiversite-nature-en-ville"],
            }, false),
            (new EventContent
            {
                Title = "Webinaire : financer l'économie circulaire avec les fonds européens",
                Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online,
                Summary = "Brouillon en préparation avec la délégation aux affaires européennes.",
                Start = At(100, 11), End = At(100, 12),
                OnlineUrl = "https://webinaires.example.org/fonds-europeens-economie-circulaire",
                Organizer = Vivapolis, Themes = ["dechets-economie-circulaire", "financement"],
            }, false),
        ];
    }

    /// <summary>The next last Sunday of March or October after this day: when clocks change in Europe.</summary>
    private static DateOnly NextClockChange(DateOnly after)
    {
        for (var year = after.Year; ; year++)
            foreach (var month in new[] { 3, 10 })
            {
                var lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
                var lastSunday = lastDay.AddDays(-(int)lastDay.DayOfWeek);
                if (lastSunday > after) return lastSunday;
            }
    }
}
