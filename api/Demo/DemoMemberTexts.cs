using Marten;
using Vivapolis.Api.Features.Members;
using Vivapolis.Contracts.Events;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;
using static Vivapolis.Contracts.Fiches.ActorKind;

namespace Vivapolis.Api.Demo;

/// <summary>
/// The demo members directory: invented organisations of every kind, in France (mainland and overseas) and abroad,
/// with their sites on example.org. Many are the actors of the demo fiches and the organisers of the demo events,
/// which link them by name when the demo is loaded (<see cref="Linked(FicheContent, IReadOnlyDictionary{string, Guid})"/>).
/// </summary>
public static class DemoMemberTexts
{
    public static readonly IReadOnlyList<(MemberContent Content, bool Publish)> All =
    [
        // Actors of the demo fiches.
        M("Ville de Kerlaouen", Collectivite, "53", 2017, "kerlaouen", "Port de pêche du Finistère engagé dans la sortie du fioul : réseau de chaleur au bois, rénovation des logements sociaux.", "energie", "services-urbains"),
        M("Armor Biomasse Énergies", Entreprise, "53", 2019, "armor-biomasse", "Conçoit et exploite des réseaux de chaleur alimentés par le bois des haies bretonnes.", "energie"),
        M("Coopérative bocagère du Léon", Association, "53", 2021, "bocage-leon", "Agriculteurs et forestiers qui gèrent durablement les haies du Léon et en vendent le bois.", "biodiversite-nature-en-ville", "energie"),
        M("Ville de Saint-Aurèle-sur-Loire", Collectivite, "24", 2018, "saint-aurele", "Ville moyenne du Loiret lauréate d'Action cœur de ville : commerces, logements et espaces publics du centre ancien.", "amenagement-urbanisme"),
        M("Services de l'État dans le Loiret", Etat, "24", 2018, "etat-loiret", "Préfecture et direction départementale des territoires : pilotage des programmes nationaux dans le département.", "amenagement-urbanisme", "financement"),
        M("MobiVallée", Entreprise, "84", 2020, "mobivallee", "Transport à la demande et autopartage pour les territoires ruraux de montagne.", "mobilite"),
        M("Laboratoire des mobilités rurales de l'université de Valrose", Recherche, "84", 2020, "mobilites-rurales", "Recherche sur les déplacements hors des villes et évaluation des services de mobilité.", "mobilite"),
        M("Écoles Sobres", Entreprise, "11", 2022, "ecoles-sobres", "Marchés globaux de performance énergétique pour les bâtiments scolaires.", "batiment-habitat", "energie"),
        M("Ressourcerie La Seconde Main", Association, "32", 2019, "seconde-main", "Collecte, répare et revend objets et meubles ; emploie des salariés en insertion.", "dechets-economie-circulaire"),
        M("Habitat Nord Avenir", Entreprise, "32", 2017, "habitat-nord-avenir", "Bailleur social de la métropole du Nord : 18 000 logements, dont un tiers rénové depuis 2015.", "batiment-habitat"),
        M("Établissement public foncier des Flandres", AgencePublique, "32", 2018, "epf-flandres", "Achète et prépare le foncier pour les projets des collectivités du Nord.", "amenagement-urbanisme"),
        M("LumiData", Entreprise, "44", 2021, "lumidata", "Plateforme de données pour piloter l'éclairage public au plus juste.", "numerique-donnees", "energie"),
        M("Laboratoire lorrain des systèmes urbains", Recherche, "44", 2019, "systemes-urbains", "Modèles de prévision des consommations et des flux urbains.", "numerique-donnees"),
        M("Hydrosphère Ingénierie", Entreprise, "11", 2016, "hydrosphere", "Bureau d'études de l'eau potable : sectorisation des réseaux et recherche de fuites, en France et à l'international.", "eau", "international"),
        M("Opérateur public français de coopération", AgencePublique, "11", 2016, "cooperation", "Finance et suit des projets urbains durables dans les pays partenaires.", "international", "financement"),
        M("Voltabus", Entreprise, "11", 2020, "voltabus", "Bus électriques et systèmes de recharge pour les réseaux urbains.", "mobilite", "international"),
        M("Pôle de compétitivité Énergies de Normandie", OrganisationProfessionnelle, "28", 2017, "energies-normandie", "Réunit entreprises, laboratoires et collectivités normands autour des énergies décarbonées.", "energie"),
        M("Institut alpin de l'énergie", Recherche, "84", 2018, "institut-alpin", "Recherche appliquée sur les réseaux électriques et le stockage en montagne.", "energie"),
        M("Groupement des transporteurs de l'Est parisien", OrganisationProfessionnelle, "11", 2021, "transporteurs-est", "Fédère les entreprises de logistique urbaine de l'Est parisien.", "mobilite"),
        M("Métropole du Grand Étang", Collectivite, "93", 2016, "grand-etang", "Métropole méditerranéenne : qualité de l'air, mobilités et adaptation aux canicules.", "air", "mobilite"),
        M("Ville de Fond-Lézard", Collectivite, "02", 2022, "fond-lezard", "Commune martiniquaise qui adapte ses écoles et ses rues à la chaleur.", "amenagement-urbanisme"),
        M("Syndicat des eaux du Nord mahorais", Collectivite, "06", 2023, "eaux-nord-mahorais", "Production et distribution d'eau potable dans le nord de Mayotte.", "eau"),
        // Organisers of the demo events.
        M("Club des collectivités numériques", OrganisationProfessionnelle, "11", 2017, "collectivites-numeriques", "Réseau des directions du numérique des collectivités : données ouvertes, services en ligne, sobriété.", "numerique-donnees"),
        M("Association Cours Oasis Sud-Ouest", Association, "75", 2022, "cours-oasis", "Accompagne écoles et parents dans la végétalisation des cours.", "biodiversite-nature-en-ville"),
        M("Agence de l'eau Sud-Garonne", AgencePublique, "76", 2016, "eau-sud-garonne", "Finance la gestion de l'eau et des milieux aquatiques du bassin.", "eau", "financement"),
        M("Association des villes moyennes durables", Association, "24", 2016, "villes-moyennes", "Réseau d'élus et de services des villes de 20 000 à 100 000 habitants.", "gouvernance-participation", "amenagement-urbanisme"),
        M("Cluster Bois-Terre Normandie", OrganisationProfessionnelle, "28", 2020, "bois-terre", "Architectes, artisans et industriels des matériaux biosourcés et géosourcés.", "batiment-habitat"),
        M("Observatoire de l'air alpin", Association, "84", 2019, "air-alpin", "Mesure et prévision de la qualité de l'air dans les vallées alpines.", "air"),
        M("Institut des territoires tropicaux durables", Recherche, "04", 2021, "territoires-tropicaux", "Recherche et formation sur la ville en climat tropical.", "amenagement-urbanisme", "international"),
        // Other members.
        M("Département de la Haute-Vaurenne", Collectivite, "84", 2019, "haute-vaurenne", "Routes, collèges et solidarités : un plan de sobriété pour tout le patrimoine départemental.", "energie", "gouvernance-participation"),
        M("Communauté urbaine de Valmont-sur-Seine", Collectivite, "28", 2018, "valmont", "Quarante communes, un plan climat et un réseau de transports à haut niveau de service.", "mobilite", "amenagement-urbanisme"),
        M("Ministère de la transition urbaine", Etat, "11", 2016, "transition-urbaine", "Membre fondateur du réseau : politiques nationales de la ville durable.", "gouvernance-participation", "amenagement-urbanisme"),
        M("Services de l'État en Occitanie", Etat, "76", 2020, "etat-occitanie", "Accompagnement des collectivités d'Occitanie dans les programmes nationaux.", "financement"),
        M("Agence nationale des quartiers durables", AgencePublique, "11", 2016, "quartiers-durables", "Finance et accompagne le renouvellement des quartiers.", "amenagement-urbanisme", "batiment-habitat"),
        M("Bâtir Bas-Carbone", Entreprise, "11", 2018, "batir-bas-carbone", "Entreprise générale de construction en bois et en béton bas carbone.", "batiment-habitat"),
        M("Canopée Urbaine", Entreprise, "76", 2023, "canopee-urbaine", "Bureau d'études paysage : îlots de fraîcheur et gestion de l'eau de pluie.", "biodiversite-nature-en-ville", "amenagement-urbanisme"),
        M("Fédération des éco-entreprises du Grand Est", OrganisationProfessionnelle, "44", 2017, "eco-entreprises-grand-est", "Trois cents entreprises de l'environnement, de l'eau et de l'énergie.", "dechets-economie-circulaire", "energie"),
        M("Collectif Rues Vivantes", Association, "52", 2024, "rues-vivantes", "Habitants qui ouvrent les rues aux piétons et aux jeux d'enfants, le temps d'un week-end ou pour de bon.", "mobilite", "gouvernance-participation"),
        M("École d'ingénieurs de la ville durable de Lille-Est", Recherche, "32", 2019, "ingenieurs-lille-est", "Forme les ingénieurs urbains ; chaires sur les réseaux et les matériaux.", "services-urbains"),
        M("Maison de l'architecture durable de Corse", Association, "94", 2022, "architecture-corse", "Expositions, visites et conseils pour bâtir avec le climat et les matériaux de l'île.", "batiment-habitat"),
        M("Réseau francophone des villes durables", Association, "99", 2021, "villes-francophones", "Échanges entre villes d'Afrique, d'Asie et d'Amérique qui partagent le savoir-faire français.", "international"),
        // Not in the public directory: members who asked not to be listed.
        Private(M("Fonds Vert Investissement", Entreprise, "11", 2020, "fonds-vert", "Investisseur dans les infrastructures urbaines bas carbone.", "financement")),
        Private(M("Cabinet Discret Conseil", Entreprise, "27", 2023, "discret-conseil", "Conseil en stratégie territoriale.", "gouvernance-participation")),
        // Joining: a draft the editors are still writing.
        (M("Syndicat mixte de valorisation du Nord", Collectivite, "32", 2026, "valorisation-nord", "Tri et valorisation des déchets de la métropole.", "dechets-economie-circulaire").Item1, false),
    ];

