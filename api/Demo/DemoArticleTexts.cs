using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Demo;

/// <summary>The texts of the demo articles. People and organisations are invented.</summary>
public static class DemoArticleTexts
{
    public static readonly IReadOnlyList<(ArticleContent Content, bool Publish)> All =
    [
        (new ArticleContent
        {
            Title = "Vers un modèle français de la ville durable",
            Standfirst = "À l'occasion d'une matinale sur le financement des projets de villes durables à l'international, " +
                         "Claire Dumont, coordinatrice du réseau Vivapolis, nous a parlé du réseau et de sa vision de la smart city.",
            Rubric = "Écosystème",
            Authors = ["Julien Marchal"],
            Interviewee = new Interviewee("Claire Dumont", "coordinatrice du réseau", "Vivapolis"),
            Themes = ["gouvernance-participation", "financement", "international"],
            Tags = ["smart city", "matinale", "modèle français"],
            Body = """
                <h2>Quel est l'objectif de Vivapolis ?</h2>
                <p>Le réseau a été créé en 2016 à l'initiative des ministères chargés de l'écologie, du logement et de l'urbanisme,
                pour offrir un espace d'échanges et d'information sur la ville durable. Il réunit aujourd'hui près de 850 membres,
                acteurs publics et privés. Pour l'animer, nous organisons des matinales, diffusons une lettre mensuelle, publions des
                fiches d'actions exemplaires et sommes présents sur des salons. Nous collaborons aussi avec l'Institut de la ville
                durable à un site qui agrège l'information sur le sujet.</p>
                <h2>La ville durable est-elle une smart city ?</h2>
                <p>La ville durable est un objectif à atteindre, contrairement à la smart city : celle-ci, et les technologies qui la
                composent, sont un moyen de construire la ville durable. Le numérique aide à préserver les ressources, à œuvrer pour la
                biodiversité, à améliorer les services publics et à faire innover les entreprises.</p>
                <h2>Quel est ce modèle français évoqué lors de la matinale ?</h2>
                <p>Il repose sur une forte coopération entre acteurs publics et privés, sur une gouvernance locale plus transversale
                qui associe toutes les parties prenantes, habitants compris, et sur une tradition de services urbains dont les grandes
                entreprises, qui les délivrent au nom des collectivités, sont des leaders mondiaux.</p>
                <h2>Et les collectivités, comment financent-elles leurs projets ?</h2>
                <p>Les villes moyennes n'ont pas toujours les compétences techniques ni le budget nécessaires. Le plan
                <strong>Action cœur de ville</strong> et des <strong>Programmes d'investissements d'avenir</strong> (PIA) spécifiques
                doivent les aider à avancer.</p>
                """,
            Seo = new SeoFields("Vers un modèle français de la ville durable", "Entretien avec la coordinatrice du réseau Vivapolis sur la ville durable et la smart city."),
        }, true),
        (new ArticleContent
        {
            Title = "Rennes Métropole mise sur les mobilités partagées",
            Standfirst = "Covoiturage, vélos en libre-service et navettes à la demande : retour sur trois ans d'expérimentation dans une métropole de l'Ouest.",
            Rubric = "Territoires",
            Authors = ["Sophie Kerbrat"],
            Themes = ["mobilite", "services-urbains"],
            Tags = ["covoiturage", "vélo"],
            Body = "<p>Depuis 2023, la métropole teste un bouquet de services de mobilité partagée avec des opérateurs privés. " +
                   "Les premiers résultats montrent une baisse de 12 % des trajets en voiture individuelle sur les axes concernés.</p>",
        }, true),
        (new ArticleContent
        {
            Title = "Matinale : financer la rénovation énergétique des écoles",
            Standfirst = "Collectivités, banques publiques et entreprises de services énergétiques ont partagé leurs montages financiers.",
            Rubric = "Événements",
            Authors = ["Julien Marchal"],
            Themes = ["energie", "batiment-habitat", "financement"],
            Tags = ["matinale", "rénovation"],
            Body = "<p>Les contrats de performance énergétique permettent de rembourser une partie des travaux par les économies réalisées. " +
                   "Plusieurs communes de taille moyenne ont présenté leur retour d'expérience.</p>",
        }, true),
        (new ArticleContent
        {
            Title = "La nature en ville, un bouclier contre les canicules",
            Standfirst = "Désimperméabiliser les cours d'école et planter des îlots de fraîcheur : les villes accélèrent.",
            Rubric = "Solutions",
            Authors = ["Inès Laurent"],
            Themes = ["biodiversite-nature-en-ville", "amenagement-urbanisme"],
            Tags = ["îlots de fraîcheur"],
            Body = "<p>Une cour d'école végétalisée peut être plus fraîche de plusieurs degrés qu'une cour bitumée lors d'un épisode de canicule.</p>",
        }, true),
        (new ArticleContent
        {
            Title = "Données urbaines : ouvrir sans exposer",
            Standfirst = "Brouillon en cours de rédaction sur la gouvernance des données des services urbains.",
            Rubric = "Numérique",
            Authors = ["Inès Laurent"],
            Themes = ["numerique-donnees", "gouvernance-participation"],
            Body = "<p>À compléter.</p>",
        }, false),
    ];
}
