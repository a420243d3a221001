using System.Security.Claims;
using FastEndpoints;
using Microsoft.AspNetCore.Mvc;

namespace Vivapolis.Api.Content.Management;

/// <summary>What every management endpoint shares: its path, who may call it, and how the contract documents it.</summary>
public static class ManagementRoutes
{
    public const string Prefix = "/api/v1/manage";

    /// <summary>Editors and administrators; finer roles arrive with the accounts work.</summary>
    public static readonly string[] ContentRoles = [Features.Auth.Roles.Admin, Features.Auth.Roles.Editor];

    public static string Collection<TDoc>() where TDoc : IContentDocument => $"{Prefix}/{TDoc.RouteSegment}";

    public static string Item<TDoc>() where TDoc : IContentDocument => $"{Prefix}/{TDoc.RouteSegment}/{{id:guid}}";

    /// <summary>Who made a change, as recorded on the item and in its events.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("email") ?? user.Identity?.Name ?? "unknown";

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
