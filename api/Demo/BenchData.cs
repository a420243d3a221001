using System.Diagnostics;
using System.Text;
using FluentValidation;
using Marten;
using Npgsql;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using Vivapolis.Contracts.Fiches;
using Weasel.Core;

namespace Vivapolis.Api.Demo;

/// <summary>
/// Many published items for the benchmarks (<c>seed-bench N [mixed]</c>, used by bench/delivery.sh and
/// bench/aggregator.sh): N French articles, or with <c>mixed</c> N items of which half are articles, a quarter fiches
/// and a quarter events. The texts are generated from a fixed seed, so two runs store the same items (ids and dates
/// aside). Rows go in through Marten's bulk insert (PostgreSQL COPY): both the editable document, as a publish would
/// leave it (version 2, published version 2), and its delivery copy made by the type's real
/// <see cref="ContentType{TDoc,TContent,TDelivery}.ToDelivery"/> mapping after the type's own Normalize and validator,
/// so the bytes the API serves are the ones a real publish would store.
/// The lifecycle events and change records are not written: delivery and the initial sync never read them, and a
/// benchmark database is thrown away. Do not use this to load content that editors will work on.
/// </summary>
public sealed class BenchData(IDocumentStore store, NpgsqlDataSource db, IServiceProvider services, TimeProvider clock)
{
    private const string By = "bench@example.org";

