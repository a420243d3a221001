using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;
using static Vivapolis.Contracts.Fiches.ActorKind;
using Source = Vivapolis.Contracts.Fiches.FinancingSource;

namespace Vivapolis.Api.Demo;

/// <summary>
/// The demo fiches: exemplary actions in France and abroad. Towns in France, organisations and people are invented;
/// départements and regions are real so that the filters mean something. Addresses are on example.org.
/// </summary>
public static class DemoFicheTexts
{
    /// <summary>The French and English versions of the fiche from Morocco share this group.</summary>
    private static readonly Guid KenitraGroup = Guid.Parse("0195f0a2-7c4e-7b1a-9d1e-2f6a0c3b5e71");

    public static readonly IReadOnlyList<(FicheContent Content, bool Publish)> All =
    [
        (new FicheContent
        {
            Title = "Un réseau de chaleur biomasse pour le port de Kerlaouen",
            Summary = "La ville et un exploitant privé ont remplacé les chaudières au fioul de 1 900 logements et de la criée par une chaufferie bois alimentée par les haies du bocage.",
            Territory = In("Kerlaouen", "Finistère", "53"),
            Actors =
            [
                new("Ville de Kerlaouen", Collectivite, "maître d'ouvrage"),
                new("Armor Biomasse Énergies", Entreprise, "concessionnaire du réseau"),
                new("Agence locale de l'énergie du pays de Kerlaouen", AgencePublique, "assistance à maîtrise d'ouvrage"),
                new("Coopérative bocagère du Léon", Association, "approvisionnement en bois"),
            ],
            Challenge = "<p>Le port et les quartiers d'habitat social étaient chauffés au fioul, avec des factures qui pesaient sur les ménages et sur la criée.</p>",
            Actions = "<p>Une chaufferie bois de 6 MW et 9 km de réseau ont été construits dans le cadre d'une délégation de service public. Le bois vient de haies gérées durablement à moins de 50 km.</p>",
            Results = "<p>Les énergies renouvelables couvrent désormais 72 % des besoins du réseau et le prix de la chaleur a baissé pour les abonnés.</p>",
            Indicators = [new("Émissions de CO₂ évitées", 4800, "tonnes par an"), new("Part d'énergie renouvelable du réseau", 72, "%"), new("Logements raccordés", 1900, "logements")],
            Financing = [new(Source.Pia, 2_400_000m, "Démonstrateurs de la ville durable"), new(Source.Collectivite, 1_100_000m, null), new(Source.Prive, 3_200_000m, "Armor Biomasse Énergies")],
            Period = new(new DateOnly(2019, 3, 1), new DateOnly(2023, 10, 31)),
            Contact = Contact("Maëlle Guivarc'h", "Ville de Kerlaouen", "chaleur-kerlaouen"),
            Links = [new("Le réseau de chaleur en chiffres", "https://www.example.org/kerlaouen/reseau-de-chaleur")],
            Themes = ["energie", "services-urbains"],
            Tags = ["biomasse", "réseau de chaleur", "délégation de service public"],
            Seo = new SeoFields("Réseau de chaleur biomasse à Kerlaouen", "Une chaufferie bois alimentée par le bocage chauffe 1 900 logements et le port."),
        }, true),
        (new FicheContent
        {
            Title = "Saint-Aurèle-sur-Loire rouvre les commerces de son centre-ville",
            Summary = "Avec Action cœur de ville, une foncière commerciale rachète et rénove les cellules vides pour les louer à des commerçants qui s'installent.",
            Territory = In("Saint-Aurèle-sur-Loire", "Loiret", "24"),
            Actors =
            [
                new("Ville de Saint-Aurèle-sur-Loire", Collectivite, "porteur du programme"),
                new("Foncière Centre-Loire Commerces", Entreprise, "rachat et rénovation des locaux"),
                new("Union des commerçants aurélois", Association, "accueil des nouveaux commerçants"),
                new("Services de l'État dans le Loiret", Etat, "pilotage de la convention"),
            ],
            Challenge = "<p>Un local sur cinq était vide dans la grande rue, et les propriétaires ne trouvaient plus de repreneurs.</p>",
            Actions = "<p>Dans le cadre du programme <strong>Action cœur de ville</strong>, la foncière a racheté 26 locaux, les a rénovés et les loue à loyer progressif. Une boutique à l'essai permet de tester une activité pendant six mois.</p>",
            Results = "<p>23 commerces ont ouvert en trois ans, dont une épicerie de produits locaux et un atelier de réparation de vélos.</p>",
            Indicators = [new("Taux de vacance commerciale", 9, "%"), new("Commerces ouverts", 23, "commerces"), new("Emplois créés", 41, "emplois")],
            Financing = [new(Source.ActionCoeurDeVille, 1_800_000m, "Convention Action cœur de ville"), new(Source.Collectivite, 600_000m, null), new(Source.Prive, 900_000m, "Foncière Centre-Loire Commerces")],
            Period = new(new DateOnly(2020, 9, 1), new DateOnly(2024, 6, 30)),
            Contact = Contact("Hervé Lancelin", "Ville de Saint-Aurèle-sur-Loire", "coeur-de-ville-aurele"),
            Links = [new("La boutique à l'essai", "https://www.example.org/saint-aurele/boutique-a-l-essai")],
            Themes = ["amenagement-urbanisme", "financement"],
            Tags = ["centre-ville", "commerce", "foncière"],
        }, true),
        (new FicheContent
        {
            Title = "Des navettes électriques à la demande dans la vallée de la Vaurenne",
            Summary = "Une communauté de communes rurale remplace des lignes de car peu fréquentées par des navettes électriques réservées en ligne ou par téléphone.",
            Territory = In("Vaurenne", "Drôme", "84"),
            Actors =
            [
                new("Communauté de communes du Haut-Vaurenne", Collectivite, "autorité organisatrice"),
                new("MobiVallée", Entreprise, "exploitant"),
                new("Laboratoire des mobilités rurales de l'université de Valrose", Recherche, "évaluation"),
            ],
            Challenge = "<p>Un tiers des habitants de plus de 70 ans n'a pas de voiture, et les cars scolaires ne servaient qu'aux heures de classe.</p>",
            Actions = "<p>Six navettes électriques circulent de 7 h à 20 h entre les villages et la gare. Les réservations se font jusqu'à une heure avant le départ.</p>",
            Results = "<p>La fréquentation a dépassé les prévisions dès la deuxième année, surtout pour les rendez-vous médicaux.</p>",
            Indicators = [new("Trajets", 38000, "trajets par an"), new("Usagers sans voiture", 61, "%")],
            Financing = [new(Source.Europe, 420_000m, "LEADER"), new(Source.Etat, 300_000m, "Fonds mobilités rurales"), new(Source.Collectivite, 250_000m, null)],
            Period = new(new DateOnly(2021, 4, 1), null),
            Contact = Contact("Solène Mazet", "Communauté de communes du Haut-Vaurenne", "navettes-vaurenne"),
            Themes = ["mobilite", "services-urbains"],
            Tags = ["transport à la demande", "rural", "véhicules électriques"],
        }, true),
        (new FicheContent
        {
            Title = "Rénovation énergétique des écoles de Brévannes-la-Forêt",
            Summary = "Neuf écoles rénovées en un seul marché global de performance : l'entreprise s'engage sur les économies pendant huit ans.",
            Territory = In("Brévannes-la-Forêt", "Essonne", "11"),
            Actors =
            [
                new("Ville de Brévannes-la-Forêt", Collectivite, "maître d'ouvrage"),
                new("Écoles Sobres", Entreprise, "titulaire du marché global de performance"),
                new("Caisse publique d'investissement local", AgencePublique, "prêt de long terme"),
            ],
            Challenge = "<p>Les écoles, construites dans les années 1970, représentaient la moitié de la facture énergétique de la commune.</p>",
            Actions = "<p>Isolation par l'extérieur, remplacement des menuiseries, ventilation double flux et pilotage du chauffage salle par salle. Les travaux ont été faits pendant les vacances scolaires.</p>",
            Results = "<p>La consommation a baissé de 44 % et le confort d'été s'est nettement amélioré.</p>",
            Indicators = [new("Consommation d'énergie", -44, "%"), new("Écoles rénovées", 9, "écoles"), new("Élèves concernés", 2150, "élèves")],
            Financing = [new(Source.Etat, 1_200_000m, "Dotation de soutien à l'investissement local"), new(Source.Collectivite, 2_100_000m, null), new(Source.Prive, 800_000m, "Tiers-financement")],
            Period = new(new DateOnly(2022, 7, 1), new DateOnly(2024, 8, 31)),
            Contact = Contact("Karim Benhadj", "Ville de Brévannes-la-Forêt", "ecoles-brevannes"),
            Links = [new("Le marché global de performance expliqué", "https://www.example.org/brevannes/marche-performance")],
            Themes = ["batiment-habitat", "energie"],
            Tags = ["écoles", "contrat de performance énergétique"],
        }, true),
        (new FicheContent
        {
            Title = "Une ressourcerie au cœur d'un quartier prioritaire de Wattrelin",
            Summary = "Une association d'insertion collecte, répare et revend meubles et objets au pied des immeubles, avec le bailleur et la ville.",
            Territory = In("Wattrelin", "Nord", "32"),
            Actors =
            [
                new("Ressourcerie La Seconde Main", Association, "porteur du projet"),
                new("Ville de Wattrelin", Collectivite, "mise à disposition du local"),
                new("Habitat Nord Avenir", Entreprise, "bailleur social, collecte dans les résidences"),
            ],
            Challenge = "<p>Les dépôts sauvages d'encombrants coûtaient cher à la ville et dégradaient le cadre de vie du quartier.</p>",
            Actions = "<p>La ressourcerie collecte dans les halls, répare dans un atelier ouvert aux habitants et revend à petits prix. Des ateliers de réparation ont lieu chaque samedi.</p>",
            Results = "<p>Les dépôts sauvages ont diminué de moitié et quatorze personnes ont retrouvé un emploi.</p>",
            Indicators = [new("Objets réemployés", 640, "tonnes par an"), new("Salariés en insertion", 14, "personnes"), new("Dépôts sauvages", -50, "%")],
            Financing = [new(Source.Collectivite, 250_000m, null), new(Source.Europe, 180_000m, "Fonds social européen"), new(Source.Prive, 60_000m, "Habitat Nord Avenir")],
            Period = new(new DateOnly(2020, 1, 15), null),
            Contact = Contact("Nadia Vandewalle", "Ressourcerie La Seconde Main", "seconde-main"),
            Themes = ["dechets-economie-circulaire", "gouvernance-participation"],
            Tags = ["réemploi", "insertion", "quartier prioritaire"],
        }, true),
        (new FicheContent
        {
            Title = "Des cours d'école désimperméabilisées à Castelmoron-d'Aulne",
            Summary = "Les cours en bitume deviennent des cours plantées qui absorbent la pluie et rafraîchissent les élèves pendant les vagues de chaleur.",
            Territory = In("Castelmoron-d'Aulne", "Gironde", "75"),
            Actors =
            [
                new("Ville de Castelmoron-d'Aulne", Collectivite, "maître d'ouvrage"),
                new("Terres Vives Paysage", Entreprise, "conception et travaux"),
                new("Association des parents d'élèves de l'Aulne", Association, "chantiers participatifs"),
            ],
            Challenge = "<p>Les cours atteignaient 50 °C au sol en juin et les eaux de pluie saturaient le réseau unitaire.</p>",
            Actions = "<p>Quatre cours ont été dessinées avec les élèves : pleine terre, arbres, noues et copeaux remplacent le bitume. Les parents ont planté lors de chantiers du samedi.</p>",
            Results = "<p>La température ressentie a baissé de plusieurs degrés et l'eau de pluie s'infiltre sur place.</p>",
            Indicators = [new("Surface désimperméabilisée", 5600, "m²"), new("Arbres plantés", 130, "arbres")],
            Financing = [new(Source.Autre, 480_000m, "Agence de l'eau, appel à projets cours d'école"), new(Source.Collectivite, 320_000m, null)],
            Period = new(new DateOnly(2022, 1, 10), new DateOnly(2023, 9, 1)),
            Contact = Contact("Laure Dubernet", "Ville de Castelmoron-d'Aulne", "cours-oasis-aulne"),
            Themes = ["biodiversite-nature-en-ville", "eau"],
            Tags = ["cours oasis", "îlot de chaleur", "gestion des eaux pluviales"],
        }, true),
        (new FicheContent
        {
            Title = "Un jumeau numérique pour piloter l'éclairage public de Hombourg-la-Vallée",
            Summary = "Une agglomération modélise ses 12 400 points lumineux pour éteindre, baisser et remplacer au bon endroit.",
            Territory = In("Hombourg-la-Vallée", "Moselle", "44"),
            Actors =
            [
                new("Communauté d'agglomération de Hombourg-la-Vallée", Collectivite, "maître d'ouvrage"),
                new("LumiData", Entreprise, "plateforme de données"),
                new("Laboratoire lorrain des systèmes urbains", Recherche, "modèles de prévision"),
            ],
            Challenge = "<p>Le parc d'éclairage était mal connu et la facture avait doublé en deux ans.</p>",
            Actions = "<p>Chaque point lumineux a été relevé, géolocalisé et relié à une plateforme qui simule l'effet d'une extinction ou d'un passage en LED avant de décider.</p>",
            Results = "<p>La consommation a baissé de 58 % et les trames noires protègent désormais les corridors de chauves-souris.</p>",
            Indicators = [new("Consommation d'électricité", -58, "%"), new("Points lumineux modélisés", 12400, "points lumineux")],
            Financing = [new(Source.Pia, 900_000m, "Territoires d'innovation"), new(Source.Collectivite, 700_000m, null)],
            Period = new(new DateOnly(2021, 9, 1), new DateOnly(2024, 3, 31)),
            Contact = Contact("Thomas Kieffer", "Communauté d'agglomération de Hombourg-la-Vallée", "eclairage-hombourg"),
            Themes = ["numerique-donnees", "energie", "services-urbains"],
            Tags = ["jumeau numérique", "éclairage public", "sobriété"],
        }, true),
        (new FicheContent
        {
            Title = "Un budget participatif pour le climat à Castelnau-des-Vignes",
            Summary = "Les habitants proposent et votent des projets pour le climat : 1,5 million d'euros par an leur est réservé.",
            Territory = In("Castelnau-des-Vignes", "Hérault", "76"),
            Actors =
            [
                new("Ville de Castelnau-des-Vignes", Collectivite, "organisation et réalisation"),
                new("Climat Citoyen des Garrigues", Association, "accompagnement des porteurs de projets"),
            ],
            Challenge = "<p>La ville voulait associer les habitants à son plan climat autrement que par des réunions publiques peu suivies.</p>",
            Actions = "<p>Chaque année, les habitants déposent des idées, un comité citoyen vérifie leur faisabilité avec les services, puis tout le monde vote dès 12 ans.</p>",
            Results = "<p>37 projets ont été réalisés : vergers, abris vélos, fontaines, ombrières dans les cours.</p>",
            Indicators = [new("Votants", 4200, "personnes"), new("Projets réalisés", 37, "projets")],
            Financing = [new(Source.Collectivite, 1_500_000m, "par an")],
            Period = new(new DateOnly(2021, 3, 1), null),
            Contact = Contact("Pauline Roustan", "Ville de Castelnau-des-Vignes", "budget-climat"),
            Themes = ["gouvernance-participation", "biodiversite-nature-en-ville"],
            Tags = ["budget participatif", "plan climat"],
        }, true),
        (new FicheContent
        {
            Locale = Locale.Fr,
            TranslationGroup = KenitraGroup,
            Title = "Réduire les pertes du réseau d'eau potable de Kénitra",
            Summary = "Un opérateur marocain et une ingénierie française sectorisent le réseau et traquent les fuites pour gagner seize points de rendement.",
            Territory = Abroad("Kénitra", "MA"),
            Actors =
            [
                new("Régie de distribution d'eau du Gharb", AgencePublique, "maître d'ouvrage"),
                new("Hydrosphère Ingénierie", Entreprise, "sectorisation et recherche de fuites"),
                new("Opérateur public français de coopération", AgencePublique, "financement et suivi"),
            ],
            Challenge = "<p>Plus d'un tiers de l'eau produite se perdait avant d'arriver au robinet, alors que la ressource baisse avec les sécheresses.</p>",
            Actions = "<p>Le réseau a été découpé en 48 secteurs équipés de compteurs. Des équipes locales formées à la recherche acoustique des fuites interviennent chaque nuit.</p>",
            Results = "<p>Le rendement du réseau est passé de 62 à 78 %, l'équivalent de la consommation de 90 000 habitants.</p>",
            Indicators = [new("Rendement du réseau", 78, "%"), new("Gain de rendement", 16, "points"), new("Techniciens formés", 55, "personnes")],
            Financing = [new(Source.Autre, 12_000_000m, "Prêt concessionnel"), new(Source.Europe, 3_000_000m, "Facilité d'investissement pour le voisinage"), new(Source.Prive, 2_000_000m, null)],
            Period = new(new DateOnly(2019, 6, 1), new DateOnly(2024, 12, 31)),
            Contact = Contact("Youssef Alaoui", "Hydrosphère Ingénierie", "eau-kenitra"),
            Links = [new("Présentation du projet", "https://www.example.org/kenitra/pertes-reseau")],
            Themes = ["eau", "international", "services-urbains"],
            Tags = ["fuites", "coopération", "Maroc"],
        }, true),
        (new FicheContent
        {
            Locale = Locale.En,
            TranslationGroup = KenitraGroup,
            Slug = "reducing-water-losses-in-kenitra",
            Title = "Reducing water losses in Kénitra's drinking-water network",
            Summary = "A Moroccan utility and a French engineering firm split the network into sectors and track leaks, gaining sixteen points of efficiency.",
            Territory = Abroad("Kénitra", "MA"),
            Actors =
            [
                new("Régie de distribution d'eau du Gharb", AgencePublique, "project owner"),
                new("Hydrosphère Ingénierie", Entreprise, "network sectors and leak detection"),
                new("Opérateur public français de coopération", AgencePublique, "funding and follow-up"),
            ],
            Challenge = "<p>More than a third of the water produced was lost before reaching the tap, while droughts shrink the resource.</p>",
            Actions = "<p>The network was split into 48 metered sectors. Local teams trained in acoustic leak detection work every night.</p>",
            Results = "<p>Network efficiency rose from 62 to 78 %, the consumption of 90,000 people.</p>",
            Indicators = [new("Network efficiency", 78, "%"), new("Efficiency gain", 16, "points"), new("Technicians trained", 55, "people")],
            Financing = [new(Source.Autre, 12_000_000m, "Concessional loan"), new(Source.Europe, 3_000_000m, "Neighbourhood Investment Facility"), new(Source.Prive, 2_000_000m, null)],
            Period = new(new DateOnly(2019, 6, 1), new DateOnly(2024, 12, 31)),
            Contact = Contact("Youssef Alaoui", "Hydrosphère Ingénierie", "eau-kenitra"),
            Themes = ["eau", "international", "services-urbains"],
            Tags = ["leaks", "cooperation", "Morocco"],
        }, true),
        (new FicheContent
        {
            Title = "Des bus électriques pour le centre de Da Nang",
            Summary = "Un constructeur français et l'opérateur de la ville déploient 120 bus électriques et leurs dépôts de recharge.",
            Territory = Abroad("Da Nang", "VN"),
            Actors =
            [
                new("Société de transport public de Da Nang", AgencePublique, "exploitant"),
                new("Voltabus", Entreprise, "bus et systèmes de recharge"),
                new("Mékong Conseil", Entreprise, "études et formation des conducteurs"),
            ],
            Challenge = "<p>La ville veut offrir une alternative aux deux-roues thermiques, principale source de pollution de l'air du centre.</p>",
            Actions = "<p>Trois lignes structurantes ont été électrifiées, avec deux dépôts équipés de recharge lente la nuit et de recharge rapide en bout de ligne.</p>",
            Results = "<p>La fréquentation des trois lignes a doublé et le bruit a nettement baissé le long des axes.</p>",
            Indicators = [new("Bus électriques en service", 120, "bus"), new("Émissions de CO₂ évitées", 9500, "tonnes par an")],
            Financing = [new(Source.Autre, 28_000_000m, "Prêt concessionnel"), new(Source.Prive, 6_000_000m, "Voltabus")],
            Period = new(new DateOnly(2022, 2, 1), null),
            Contact = Contact("Camille Nguyen", "Voltabus", "bus-da-nang"),
            Themes = ["mobilite", "energie", "international", "air"],
            Tags = ["bus électrique", "Vietnam", "export"],
        }, true),
        (new FicheContent
        {
            Title = "Un quartier à énergie positive à La Chapelle-d'Erdre",
            Summary = "Aménageur public, promoteurs et fournisseur d'énergie s'associent pour un quartier de 650 logements qui produit plus qu'il ne consomme.",
            Territory = In("La Chapelle-d'Erdre", "Loire-Atlantique", "52"),
            Actors =
            [
                new("Société publique d'aménagement de l'Erdre", AgencePublique, "aménageur"),
                new("Erdre Habitat Promotion", Entreprise, "promoteur"),
                new("Énergies Partagées de l'Ouest", Entreprise, "production et boucle d'énergie locale"),
                new("Ville de La Chapelle-d'Erdre", Collectivite, "concédant"),
            ],
            Challenge = "<p>Construire 650 logements sans augmenter la dépendance du territoire aux énergies fossiles.</p>",
            Actions = "<p>Toitures solaires, géothermie sur sondes et boucle d'autoconsommation collective gérée par une société de projet où la ville et les habitants sont actionnaires.</p>",
            Results = "<p>Sur une année, le quartier produit 112 % de l'énergie qu'il consomme.</p>",
            Indicators = [new("Logements", 650, "logements"), new("Couverture des besoins par la production locale", 112, "%")],
            Financing = [new(Source.Pia, 3_500_000m, "Démonstrateurs de la ville durable"), new(Source.Prive, 42_000_000m, null), new(Source.Collectivite, 4_000_000m, null)],
            Period = new(new DateOnly(2018, 5, 1), new DateOnly(2025, 4, 30)),
            Contact = Contact("Erwan Rialland", "Société publique d'aménagement de l'Erdre", "quartier-positif-erdre"),
            Themes = ["energie", "batiment-habitat", "amenagement-urbanisme"],
            Tags = ["énergie positive", "autoconsommation collective", "partenariat public-privé"],
        }, true),
        (new FicheContent
        {
            Title = "Covoiturage domicile-travail au parc d'activités du Val-d'Orne",
            Summary = "Quatorze entreprises d'une zone d'activités et la communauté urbaine lancent une ligne de covoiturage sans réservation.",
            Territory = In("Val-d'Orne", "Calvados", "28"),
            Actors =
            [
                new("Communauté urbaine du Val-d'Orne", Collectivite, "financement des trajets"),
                new("Club des entreprises du parc Orne Activités", OrganisationProfessionnelle, "mobilisation des salariés"),
                new("Covoit'Normand", Entreprise, "application et animation"),
            ],
            Challenge = "<p>Neuf salariés sur dix venaient seuls en voiture, et le parking de la zone était saturé.</p>",
            Actions = "<p>Des arrêts matérialisés, une application qui garantit un retour et des trajets gratuits pour les passagers pendant la première année.</p>",
            Results = "<p>La part de l'autosolisme a baissé de neuf points en dix-huit mois.</p>",
            Indicators = [new("Covoitureurs inscrits", 1300, "personnes"), new("Autosolisme", -9, "points")],
            Financing = [new(Source.Etat, 150_000m, "Appel à projets mobilités du quotidien"), new(Source.Prive, 90_000m, "Entreprises du parc")],
            Period = new(new DateOnly(2023, 1, 9), null),
            Contact = Contact("Julie Lecornu", "Club des entreprises du parc Orne Activités", "covoiturage-orne"),
            Themes = ["mobilite"],
            Tags = ["covoiturage", "plan de mobilité employeur"],
        }, true),
        (new FicheContent
        {
            Title = "Une halle alimentaire dans l'ancienne gare de Clamerey-sur-Yonne",
            Summary = "La gare désaffectée devient une halle de producteurs locaux, premier chantier du plan de revitalisation du centre.",
            Territory = In("Clamerey-sur-Yonne", "Nièvre", "27"),
            Actors =
            [
                new("Ville de Clamerey-sur-Yonne", Collectivite, "maître d'ouvrage"),
                new("Coopérative des producteurs du Morvan nivernais", Association, "exploitation de la halle"),
                new("Atelier Vauban Architectes", Entreprise, "maîtrise d'œuvre"),
            ],
            Challenge = "<p>Le centre perdait ses commerces alimentaires, et la gare, vide depuis vingt ans, se dégradait face à la mairie.</p>",
            Actions = "<p>Retenue au titre du programme Action cœur de ville, la commune a réhabilité la gare en conservant sa charpente. Vingt producteurs y vendent trois jours par semaine.</p>",
            Results = "<p>La halle attire 2 500 visiteurs par semaine et deux commerces ont rouvert dans la rue voisine.</p>",
            Indicators = [new("Producteurs présents", 20, "producteurs"), new("Visiteurs", 2500, "par semaine")],
            Financing = [new(Source.ActionCoeurDeVille, 950_000m, null), new(Source.Europe, 400_000m, "FEDER"), new(Source.Collectivite, 500_000m, null)],
            Period = new(new DateOnly(2021, 2, 1), new DateOnly(2023, 5, 13)),
            Contact = Contact("Bernard Thévenot", "Ville de Clamerey-sur-Yonne", "halle-clamerey"),
            Themes = ["amenagement-urbanisme", "services-urbains"],
            Tags = ["centre-ville", "circuits courts", "patrimoine"],
        }, true),
        (new FicheContent
        {
            Title = "Renaturer les berges de la Gère à Vienne-la-Rivière",
            Summary = "Un syndicat de rivière retire 3 km d'enrochements et replante les berges pour réduire les crues et rendre la rivière aux habitants.",
            Territory = In("Vienne-la-Rivière", "Isère", "84"),
            Actors =
            [
                new("Syndicat de rivière Gère et affluents", Collectivite, "maître d'ouvrage"),
                new("Génie Écologique Alpin", Entreprise, "travaux"),
                new("Naturalistes du Bas-Dauphiné", Association, "inventaires de biodiversité"),
            ],
            Challenge = "<p>La rivière, enfermée dans des murs et des enrochements, débordait en ville à chaque crue importante.</p>",
            Actions = "<p>Les berges ont été reprofilées en pente douce, plantées d'espèces locales, et une promenade relie désormais deux quartiers.</p>",
            Results = "<p>La zone inondable urbaine a reculé et 41 nouvelles espèces ont été observées.</p>",
            Indicators = [new("Berges renaturées", 3.2m, "km"), new("Espèces nouvellement observées", 41, "espèces")],
            Financing = [new(Source.Europe, 1_200_000m, "Programme LIFE"), new(Source.Autre, 900_000m, "Agence de l'eau"), new(Source.Collectivite, 600_000m, null)],
            Period = new(new DateOnly(2020, 10, 1), new DateOnly(2023, 3, 31)),
            Contact = Contact("Agnès Berthollet", "Syndicat de rivière Gère et affluents", "berges-gere"),
            Themes = ["biodiversite-nature-en-ville", "eau"],
            Tags = ["renaturation", "crues", "génie écologique"],
        }, true),
        (new FicheContent
        {
            Title = "Des capteurs citoyens pour mesurer l'air des Pennes-sur-Étang",
            Summary = "250 habitants accueillent un capteur de particules : leurs mesures, croisées avec celles d'un laboratoire, guident les actions de la métropole.",
            Territory = In("Les Pennes-sur-Étang", "Bouches-du-Rhône", "93"),
            Actors =
            [
                new("Air Vigilant", Association, "recrutement et animation des volontaires"),
                new("Laboratoire méditerranéen de chimie de l'atmosphère", Recherche, "étalonnage et analyse"),
                new("Métropole du Grand Étang", Collectivite, "plan d'action"),
                new("Capteo", Entreprise, "fabrication des capteurs"),
            ],
            Challenge = "<p>Les riverains de la zone industrialo-portuaire se plaignaient d'épisodes de pollution que les stations officielles ne voyaient pas.</p>",
            Actions = "<p>Les capteurs ont été installés sur les balcons et dans les écoles ; les données ouvertes sont publiées en temps réel et discutées chaque trimestre.</p>",
            Results = "<p>Trois points noirs ont été identifiés, et la métropole y a modifié la circulation des poids lourds.</p>",
            Indicators = [new("Capteurs installés", 250, "capteurs"), new("Citoyens participants", 1800, "personnes")],
            Financing = [new(Source.Collectivite, 180_000m, null), new(Source.Europe, 220_000m, "Interreg")],
            Period = new(new DateOnly(2022, 4, 1), null),
            Contact = Contact("Rémi Castellan", "Air Vigilant", "capteurs-air"),
            Themes = ["air", "numerique-donnees", "gouvernance-participation"],
            Tags = ["qualité de l'air", "sciences participatives", "données ouvertes"],
        }, true),
        (new FicheContent
        {
            Title = "La chaleur d'un centre de données chauffe 5 000 logements à Saint-Ouen-la-Plaine",
            Summary = "Un opérateur de centre de données et un syndicat de chauffage urbain récupèrent la chaleur des serveurs au lieu de la rejeter.",
            Territory = In("Saint-Ouen-la-Plaine", "Seine-Saint-Denis", "11"),
            Actors =
            [
                new("Datacentre Nord-Parisien", Entreprise, "fournisseur de chaleur"),
                new("Syndicat intercommunal de chaleur de la Plaine", Collectivite, "réseau de chaleur"),
                new("Ville de Saint-Ouen-la-Plaine", Collectivite, "raccordement des équipements publics"),
            ],
            Challenge = "<p>Le centre de données rejetait 25 GWh de chaleur par an dans l'air, à deux kilomètres d'un réseau de chaleur alimenté au gaz.</p>",
            Actions = "<p>Des pompes à chaleur relèvent la température de l'eau de refroidissement, injectée dans le réseau par une canalisation de 2 km.</p>",
            Results = "<p>22 GWh par an sont récupérés, et le réseau a réduit d'un tiers sa consommation de gaz.</p>",
            Indicators = [new("Chaleur récupérée", 22, "GWh par an"), new("Logements chauffés", 5000, "logements")],
            Financing = [new(Source.Prive, 5_000_000m, "Datacentre Nord-Parisien"), new(Source.Autre, 1_600_000m, "Fonds chaleur")],
            Period = new(new DateOnly(2021, 6, 1), new DateOnly(2023, 11, 30)),
            Contact = Contact("Inès Marchand", "Syndicat intercommunal de chaleur de la Plaine", "chaleur-fatale-plaine"),
            Themes = ["energie", "numerique-donnees"],
            Tags = ["chaleur fatale", "centre de données", "partenariat public-privé"],
        }, true),
        (new FicheContent
        {
            Title = "Valoriser les sargasses échouées à Pointe-des-Sables",
            Summary = "Une commune de Guadeloupe, une jeune entreprise et l'université transforment les algues ramassées en compost et en matériau de construction.",
            Territory = In("Pointe-des-Sables", "Guadeloupe", "01"),
            Actors =
            [
                new("Commune de Pointe-des-Sables", Collectivite, "ramassage sur les plages"),
                new("Sarga'Valor", Entreprise, "traitement et valorisation"),
                new("Laboratoire des matériaux caribéens", Recherche, "essais de matériaux"),
                new("Services de l'État en Guadeloupe", Etat, "coordination du plan sargasses"),
            ],
            Challenge = "<p>Les échouements massifs dégagent des gaz toxiques, ferment des écoles et coûtent cher à ramasser.</p>",
            Actions = "<p>Les algues sont ramassées dans les 48 heures, lavées, séchées puis transformées en compost et en briques de terre crue.</p>",
            Results = "<p>Le temps de présence des algues sur les plages a été divisé par trois.</p>",
            Indicators = [new("Sargasses valorisées", 3200, "tonnes par an"), new("Délai de ramassage", 48, "heures")],
            Financing = [new(Source.Etat, 1_400_000m, "Plan sargasses"), new(Source.Europe, 800_000m, "FEDER"), new(Source.Pia, 600_000m, null)],
            Period = new(new DateOnly(2022, 5, 1), null),
            Contact = Contact("Marc-Olivier Jean-Baptiste", "Sarga'Valor", "sargasses"),
            Themes = ["dechets-economie-circulaire", "eau"],
            Tags = ["sargasses", "outre-mer", "valorisation"],
        }, true),
        (new FicheContent
        {
            Title = "Des toitures solaires sur les logements sociaux de Saint-Gilles-des-Brisants",
            Summary = "Un bailleur social et un producteur local installent 14 MWc sur les toits et reversent une part des recettes aux locataires.",
            Territory = In("Saint-Gilles-des-Brisants", "La Réunion", "04"),
            Actors =
            [
                new("Habitat Réunion Demain", Entreprise, "bailleur social, propriétaire des toitures"),
                new("Soleil Austral Énergies", Entreprise, "producteur"),
                new("Commune de Saint-Gilles-des-Brisants", Collectivite, "facilitation"),
            ],
            Challenge = "<p>L'île produit encore une grande part de son électricité à partir d'énergies fossiles importées.</p>",
            Actions = "<p>180 toitures ont été équipées, avec un bail qui finance l'étanchéité neuve et une réduction de charges pour les locataires.</p>",
            Results = "<p>La production couvre l'équivalent de la consommation de 2 300 foyers.</p>",
            Indicators = [new("Puissance installée", 14, "MWc"), new("Foyers équivalents", 2300, "foyers")],
            Financing = [new(Source.Prive, 6_500_000m, null), new(Source.Europe, 1_200_000m, "FEDER")],
            Period = new(new DateOnly(2020, 11, 1), new DateOnly(2023, 12, 31)),
            Contact = Contact("Aurélie Payet", "Habitat Réunion Demain", "toits-solaires"),
            Themes = ["energie", "batiment-habitat"],
            Tags = ["photovoltaïque", "logement social", "outre-mer"],
        }, true),
        (new FicheContent
        {
            Title = "Compostage collectif dans les villages du Niolo-Vecchio",
            Summary = "Une intercommunalité de montagne équipe chaque village de composteurs partagés, animés par des habitants référents.",
            Territory = In("Niolo-Vecchio", "Haute-Corse", "94"),
            Actors =
            [
                new("Communauté de communes du Niolo-Vecchio", Collectivite, "équipement et collecte"),
                new("Compost'Isula", Association, "formation des référents"),
            ],
            Challenge = "<p>Les biodéchets partaient en camion vers un centre d'enfouissement à deux heures de route.</p>",
            Actions = "<p>32 sites de compostage partagé, un référent bénévole par village et une collecte du compost mûr pour les jardins communaux.</p>",
            Results = "<p>Le poids des ordures ménagères a baissé d'un quart.</p>",
            Indicators = [new("Sites de compostage", 32, "sites"), new("Ordures ménagères résiduelles", -25, "%")],
            Financing = [new(Source.Collectivite, 80_000m, null), new(Source.Autre, 60_000m, "Office de l'environnement")],
            Period = new(new DateOnly(2022, 3, 15), null),
            Contact = Contact("Petru Santucci", "Communauté de communes du Niolo-Vecchio", "compost-niolo"),
            Themes = ["dechets-economie-circulaire"],
            Tags = ["biodéchets", "montagne", "rural"],
        }, true),
        (new FicheContent
        {
            Title = "Une friche textile devenue tiers-lieu à Lannoy-sur-Marque",
            Summary = "Ville, bailleur et collectif d'habitants transforment une filature abandonnée en ateliers, logements et jardin partagé.",
            Territory = In("Lannoy-sur-Marque", "Nord", "32"),
            Actors =
            [
                new("Ville de Lannoy-sur-Marque", Collectivite, "maître d'ouvrage"),
                new("Établissement public foncier des Flandres", AgencePublique, "portage foncier et dépollution"),
                new("Collectif La Filature", Association, "programmation du tiers-lieu"),
                new("Marque Habitat", Entreprise, "logements"),
            ],
            Challenge = "<p>Une friche de trois hectares, polluée, coupait le centre-ville de la gare.</p>",
            Actions = "<p>Dépollution, conservation des halles à sheds pour des ateliers d'artisans, et 80 logements dans les bâtiments de bureaux, dans le cadre du programme Action cœur de ville.</p>",
            Results = "<p>Le tiers-lieu accueille 25 entreprises et associations, et le passage vers la gare est ouvert.</p>",
            Indicators = [new("Friche reconvertie", 3, "hectares"), new("Structures hébergées", 25, "structures"), new("Logements", 80, "logements")],
            Financing = [new(Source.ActionCoeurDeVille, 1_100_000m, null), new(Source.Etat, 2_000_000m, "Fonds friches"), new(Source.Prive, 9_000_000m, "Marque Habitat")],
            Period = new(new DateOnly(2019, 9, 1), new DateOnly(2024, 9, 30)),
            Contact = Contact("Sébastien Delattre", "Ville de Lannoy-sur-Marque", "filature"),
            Themes = ["amenagement-urbanisme", "gouvernance-participation"],
            Tags = ["friche", "tiers-lieu", "patrimoine industriel"],
        }, true),
        (new FicheContent
        {
            Title = "Des données de mobilité partagées pour le bassin de vie de Haguenheim",
            Summary = "Les autorités organisatrices et les opérateurs mettent en commun leurs données pour un calculateur d'itinéraires et des décisions éclairées.",
            Territory = In("Haguenheim", "Bas-Rhin", "44"),
            Actors =
            [
                new("Syndicat mixte des mobilités du pays de Haguenheim", Collectivite, "plateforme de données"),
                new("Transports du Ried", Entreprise, "données de transport en commun"),
                new("Vélo-Ried", Association, "comptages vélo"),
            ],
            Challenge = "<p>Chaque opérateur gardait ses données, et aucun outil ne montrait l'ensemble des façons de se déplacer.</p>",
            Actions = "<p>Un entrepôt de données ouvertes alimente un calculateur multimodal et des tableaux de bord pour les élus.</p>",
            Results = "<p>Le calculateur est utilisé 30 000 fois par mois et deux lignes ont été réorganisées à partir des données.</p>",
            Indicators = [new("Recherches d'itinéraires", 30000, "par mois"), new("Jeux de données ouverts", 46, "jeux de données")],
            Financing = [new(Source.Pia, 650_000m, null), new(Source.Collectivite, 400_000m, null)],
            Period = new(new DateOnly(2022, 10, 1), null),
            Contact = Contact("Frédéric Ostermann", "Syndicat mixte des mobilités du pays de Haguenheim", "donnees-mobilite"),
            Themes = ["numerique-donnees", "mobilite"],
            Tags = ["données ouvertes", "MaaS"],
        }, true),
        (new FicheContent
        {
            Title = "Des cantines locales et sans gaspillage à Saint-Juéry-les-Prés",
            Summary = "La cuisine centrale achète aux producteurs du département et pèse chaque jour les restes pour ajuster les quantités.",
            Territory = In("Saint-Juéry-les-Prés", "Tarn", "76"),
            Actors =
            [
                new("Ville de Saint-Juéry-les-Prés", Collectivite, "cuisine centrale en régie"),
                new("Plateforme paysanne du Tarn", Association, "regroupement de l'offre des producteurs"),
            ],
            Challenge = "<p>Un tiers des repas servis finissait à la poubelle et les produits venaient de loin.</p>",
            Actions = "<p>Menus construits avec les producteurs, pesée quotidienne des restes par les élèves, pain à la coupe et deux portions au choix.</p>",
            Results = "<p>Le gaspillage a baissé de 60 % et les économies financent la part bio et locale.</p>",
            Indicators = [new("Gaspillage alimentaire", -60, "%"), new("Produits locaux", 68, "% des achats")],
            Financing = [new(Source.Collectivite, 120_000m, null), new(Source.Etat, 45_000m, "Projet alimentaire territorial")],
            Period = new(new DateOnly(2021, 9, 1), null),
            Contact = Contact("Corinne Fabre", "Ville de Saint-Juéry-les-Prés", "cantines"),
            Themes = ["dechets-economie-circulaire", "services-urbains"],
            Tags = ["restauration collective", "gaspillage alimentaire", "circuits courts"],
        }, true),
        (new FicheContent
        {
            Title = "Des bennes à ordures à hydrogène vert à Gravenchon-sur-Seine",
            Summary = "Un électrolyseur alimenté par un parc éolien fournit l'hydrogène de douze bennes de collecte et de bus.",
            Territory = In("Gravenchon-sur-Seine", "Seine-Maritime", "28"),
            Actors =
            [
                new("Communauté de communes de l'Estuaire cauchois", Collectivite, "collecte des déchets"),
                new("H2 Estuaire", Entreprise, "production d'hydrogène"),
                new("Pôle de compétitivité Énergies de Normandie", OrganisationProfessionnelle, "montage du consortium"),
            ],
            Challenge = "<p>Les bennes diesel étaient la première source d'émissions de la flotte intercommunale.</p>",
            Actions = "<p>Un électrolyseur d'un mégawatt et une station de recharge partagée avec les bus et les transporteurs de la zone industrielle.</p>",
            Results = "<p>Douze bennes roulent à l'hydrogène sans perte d'autonomie sur les tournées rurales.</p>",
            Indicators = [new("Bennes à hydrogène", 12, "véhicules"), new("Émissions de CO₂ évitées", 780, "tonnes par an")],
            Financing = [new(Source.Pia, 2_000_000m, "Écosystèmes territoriaux hydrogène"), new(Source.Europe, 1_500_000m, null), new(Source.Prive, 1_000_000m, "H2 Estuaire")],
            Period = new(new DateOnly(2021, 1, 4), new DateOnly(2024, 6, 28)),
            Contact = Contact("Hugo Lemarchand", "H2 Estuaire", "hydrogene-estuaire"),
            Themes = ["energie", "services-urbains", "mobilite"],
            Tags = ["hydrogène", "collecte des déchets"],
        }, true),
        (new FicheContent
        {
            Title = "Un guichet unique de la rénovation de l'habitat à Sablé-la-Forêt",
            Summary = "Une maison de l'habitat accompagne les propriétaires du diagnostic au chantier, avec des artisans formés.",
            Territory = In("Sablé-la-Forêt", "Sarthe", "52"),
            Actors =
            [
                new("Communauté de communes de Sablé-la-Forêt", Collectivite, "porteur du guichet"),
                new("Artisans bâtisseurs de la Sarthe", OrganisationProfessionnelle, "formation des artisans"),
                new("Conseil habitat énergie du Sablésien", Association, "conseil aux ménages"),
            ],
            Challenge = "<p>Les ménages renonçaient face à la complexité des aides et au manque d'artisans disponibles.</p>",
            Actions = "<p>Un conseiller unique, un diagnostic gratuit, une liste d'artisans engagés et une avance des aides pour les ménages modestes.</p>",
            Results = "<p>Le nombre de rénovations complètes a triplé en deux ans.</p>",
            Indicators = [new("Ménages accompagnés", 860, "ménages"), new("Rénovations complètes", 210, "logements")],
            Financing = [new(Source.Etat, 400_000m, null), new(Source.Collectivite, 350_000m, null)],
            Period = new(new DateOnly(2022, 1, 3), null),
            Contact = Contact("Anne-Sophie Guérin", "Communauté de communes de Sablé-la-Forêt", "maison-habitat"),
            Themes = ["batiment-habitat", "gouvernance-participation", "energie"],
            Tags = ["rénovation énergétique", "accompagnement"],
        }, true),
        (new FicheContent
        {
            Title = "Un parc solaire financé par 1 100 habitants à Mauzé-les-Landes",
            Summary = "Une société citoyenne, la commune et un développeur construisent un parc solaire sur une ancienne décharge.",
            Territory = In("Mauzé-les-Landes", "Deux-Sèvres", "75"),
            Actors =
            [
                new("Les Watts des Landes", Association, "société citoyenne d'investissement"),
                new("Commune de Mauzé-les-Landes", Collectivite, "mise à disposition du terrain"),
                new("Solaris Développement", Entreprise, "développement et construction"),
            ],
            Challenge = "<p>Une ancienne décharge de six hectares ne pouvait recevoir ni logements ni cultures.</p>",
            Actions = "<p>Une campagne de financement participatif, des réunions dans chaque hameau et une gouvernance où les habitants détiennent la majorité.</p>",
            Results = "<p>Le parc produit l'équivalent de la consommation de 1 900 foyers, et les bénéfices restent sur le territoire.</p>",
            Indicators = [new("Souscripteurs", 1100, "habitants"), new("Puissance installée", 4.5m, "MWc")],
            Financing = [new(Source.Prive, 1_900_000m, "Épargne citoyenne"), new(Source.Collectivite, 200_000m, null), new(Source.Prive, 2_400_000m, "Prêt bancaire")],
            Period = new(new DateOnly(2020, 3, 1), new DateOnly(2022, 10, 15)),
            Contact = Contact("Gilles Moreau", "Les Watts des Landes", "watts-des-landes"),
            Themes = ["financement", "energie", "gouvernance-participation"],
            Tags = ["financement participatif", "énergie citoyenne", "photovoltaïque"],
        }, true),
        (new FicheContent
        {
            Title = "Un réseau électrique intelligent de quartier à Échirolles-le-Haut",
            Summary = "Brouillon : démonstrateur de pilotage des consommations entre logements, bornes de recharge et panneaux solaires.",
            Territory = In("Échirolles-le-Haut", "Isère", "84"),
            Actors =
            [
                new("Ville d'Échirolles-le-Haut", Collectivite, "territoire d'expérimentation"),
                new("Grille Alpine", Entreprise, "pilotage du réseau"),
                new("Institut alpin de l'énergie", Recherche, "évaluation"),
            ],
            Challenge = "<p>À compléter avec le porteur du projet.</p>",
            Financing = [new(Source.Pia, 4_000_000m, null)],
            Period = new(new DateOnly(2025, 1, 6), null),
            Themes = ["energie", "numerique-donnees"],
        }, false),
        (new FicheContent
        {
            Title = "Récupérer l'eau de pluie dans les écoles de Fond-Lézard",
            Summary = "Des citernes alimentent les sanitaires et l'arrosage de six écoles, moins exposées aux coupures d'eau.",
            Territory = In("Fond-Lézard", "Martinique", "02"),
            Actors =
            [
                new("Ville de Fond-Lézard", Collectivite, "maître d'ouvrage"),
                new("Caraïbes Hydro Services", Entreprise, "travaux"),
            ],
            Challenge = "<p>Les coupures d'eau à répétition obligeaient à fermer des écoles plusieurs jours par an.</p>",
            Actions = "<p>Six citernes enterrées récupèrent l'eau des toitures pour les sanitaires et l'arrosage, avec un suivi des volumes par les élèves.</p>",
            Results = "<p>Aucune école n'a fermé pour manque d'eau depuis la mise en service.</p>",
            Indicators = [new("Eau de pluie utilisée", 2400, "m³ par an"), new("Écoles équipées", 6, "écoles")],
            Financing = [new(Source.Europe, 350_000m, "FEDER"), new(Source.Collectivite, 150_000m, null)],
            Period = new(new DateOnly(2022, 8, 1), new DateOnly(2023, 8, 31)),
            Contact = Contact("Josiane Rosemain", "Ville de Fond-Lézard", "eau-de-pluie"),
            Themes = ["eau", "batiment-habitat"],
            Tags = ["eau de pluie", "écoles", "outre-mer"],
        }, true),
        (new FicheContent
        {
            Title = "Des logements bioclimatiques en bois local à Saint-Élie-du-Maroni",
            Summary = "Un bailleur et une scierie guyanaise construisent des logements ventilés naturellement, sans climatisation.",
            Territory = In("Saint-Élie-du-Maroni", "Guyane", "03"),
            Actors =
            [
                new("Habitat Maroni", Entreprise, "bailleur social"),
                new("Scierie de l'Ouest guyanais", Entreprise, "bois d'œuvre local"),
                new("Commune de Saint-Élie-du-Maroni", Collectivite, "foncier"),
                new("Laboratoire de l'habitat tropical", Recherche, "mesures de confort"),
            ],
            Challenge = "<p>La population double tous les vingt ans et les logements en béton climatisés coûtent cher à habiter.</p>",
            Actions = "<p>Maisons sur pilotis, grands débords de toit et ventilation traversante ; le bois vient de forêts gérées à moins de 100 km.</p>",
            Results = "<p>Les mesures montrent un confort d'été équivalent sans climatisation, et des charges divisées par deux.</p>",
            Indicators = [new("Logements livrés", 64, "logements"), new("Charges énergétiques", -50, "%")],
            Financing = [new(Source.Etat, 3_200_000m, "Ligne budgétaire unique"), new(Source.Europe, 1_000_000m, "FEDER"), new(Source.Prive, 2_500_000m, null)],
            Period = new(new DateOnly(2021, 5, 1), new DateOnly(2024, 11, 30)),
            Contact = Contact("Daniel Horth", "Habitat Maroni", "habitat-bois"),
            Themes = ["batiment-habitat", "energie"],
            Tags = ["bioclimatique", "bois local", "outre-mer"],
        }, true),
        (new FicheContent
        {
            Title = "Une tarification sociale et progressive de l'eau à Villers-le-Doubs",
            Summary = "Les premiers mètres cubes, indispensables, sont moins chers ; les gros consommateurs paient davantage.",
            Territory = In("Villers-le-Doubs", "Doubs", "27"),
            Actors =
            [
                new("Syndicat des eaux de Villers-le-Doubs", Collectivite, "service public de l'eau"),
                new("Centre communal d'action sociale", Collectivite, "identification des ménages"),
                new("Association de consommateurs du Doubs", Association, "comité d'usagers"),
            ],
            Challenge = "<p>Le prix de l'eau pesait plus de 3 % du revenu de nombreux ménages modestes.</p>",
            Actions = "<p>Une première tranche à prix réduit, un chèque eau automatique pour les bénéficiaires de minima sociaux et un comité d'usagers qui suit les tarifs.</p>",
            Results = "<p>La consommation totale a baissé de 7 % sans hausse des impayés.</p>",
            Indicators = [new("Ménages aidés", 1450, "ménages"), new("Consommation d'eau", -7, "%")],
            Financing = [new(Source.Collectivite, 90_000m, "Budget annexe de l'eau")],
            Period = new(new DateOnly(2020, 1, 1), null),
            Contact = Contact("Mathilde Cuenot", "Syndicat des eaux de Villers-le-Doubs", "tarif-eau"),
            Themes = ["eau", "gouvernance-participation", "services-urbains"],
            Tags = ["tarification sociale", "service public de l'eau"],
        }, true),
        (new FicheContent
        {
            Title = "Un centre de logistique urbaine fluviale à Charenton-les-Quais",
            Summary = "Les marchandises arrivent par barge et repartent en vélos-cargos et petits utilitaires électriques.",
            Territory = In("Charenton-les-Quais", "Val-de-Marne", "11"),
            Actors =
            [
                new("Port fluvial de la Haute-Seine", AgencePublique, "mise à disposition du quai"),
                new("Fleuve Logistique", Entreprise, "exploitant"),
                new("Ville de Charenton-les-Quais", Collectivite, "règles de livraison"),
                new("Groupement des transporteurs de l'Est parisien", OrganisationProfessionnelle, "mobilisation des chargeurs"),
            ],
            Challenge = "<p>Les camions de livraison encombraient le centre et pesaient sur la qualité de l'air.</p>",
            Actions = "<p>Un quai réaménagé, une barge quotidienne et un entrepôt de 2 000 m² d'où partent 40 vélos-cargos.</p>",
            Results = "<p>Chaque barge remplace une vingtaine de camions sur les axes d'entrée de ville.</p>",
            Indicators = [new("Camions évités", 5000, "par an"), new("Colis livrés à vélo-cargo", 1200, "par jour")],
            Financing = [new(Source.Prive, 3_800_000m, "Fleuve Logistique"), new(Source.Etat, 700_000m, null), new(Source.Collectivite, 300_000m, null)],
            Period = new(new DateOnly(2021, 10, 1), null),
            Contact = Contact("Olivier Santerre", "Fleuve Logistique", "logistique-fluviale"),
            Themes = ["mobilite", "services-urbains", "air"],
            Tags = ["logistique urbaine", "fluvial", "vélo-cargo"],
        }, true),
        (new FicheContent
        {
            Title = "Des stations d'épuration compactes pour les villages de Mtsangadou",
            Summary = "Brouillon : petites stations à filtres plantés pour les villages non raccordés.",
            Territory = In("Mtsangadou", "Mayotte", "06"),
            Actors = [new("Syndicat des eaux du Nord mahorais", Collectivite, "maître d'ouvrage")],
            Challenge = "<p>Les eaux usées de plusieurs villages se rejettent directement dans le lagon.</p>",
            Financing = [new(Source.Europe, null, "FEDER"), new(Source.Etat, null, null)],
            Themes = ["eau", "biodiversite-nature-en-ville"],
        }, false),
    ];

    private static FicheTerritory In(string commune, string departement, string regionCode) =>
        new() { Commune = commune, Departement = departement, RegionCode = regionCode };

    private static FicheTerritory Abroad(string city, string country) => new() { Commune = city, RegionCode = "99", Country = country };

    /// <summary>A public contact with an example.org mailbox and page named after the project.</summary>
    private static FicheContact Contact(string name, string organisation, string project) =>
        new(name, organisation, $"{project}@example.org", $"https://www.example.org/{project}");
}
