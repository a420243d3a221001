using System.Security.Claims;
using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>
/// The library's paths and who may use it: admins and editors everything; authors upload, browse and pick any image,
/// and edit or delete only their own uploads; the sales desk has no images.
/// </summary>
public static class MediaRoutes
{
    public const string Collection = ManagementRoutes.Prefix + "/media";
    public const string Item = Collection + "/{id:guid}";

    public static readonly string[] Users = [Roles.Admin, Roles.Editor, Roles.Author];

    /// <summary>403 for an author acting on someone else's upload.</summary>
    public static void RequireMayChange(this ClaimsPrincipal user, MediaItem media)
    {
        if (user.IsInRole(Roles.Author) && !string.Equals(media.CreatedBy, user.Actor(), StringComparison.OrdinalIgnoreCase))
            throw ProblemException.Forbidden(Text.Of(
                "Un auteur ne modifie et ne supprime que les images qu'il a envoyées.",
                "Authors only edit and delete the images they uploaded."));
    }

    /// <summary>Trimmed, and blank texts as absent.</summary>
    public static MediaTexts Normalize(MediaTexts texts) => new()
    {
        Alt = Blank(texts.Alt), Credit = Blank(texts.Credit), Caption = Blank(texts.Caption),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>An image named by its id in the path.</summary>
public sealed class MediaIdRequest
{
    /// <summary>The image's id.</summary>
    public Guid Id { get; init; }
}

public sealed class MediaTextsValidator : AbstractValidator<MediaTexts>
{
    public MediaTextsValidator()
    {
        RuleFor(x => x.Alt).MaximumLength(300)
            .WithMessage(_ => Text.Of("Le texte alternatif compte au plus 300 caractères.", "Alt text must be 300 characters at most."));
        RuleFor(x => x.Credit).MaximumLength(200)
            .WithMessage(_ => Text.Of("Le crédit compte au plus 200 caractères.", "Credit must be 200 characters at most."));
        RuleFor(x => x.Caption).MaximumLength(1000)
            .WithMessage(_ => Text.Of("La légende compte au plus 1000 caractères.", "Caption must be 1000 characters at most."));
    }
}

/// <summary>Every media endpoint answers with the image's version as its ETag, like content.</summary>
public static class MediaResponses
{
    public static void SetETag(this HttpContext http, MediaItem media) => http.Response.Headers.ETag = ETags.ForVersion(media.Version);
}
