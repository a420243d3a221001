using System.Security.Claims;
using Marten;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>Authors create items and edit and submit their own drafts; what is in review or public is the editors'.</summary>
public static class Authorship
{
    /// <summary>
    /// 403 unless the signed-in user may act on this item: always for managers, only on their own draft for an
    /// author. An author's If-Match must name the version checked here (else 412), so that the version judged to
    /// be their draft is the version the change applies to, even if an editor acts in between.
    /// </summary>
    public static async Task RequireMayEditAsync<TDoc>(this ClaimsPrincipal user, IQuerySession session, Guid id, string? ifMatch,
        CancellationToken ct)
        where TDoc : class, IContentDocument, IAuthored
    {
        if (!user.IsInRole(Roles.Author)) return;
        var doc = await session.LoadAsync<TDoc>(id, ct) ?? throw ProblemException.NotFound();
        if (ifMatch is not null && ETags.VersionFrom(ifMatch) is { } version && version != doc.Version)
            throw ProblemException.Stale(doc.Version);
        if (!string.Equals(doc.CreatedBy, user.Actor(), StringComparison.OrdinalIgnoreCase))
            throw ProblemException.Forbidden(Text.Of(
                "Un auteur ne modifie que ses propres brouillons.", "Authors only edit their own drafts."));
        if (doc.Status != ContentStatus.Draft)
            throw ProblemException.Forbidden(Text.Of(
                $"Cet élément est à l'état « {Json.Name(doc.Status)} » : seuls les éditeurs peuvent le modifier.",
                $"This item is '{Json.Name(doc.Status)}': only editors may change it."));
    }
}

/// <summary>Who created an item, and where it stands.</summary>
public interface IAuthored
{
    int Version { get; }
    string CreatedBy { get; }
    ContentStatus Status { get; }
}