    /// <summary>Stores <paramref name="count"/> published items; does nothing when any article, fiche or event exists.</summary>
    public async Task<int> LoadAsync(int count, bool mixed, CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            var existing = await query.Query<Article>().CountAsync(ct) + await query.Query<Fiche>().CountAsync(ct)
                           + await query.Query<AgendaEvent>().CountAsync(ct);
            if (existing > 0)
            {
                Console.WriteLine($"seed-bench: {existing} items already exist, nothing loaded (use an empty database).");
                return 0;
            }
        }
        var now = clock.Now();
        var now0 = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var random = new Random(20_240_611);
        var (fiches, events) = mixed ? (count / 4, count / 4) : (0, 0);
        await StoreAsync(Type<Article, ArticleContent, ArticleDelivery>(), count - fiches - events, Generate, (c, slug) => c with { Slug = slug },
            d => d.Body?.Length ?? 0, random, now0, ct);
        await StoreAsync(Type<Fiche, FicheContent, FicheDelivery>(), fiches, GenerateFiche, (c, slug) => c with { Slug = slug },
            d => d.Challenge?.Length ?? 0, random, now0, ct);
        await StoreAsync(Type<AgendaEvent, EventContent, EventDelivery>(), events, GenerateEvent, (c, slug) => c with { Slug = slug },
            d => d.Description?.Length ?? 0, random, now0, ct);
        return count;
    }

    private ContentType<TDoc, TContent, TDelivery> Type<TDoc, TContent, TDelivery>()
        where TDoc : ContentDocument<TContent>, IContentDocument, new() where TContent : class, IItemContent where TDelivery : class, IDeliveryItem =>
        services.GetRequiredService<ContentType<TDoc, TContent, TDelivery>>();

    /// <summary>One type's share: generated, normalised and validated as a save would, stored as a publish leaves it.</summary>
    private async Task StoreAsync<TDoc, TContent, TDelivery>(ContentType<TDoc, TContent, TDelivery> type, int count,
        Func<Random, (TContent Content, string Title)> generate, Func<TContent, string, TContent> withSlug, Func<TDelivery, int> bodyLength,
        Random random, DateTimeOffset now0, CancellationToken ct)
        where TDoc : ContentDocument<TContent>, IContentDocument, new() where TContent : class, IItemContent where TDelivery : class, IDeliveryItem
    {
        if (count == 0) return;
        var watch = Stopwatch.StartNew();
        var contents = new List<TContent>(count);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var (content, title) = generate(random);
            var slug = Slugs.From(title);
            if (slug.Length > Slugs.MaxLength - 6) slug = slug[..(Slugs.MaxLength - 6)].TrimEnd('-');
            var unique = slug;
            for (var n = 2; !slugs.Add(unique); n++) unique = $"{slug}-{n}";
            contents.Add(withSlug(content, unique));
        }
        var generated = watch.Elapsed;

        // Normalising sanitises rich text with the real allow-list, as an editor's save would; it is the slow part
        // (HtmlSanitizer), hence in parallel. The validator then checks every item as the API would.
        var normalized = contents.AsParallel().AsOrdered().Select(type.Normalize).ToList();
        foreach (var content in normalized) await type.Validator.ValidateAndThrowAsync(content, ct);
        var prepared = watch.Elapsed;

        var documents = new List<TDoc>(count);
        var deliveries = new List<TDelivery>(count);
        for (var i = 0; i < count; i++)
        {
            var content = normalized[i];
            // Newest first: item i was published i × 47 minutes (plus a few seconds) before now, so every
            // publishedAt is distinct and the list order is deterministic.
            var publishedAt = now0.AddMinutes(-47.0 * i).AddSeconds(-random.Next(0, 40));
            var createdAt = publishedAt.AddMinutes(-random.Next(30, 60 * 24 * 3));
            var document = new TDoc
            {
                Id = Guid.CreateVersion7(createdAt), Title = type.TitleOf(content), Slug = content.Slug!, Locale = content.Locale,
                SlugKey = ContentDocument<TContent>.KeyOf(content.Locale, content.Slug!), Status = ContentStatus.Published,
                Version = 2, PublishedVersion = 2, PublicSlug = content.Slug, CreatedAt = createdAt, CreatedBy = By,
                UpdatedAt = publishedAt, UpdatedBy = By, PublishedAt = publishedAt, Content = content,
            };
            documents.Add(document);
            deliveries.Add(type.ToDelivery(document) ?? throw new InvalidOperationException($"A published {type.Name} always has a delivery copy."));
        }

        await store.BulkInsertAsync(documents, BulkInsertMode.InsertsOnly, batchSize: 2000, ct);
        await store.BulkInsertAsync(deliveries, BulkInsertMode.InsertsOnly, batchSize: 2000, ct);
        // Bulk insert stores revision 1 whatever the document says; a publish leaves revision 2, which the
        // management side reads back as the version (else every bench item would show unpublished changes).
        var table = store.Options.FindOrResolveDocumentType(typeof(TDoc)).TableName.QualifiedName;
        await using (var fix = db.CreateCommand($"update {table} set mt_version = (data ->> 'version')::int"))
            await fix.ExecuteNonQueryAsync(ct);
        // Planner statistics now, as autovacuum would set them later on a live database.
        var delivery = store.Options.FindOrResolveDocumentType(typeof(TDelivery)).TableName.QualifiedName;
        await using (var analyze = db.CreateCommand($"analyze {table}; analyze {delivery}"))
            await analyze.ExecuteNonQueryAsync(ct);
        Console.WriteLine($"seed-bench: {count} published {type.Name}s stored in {watch.Elapsed.TotalSeconds:0.0} s " +
                          $"(texts {generated.TotalSeconds:0.0} s, sanitising and validating {(prepared - generated).TotalSeconds:0.0} s, " +
                          $"average rich text {deliveries.Average(bodyLength):0} characters).");
    }

    private static (ArticleContent, string) Generate(Random random)
    {
        var content = Generate(random, out var title);
        return (content, title);
    }

    private static (FicheContent, string) GenerateFiche(Random random)
    {
        var theme = Pick(random, Subjects.Keys.ToList());
        var subject = Pick(random, Subjects[theme]);
        var city = Pick(random, Cities);
        var title = Capitalize($"{subject} à {city}");
        var actors = new List<FicheActor> { new($"Ville de {city}", ActorKind.Collectivite, "maître d'ouvrage") };
        if (random.Next(2) == 0) actors.Add(new FicheActor(Capitalize(Pick(random, Organisations)), ActorKind.AgencePublique, "assistance technique"));
        if (random.Next(3) == 0) actors.Add(new FicheActor($"Coopérative {Pick(random, Tags)}", ActorKind.Entreprise, "exploitant"));
        return (new FicheContent
        {
            Title = title,
            Summary = string.Format(Pick(random, StandfirstTemplates), city, subject, random.Next(3, 15)),
            Territory = new FicheTerritory { Commune = city, RegionCode = Pick(random, RegionCodes) },
            Actors = actors,
            Challenge = Body(random, city, subject),
            Actions = $"<p>{string.Join(" ; ", Steps.OrderBy(_ => random.Next()).Take(3))}.</p>",
            Themes = [theme],
        }, title);
    }

    private static (EventContent, string) GenerateEvent(Random random)
    {
        var theme = Pick(random, Subjects.Keys.ToList());
        var subject = Pick(random, Subjects[theme]);
        var city = Pick(random, Cities);
        var kind = Pick(random, Enum.GetValues<EventKind>());
        var title = Capitalize($"{Json.Name(kind)} : {subject} à {city}");
        var start = new DateTime(2027, 1, 4, 8, 30, 0).AddDays(random.Next(0, 360)).AddHours(random.Next(0, 9));
        return (new EventContent
        {
            Title = title,
            Kind = kind,
            Summary = string.Format(Pick(random, StandfirstTemplates), city, subject, random.Next(3, 15)),
            Description = Body(random, city, subject),
            Start = start,
            End = start.AddHours(random.Next(1, 4)),
            Venue = new EventVenue
            {
                Name = $"Maison de la ville durable de {city}", Address = $"{random.Next(1, 120)} rue des Tanneurs",
                PostalCode = $"{random.Next(10, 95):00}{random.Next(0, 999):000}", City = city, RegionCode = Pick(random, RegionCodes),
            },
            Themes = [theme],
        }, title);
    }

    private static readonly string[] RegionCodes = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93"];

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static ArticleContent Generate(Random random, out string title)
    {
        var theme = Pick(random, Subjects.Keys.ToList());
        var subject = Pick(random, Subjects[theme]);
        var city = Pick(random, Cities);
        title = Capitalize(string.Format(Pick(random, TitleTemplates), city, subject));
        var themes = new List<string> { theme };
        for (var extra = random.Next(0, 3); extra > 0; extra--)
        {
            var other = Pick(random, Themes.All.Keys.ToList());
            if (!themes.Contains(other)) themes.Add(other);
        }
        var tags = new List<string>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var tag = Pick(random, Tags);
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        var author = Pick(random, Authors);
        var interview = random.Next(4) == 0;
        var body = Body(random, city, subject);
        var standfirst = string.Format(Pick(random, StandfirstTemplates), city, subject, random.Next(3, 15));
        return new ArticleContent
        {
            Locale = Locale.Fr,
            Title = title,
            Standfirst = standfirst,
            Rubric = Pick(random, Rubrics),
            Authors = random.Next(5) == 0 ? [author, Pick(random, Authors)] : [author],
            Interviewee = interview
                ? new Interviewee(Pick(random, People), Pick(random, Roles), $"{Pick(random, Organisations)} de {city}")
                : null,
            Themes = themes,
            Tags = tags,
            Body = body,
            Seo = random.Next(2) == 0 ? new SeoFields(title.Length <= 70 ? title : title[..70], standfirst.Length <= 160 ? standfirst : standfirst[..160]) : null,
            Cover = random.Next(3) == 0
                ? new CoverImage($"https://medias.example.org/{random.Next(1000, 9999)}.jpg", $"Vue de {city}", "Photo : service communication")
                : null,
        };
    }

    private static string Body(Random random, string city, string subject)
    {
        var html = new StringBuilder(6000);
        var sections = random.Next(3, 7);
        for (var s = 0; s < sections; s++)
        {
            html.Append("<h2>").Append(string.Format(Pick(random, Questions), city, subject)).Append("</h2>\n");
            for (var p = random.Next(1, 3); p > 0; p--)
                html.Append("<p>").Append(string.Format(Pick(random, Paragraphs), city, subject, random.Next(5, 45),
                    2018 + random.Next(0, 8), Capitalize(Pick(random, Organisations)))).Append("</p>\n");
            if (random.Next(4) == 0)
                html.Append("<ul><li>").Append(string.Join("</li><li>", Steps.OrderBy(_ => random.Next()).Take(3)))
                    .Append("</li></ul>\n");
        }
        return html.ToString();
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static readonly string[] Cities =
    [
        "Lyon", "Bordeaux", "Nantes", "Strasbourg", "Lille", "Toulouse", "Montpellier", "Grenoble", "Rennes", "Dijon",
        "Angers", "Brest", "Metz", "Nancy", "Rouen", "Tours", "Clermont-Ferrand", "Besançon", "Poitiers", "Limoges",
        "Amiens", "Perpignan", "Orléans", "Caen", "Mulhouse", "Valence", "Chambéry", "Pau", "Saint-Étienne", "Nîmes",
        "Lorient", "Quimper", "Annecy", "Bayonne", "Troyes", "Niort", "Vannes", "Arras", "Colmar", "Albi",
    ];

    private static readonly Dictionary<string, string[]> Subjects = new()
    {
        ["energie"] = ["la rénovation énergétique des écoles", "un réseau de chaleur alimenté par la biomasse", "l'autoconsommation solaire collective", "l'éclairage public intelligent"],
        ["eau"] = ["la récupération des eaux de pluie", "la chasse aux fuites du réseau d'eau potable", "la renaturation des berges", "la réutilisation des eaux usées traitées"],
        ["air"] = ["la zone à faibles émissions", "la surveillance citoyenne de la qualité de l'air", "les rues scolaires sans voitures"],
        ["dechets-economie-circulaire"] = ["le tri des biodéchets", "les recycleries de quartier", "le réemploi des matériaux du BTP", "la tarification incitative des déchets"],
        ["mobilite"] = ["les mobilités partagées", "le vélo du quotidien", "les navettes autonomes", "le covoiturage domicile-travail", "la logistique urbaine du dernier kilomètre"],
        ["biodiversite-nature-en-ville"] = ["les îlots de fraîcheur", "la végétalisation des cours d'école", "les trames vertes et bleues", "l'agriculture urbaine"],
        ["batiment-habitat"] = ["l'habitat participatif", "la construction en bois et en terre crue", "la réhabilitation des grands ensembles"],
        ["numerique-donnees"] = ["les données ouvertes des services urbains", "le jumeau numérique du territoire", "l'hypervision des réseaux urbains"],
        ["gouvernance-participation"] = ["le budget participatif", "les conventions citoyennes locales", "la coopération entre communes"],
        ["services-urbains"] = ["la régie publique de l'eau", "les services de proximité mutualisés", "la maintenance prédictive des équipements"],
        ["amenagement-urbanisme"] = ["le zéro artificialisation nette", "la reconversion des friches industrielles", "la ville du quart d'heure"],
        ["financement"] = ["le tiers-financement des rénovations", "les obligations vertes des collectivités", "les fonds européens pour la ville durable"],
        ["international"] = ["l'exportation du savoir-faire urbain français", "la coopération décentralisée en Afrique de l'Ouest", "les villes durables en Asie du Sud-Est"],
    };

    private static readonly string[] TitleTemplates =
    [
        "{0} mise sur {1}", "à {0}, {1} change la donne", "{1} : l'exemple de {0}", "comment {0} accélère {1}",
        "{0} : retour d'expérience sur {1}", "matinale : {1}, quels leviers à {0} ?", "entretien : {1} vu de {0}",
        "{0} lance un appel à projets sur {1}", "{1} : {0} tire un premier bilan", "ce que {0} a appris de {1}",
    ];

    private static readonly string[] StandfirstTemplates =
    [
        "Depuis plusieurs années, {0} expérimente {1}. Élus, techniciens et habitants racontent ce qui a marché, et ce qui reste à faire.",
        "En {2} ans, {0} a fait de {1} un axe fort de son projet de territoire. Retour sur une démarche suivie de près par d'autres villes moyennes.",
        "Lors d'une matinale du réseau, les acteurs de {0} ont présenté leur approche de {1}, de la concertation au financement.",
        "Collectivité, entreprises et associations : à {0}, {1} s'est construit à plusieurs. Décryptage d'un projet qui essaime.",
    ];

    private static readonly string[] Questions =
    [
        "Pourquoi {0} s'est-elle lancée ?", "Quels résultats pour {1} ?", "Comment les habitants ont-ils été associés ?",
        "Quel montage financier ?", "Quelles difficultés sur le terrain ?", "Et maintenant, quelles suites ?",
        "Quel rôle pour les entreprises ?", "Que retenir pour d'autres collectivités ?",
    ];

    private static readonly string[] Paragraphs =
    [
        "Le projet est né en {3}, à la suite d'un diagnostic partagé avec les communes de l'agglomération. À {0}, {1} répondait à une attente forte des habitants, exprimée lors des réunions publiques, mais aussi à des obligations réglementaires qui se resserraient. L'équipe projet a d'abord identifié trois quartiers pilotes, choisis pour leur diversité : un centre ancien, un quartier d'habitat social et une zone d'activités en reconversion.",
        "Les premiers résultats sont encourageants : les indicateurs suivis par la métropole montrent une amélioration de {2} % sur les secteurs concernés. « Nous avons été surpris par la vitesse d'appropriation », reconnaît la cheffe de projet, qui insiste sur l'importance d'une évaluation indépendante. Un comité de suivi, ouvert aux associations, se réunit chaque trimestre pour examiner les données et proposer des ajustements.",
        "La concertation a pris la forme d'ateliers de quartier, d'une plateforme en ligne et de permanences sur les marchés. Plus de {2} propositions ont été recueillies, dont une partie a été intégrée au cahier des charges. Pour {1}, cette étape a permis de lever des inquiétudes, notamment sur le stationnement et les nuisances de chantier, et de faire émerger des idées que les services n'avaient pas envisagées.",
        "Côté financement, la collectivité a combiné ses fonds propres, des subventions de l'État et de la région, ainsi qu'un prêt de long terme auprès d'une banque publique. {4} a apporté une expertise technique précieuse sur le dimensionnement. Le plan de financement prévoit un retour sur investissement en une quinzaine d'années, grâce aux économies de fonctionnement attendues.",
        "Tout n'a pas été simple. Les délais de livraison des équipements ont retardé le calendrier de plusieurs mois, et la coordination entre les services techniques, les opérateurs de réseaux et les entreprises de travaux a demandé un effort important. « Il faut accepter d'ajuster en marchant », résume un élu de {0}, qui plaide pour des marchés publics plus souples et des clauses de performance mieux définies.",
        "La prochaine étape consiste à étendre la démarche à l'ensemble du territoire d'ici {3}. Les retours d'expérience seront publiés en données ouvertes, afin que d'autres collectivités puissent s'en inspirer. La ville souhaite aussi renforcer la formation de ses agents et associer davantage les écoles, les bailleurs sociaux et les commerçants à {1}.",
        "Les entreprises locales ont joué un rôle moteur. Artisans, bureaux d'études et start-up du territoire ont été mobilisés dans le cadre d'un groupement, ce qui a permis de maintenir une part importante de la valeur ajoutée sur place. {4} accompagne désormais une dizaine de structures dans la montée en compétences de leurs équipes sur {1}.",
        "Pour les collectivités qui voudraient se lancer, les porteurs du projet retiennent trois enseignements : commencer petit et mesurer, associer les habitants dès l'amont, et sécuriser le financement sur plusieurs années. À {0}, la démarche a aussi montré l'intérêt de coopérer avec les villes voisines, pour mutualiser l'ingénierie et peser davantage face aux fournisseurs.",
        "Les chiffres clés parlent d'eux-mêmes : {2} sites équipés, plusieurs centaines de ménages concernés et une baisse mesurable des consommations. Mais au-delà des indicateurs, c'est la transformation des usages qui frappe les observateurs. Les habitants de {0} se sont approprié {1}, au point de proposer eux-mêmes de nouvelles extensions du dispositif.",
        "Le réseau Vivapolis a suivi l'opération dès ses débuts, et l'a présentée lors d'une matinale consacrée aux solutions françaises pour la ville durable. Les échanges ont montré que les enjeux rencontrés à {0} se retrouvent dans de nombreuses villes moyennes : manque d'ingénierie, complexité des financements croisés, et besoin d'outils de pilotage partagés.",
    ];

    private static readonly string[] Steps =
    [
        "un diagnostic partagé avec les habitants", "des sites pilotes évalués pendant un an", "un financement sécurisé sur plusieurs exercices",
        "des données publiées en open data", "une équipe projet transversale", "un comité de suivi ouvert aux associations",
    ];

    private static readonly string[] Rubrics = ["Écosystème", "Territoires", "Événements", "Solutions", "Numérique", "International", "Entretien"];

    private static readonly string[] Authors =
    [
        "Julien Marchal", "Sophie Kerbrat", "Inès Laurent", "Thomas Guérin", "Nadia Benali", "Paul Lefèvre", "Marion Chevalier", "Hugo Da Silva",
    ];

    private static readonly string[] People =
    [
        "Claire Dumont", "Karim Haddad", "Anne-Sophie Morel", "Luc Bertrand", "Émilie Roux", "Yann Le Goff", "Fatou Diallo", "Jérôme Caron",
    ];

    private static readonly string[] Roles =
    [
        "directrice du développement durable", "vice-président chargé des mobilités", "cheffe de projet", "directeur général des services",
        "adjointe au maire chargée de la transition écologique", "responsable innovation",
    ];

    private static readonly string[] Organisations =
    [
        "la métropole", "l'agence d'urbanisme", "la régie des eaux", "le syndicat d'énergie", "l'office public de l'habitat", "la chambre de commerce",
    ];

    private static readonly string[] Tags =
    [
        "smart city", "matinale", "retour d'expérience", "appel à projets", "open data", "concertation", "villes moyennes", "rénovation",
        "vélo", "covoiturage", "îlots de fraîcheur", "sobriété", "économie circulaire", "biodiversité", "financement", "coopération",
        "jumeau numérique", "habitat", "eau potable", "qualité de l'air",
    ];
}
