using Vivapolis.Api.Tests.Content;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Tests.Features.Fiches;

/// <summary>Where fiches live, and a valid fiche to start from; the steps themselves are the shared <see cref="ContentSteps"/>.</summary>
public static class FicheSteps
{
    public const string Segment = "fiches";
    public static readonly string Manage = ContentSteps.Manage(Segment);
    public static readonly string Delivery = ContentSteps.Delivery(Segment);

    /// <summary>The smallest fiche an editor may save: a title, a region and one actor.</summary>
    public static FicheContent Draft(string title, params string[] themes) => new()
    {
        Title = title,
        Summary = "Une action exemplaire de démonstration.",
        Territory = new FicheTerritory { Commune = "Lorient", Departement = "Morbihan", RegionCode = "53" },
        Actors = [new FicheActor("Ville de démonstration", ActorKind.Collectivite, "maître d'ouvrage")],
        Challenge = "<p>Un enjeu local.</p>",
        Themes = themes,
    };

    public static FicheTerritory Abroad(string commune, string country) =>
        new() { Commune = commune, RegionCode = "99", Country = country };
}
