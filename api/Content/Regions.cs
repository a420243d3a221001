namespace Vivapolis.Api.Content;

/// <summary>The 18 French regions by INSEE code, and "99" for abroad (INSEE's code for foreign countries).</summary>
public static class Regions
{
    public const string Abroad = "99";

    public static readonly IReadOnlyDictionary<string, (string Fr, string En)> All = new Dictionary<string, (string, string)>
    {
        ["01"] = ("Guadeloupe", "Guadeloupe"),
        ["02"] = ("Martinique", "Martinique"),
        ["03"] = ("Guyane", "French Guiana"),
        ["04"] = ("La Réunion", "Réunion"),
        ["06"] = ("Mayotte", "Mayotte"),
        ["11"] = ("Île-de-France", "Île-de-France"),
        ["24"] = ("Centre-Val de Loire", "Centre-Val de Loire"),
        ["27"] = ("Bourgogne-Franche-Comté", "Bourgogne-Franche-Comté"),
        ["28"] = ("Normandie", "Normandy"),
        ["32"] = ("Hauts-de-France", "Hauts-de-France"),
        ["44"] = ("Grand Est", "Grand Est"),
        ["52"] = ("Pays de la Loire", "Pays de la Loire"),
        ["53"] = ("Bretagne", "Brittany"),
        ["75"] = ("Nouvelle-Aquitaine", "Nouvelle-Aquitaine"),
        ["76"] = ("Occitanie", "Occitania"),
        ["84"] = ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"),
        ["93"] = ("Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur"),
        ["94"] = ("Corse", "Corsica"),
        [Abroad] = ("Étranger", "Abroad"),
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string Allowed => string.Join(", ", All.Keys);
}
