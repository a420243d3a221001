using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Management;

/// <summary>One version of an item.</summary>
public sealed class RevisionRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The version.</summary>
    public int N { get; init; }
}

public sealed class RevisionRequestValidator : Validator<RevisionRequest>
{
    public RevisionRequestValidator() => RuleFor(x => x.N).GreaterThan(0);
}

/// <summary>GET /api/v1/manage/{type}/{id}/revisions/{n}: the item as it was at version n.</summary>
public abstract class GetRevision<TDoc, TContent> : Endpoint<RevisionRequest, ManagedRevision<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument
    where TContent : class, IItemContent
{
    public override void Configure()
    {
        Get(ManagementRoutes.Item<TDoc>() + "/revisions/{n:int}");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, ManagedRevision<TContent>>(200, 400, 401, 403, 404));
        Summary(s => s.Summary = $"Get one version of one {TDoc.TypeName}, with its content then");
    }

    public override async Task HandleAsync(RevisionRequest request, CancellationToken ct)
    {
        var revision = await Resolve<IQuerySession>().LoadAsync<ContentRevision>(ContentRevision.IdOf(request.Id, request.N), ct);
        if (revision is null || revision.Type != TDoc.TypeName) throw ProblemException.NotFound();
        await Send.OkAsync(revision.ToManaged<TContent>(), ct);
    }
}
