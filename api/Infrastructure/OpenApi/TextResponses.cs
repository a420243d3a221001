using FastEndpoints;
using Microsoft.AspNetCore.Mvc;

namespace Vivapolis.Api.Infrastructure.OpenApi;

/// <summary>How endpoints that answer in a format other than JSON (iCalendar, Atom, HTML, JavaScript) document it.</summary>
public static class TextResponses
{
    /// <summary>A 200 in <paramref name="mediaType"/> (a text the contract describes as a string), the problems it may answer, and 304.</summary>
    public static RouteHandlerBuilder DocumentText(this RouteHandlerBuilder b, string mediaType, params int[] problems)
    {
        b.ClearDefaultAccepts().ClearDefaultProduces();
        b.Produces<string>(StatusCodes.Status200OK, mediaType);
        b.Produces(StatusCodes.Status304NotModified);
        foreach (var problem in problems)
        {
            if (problem == StatusCodes.Status400BadRequest) b.ProducesValidationProblem();
            else b.ProducesProblem(problem);
        }
        return b;
    }
}
