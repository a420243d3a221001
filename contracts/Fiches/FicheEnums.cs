using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Fiches;

/// <summary>What kind of organisation an actor of a fiche is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorKind>))]
public enum ActorKind
{
    /// <summary>Local authority: commune, intercommunality, département, région.</summary>
    [JsonStringEnumMemberName("collectivite")] Collectivite,
    /// <summary>The State and its services (ministries, prefectures).</summary>
    [JsonStringEnumMemberName("etat")] Etat,
    /// <summary>Public agency or public establishment.</summary>
    [JsonStringEnumMemberName("agence_publique")] AgencePublique,
    /// <summary>Company, whatever its size.</summary>
    [JsonStringEnumMemberName("entreprise")] Entreprise,
    /// <summary>Association or citizens' collective.</summary>
    [JsonStringEnumMemberName("association")] Association,
    /// <summary>Professional body, federation or cluster.</summary>
    [JsonStringEnumMemberName("organisation_professionnelle")] OrganisationProfessionnelle,
    /// <summary>University, school or research laboratory.</summary>
    [JsonStringEnumMemberName("recherche")] Recherche,
}

/// <summary>Where the money of a fiche's action came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FinancingSource>))]
public enum FinancingSource
{
    /// <summary>Programme d'investissements d'avenir (France 2030).</summary>
    [JsonStringEnumMemberName("pia")] Pia,
    /// <summary>The national Action cœur de ville programme for medium-sized towns.</summary>
    [JsonStringEnumMemberName("action_coeur_de_ville")] ActionCoeurDeVille,
    /// <summary>European funds (FEDER, Horizon Europe, LIFE…).</summary>
    [JsonStringEnumMemberName("europe")] Europe,
    /// <summary>Other State funding.</summary>
    [JsonStringEnumMemberName("etat")] Etat,
    /// <summary>Local authorities' own budgets.</summary>
    [JsonStringEnumMemberName("collectivite")] Collectivite,
    /// <summary>Private funding: companies, banks, citizens.</summary>
    [JsonStringEnumMemberName("prive")] Prive,
    /// <summary>Any other source.</summary>
    [JsonStringEnumMemberName("autre")] Autre,
}