    private static (MemberContent, bool) M(string name, ActorKind kind, string region, int since, string site, string description,
        params string[] themes) => (new MemberContent
    {
        Name = name, Kind = kind, RegionCode = region, MemberSince = since, Website = $"https://{site}.example.org",
        Description = description, Themes = themes,
    }, true);

    private static (MemberContent, bool) Private((MemberContent Content, bool Publish) member) =>
        (member.Content with { IsPublic = false }, member.Publish);

    /// <summary>The ids of the members, by name, to link the demo fiches and events to.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsByNameAsync(IQuerySession query, CancellationToken ct) =>
        (await query.Query<Member>().ToListAsync(ct)).GroupBy(m => m.Content.Name).ToDictionary(g => g.Key, g => g.First().Id);

    /// <summary>The fiche with each actor that is a member linked to it.</summary>
    public static FicheContent Linked(FicheContent fiche, IReadOnlyDictionary<string, Guid> members) => fiche with
    {
        Actors = fiche.Actors.Select(a => members.TryGetValue(a.Name, out var id) ? a with { MemberId = id } : a).ToList(),
    };

    /// <summary>The event with its organiser linked, when it is a member.</summary>
    public static EventContent Linked(EventContent agenda, IReadOnlyDictionary<string, Guid> members) =>
        agenda.Organizer is { } o && members.TryGetValue(o.Name, out var id) ? agenda with { Organizer = o with { MemberId = id } } : agenda;
}
