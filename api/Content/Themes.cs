namespace Vivapolis.Api.Content;

/// <summary>The sustainable-city themes content is filed under; codes are stable, labels are for people.</summary>
public static class Themes
{
    public static readonly IReadOnlyDictionary<string, (string Fr, string En)> All = new Dictionary<string, (string, string)>
    {
        ["energie"] = ("Énergie", "Energy"),
        ["eau"] = ("Eau", "Water"),
        ["air"] = ("Air", "Air"),
        ["dechets-economie-circulaire"] = ("Déchets et économie circulaire", "Waste and circular economy"),
        ["mobilite"] = ("Mobilité", "Mobility"),
        ["biodiversite-nature-en-ville"] = ("Biodiversité et nature en ville", "Biodiversity and urban nature"),
        ["batiment-habitat"] = ("Bâtiment et habitat", "Buildings and housing"),
        ["numerique-donnees"] = ("Numérique et données", "Digital and data"),
        ["gouvernance-participation"] = ("Gouvernance et participation", "Governance and participation"),
        ["services-urbains"] = ("Services urbains", "Urban services"),
        ["amenagement-urbanisme"] = ("Aménagement et urbanisme", "Urban planning"),
        ["financement"] = ("Financement", "Financing"),
        ["international"] = ("International", "International"),
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string Allowed => string.Join(", ", All.Keys);
}
