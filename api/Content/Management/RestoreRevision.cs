using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>The revision to restore, and the ETag of the version it replaces.</summary>
public sealed class RestoreRevisionRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The version whose content is restored.</summary>
    public int N { get; init; }

    /// <summary>The ETag of the current version: 412 when it is stale, 428 when absent.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}

public sealed class RestoreRevisionValidator : Validator<RestoreRevisionRequest>
{
    public RestoreRevisionValidator() => RuleFor(x => x.N).GreaterThan(0);
}

/// <summary>POST /api/v1/manage/{type}/{id}/restore/{n}: a new version with version n's content.</summary>
public abstract class RestoreRevision<TDoc, TContent, TDelivery> : Endpoint<RestoreRevisionRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/restore/{n:int}");
        Roles(ManagementRoutes.Managers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 400, 401, 403, 404, 409, 412, 428));
        Summary(s =>
        {
            s.Summary = $"Restore an earlier version of one {TDoc.TypeName} (If-Match required)";
            s.Description = "Makes a new version whose content is version n's, like an edit: history is never rewritten, " +
                            "the status stays, and a published item keeps its public version until it is published again.";
        });
    }

    public override async Task HandleAsync(RestoreRevisionRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .RestoreAsync(request.Id, request.N, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
