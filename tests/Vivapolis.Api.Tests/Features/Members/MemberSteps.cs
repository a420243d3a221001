using Vivapolis.Api.Tests.Content;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;

namespace Vivapolis.Api.Tests.Features.Members;

/// <summary>Where members live, and a valid member to start from; the steps themselves are the shared <see cref="ContentSteps"/>.</summary>
public static class MemberSteps
{
    public const string Segment = "members";
    public static readonly string Manage = ContentSteps.Manage(Segment);
    public static readonly string Delivery = ContentSteps.Delivery(Segment);

    /// <summary>A member with what the directory needs: a name, a kind and a region.</summary>
    public static MemberContent Draft(string name, ActorKind kind = ActorKind.Entreprise, string region = "53", params string[] themes) => new()
    {
        Name = name,
        Kind = kind,
        RegionCode = region,
        Website = "https://membre.example.org",
        Description = "Un membre de démonstration du réseau.",
        MemberSince = 2019,
        Themes = themes,
    };
}
