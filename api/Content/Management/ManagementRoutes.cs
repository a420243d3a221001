using System.Security.Claims;
using FastEndpoints;
using Microsoft.AspNetCore.Mvc;
using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Content.Management;

/// <summary>What every management endpoint shares: its path, who may call it, and how the contract documents it.</summary>
public static class ManagementRoutes
{
    public const string Prefix = "/api/v1/manage";

    /// <summary>
    /// Who may do everything to a type: publish, unpublish, schedule, delete, restore, discard (and erase contacts).
    /// </summary>
    public static string[] Managers<TDoc>() where TDoc : IContentDocument => TDoc.Desk switch
    {
        ContentDesk.Editorial => [Roles.Admin, Roles.Editor],
        _ => [Roles.Admin, Roles.Sales],
    };

    /// <summary>
    /// Who may read a type, create items and edit and submit them: the managers, and authors on the editorial
    /// desk, who may only edit and submit their own drafts (<see cref="Authorship"/>).
    /// </summary>
    public static string[] Writers<TDoc>() where TDoc : IContentDocument => TDoc.Desk switch
    {
        ContentDesk.Editorial => [Roles.Admin, Roles.Editor, Roles.Author],
        _ => Managers<TDoc>(),
    };

    public static string Collection<TDoc>() where TDoc : IContentDocument => $"{Prefix}/{TDoc.RouteSegment}";

    public static string Item<TDoc>() where TDoc : IContentDocument => $"{Prefix}/{TDoc.RouteSegment}/{{id:guid}}";

    /// <summary>Who made a change, as recorded on the item and in its events.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("email") ?? user.Identity?.Name ?? "unknown";

    /// <summary>The signed-in account's id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue("sub"), out var id) ? id : Guid.Empty;

    /// <summary>Replaces FastEndpoints' default documentation with the real body, response and problem types.</summary>
    public static RouteHandlerBuilder Document<TBody, TResponse>(this RouteHandlerBuilder b, int status, params int[] problems)
        where TBody : notnull
    {
        b.ClearDefaultAccepts().ClearDefaultProduces();
        if (typeof(TBody) != typeof(FastEndpoints.EmptyRequest)) b.Accepts<TBody>("application/json");
        if (typeof(TResponse) == typeof(FastEndpoints.EmptyResponse)) b.Produces(status);
        else b.Produces<TResponse>(status, "application/json");
        foreach (var problem in problems)
        {
            if (problem == 400) b.ProducesValidationProblem();
            else b.ProducesProblem(problem);
        }
        return b;
    }
}
