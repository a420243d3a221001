using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content.Translations;

/// <summary>The language version to make of the item in the path.</summary>
public sealed class CreateTranslationRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    [FromBody]
    public TranslationRequest Translation { get; init; } = null!;
}

public sealed class CreateTranslationValidator : Validator<CreateTranslationRequest>
{
    public CreateTranslationValidator() =>
        RuleFor(x => x.Translation.Slug!).Must(Slugs.IsValid).When(x => x.Translation?.Slug is not null)
            .OverridePropertyName("slug")
            .WithMessage(_ => Text.Of(
                $"Le slug ne peut contenir que des minuscules sans accents, des chiffres et des tirets ({Slugs.MaxLength} caractères au plus).",
                $"The slug may only contain lowercase letters, digits and hyphens ({Slugs.MaxLength} characters at most)."));
}

/// <summary>POST /api/v1/manage/{type}/{id}/translations: a draft in another language, in the item's group.</summary>
public abstract class CreateTranslation<TDoc, TContent, TDelivery> : Endpoint<CreateTranslationRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Post(ManagementRoutes.Item<TDoc>() + "/translations");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<TranslationRequest, Managed<TContent>>(201, 400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = $"Start the version of one {TDoc.TypeName} in another language";
            s.Description = "A new draft with the item's content to translate, its own slug (the item's when none is " +
                            "given) and its own workflow, linked to the item's other language versions. 409 when the " +
                            "item already has a version in that language.";
        });
    }

    public override async Task HandleAsync(CreateTranslationRequest request, CancellationToken ct)
    {
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .TranslateAsync(request.Id, request.Translation, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        HttpContext.Response.Headers.Location = $"{ManagementRoutes.Collection<TDoc>()}/{doc.Id}";
        await Send.ResponseAsync(doc.ToManaged(TDoc.TypeName), 201, ct);
    }
}

/// <summary>GET /api/v1/manage/{type}/{id}/translations: the item's language versions, itself included.</summary>
public abstract class ListTranslations<TDoc, TContent, TDelivery> : Endpoint<ItemIdRequest, IReadOnlyList<TranslationSummary>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Get(ManagementRoutes.Item<TDoc>() + "/translations");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, IReadOnlyList<TranslationSummary>>(200, 401, 403, 404));
        Summary(s => s.Summary = $"List the language versions of one {TDoc.TypeName}, itself included");
    }

    public override async Task HandleAsync(ItemIdRequest request, CancellationToken ct)
    {
        var versions = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>().VersionsOfAsync(request.Id, ct);
        await Send.OkAsync(versions.Select(v => new TranslationSummary
        {
            Id = v.Id, Locale = v.Locale, Slug = v.Slug, Title = v.Title, Status = v.Status,
            HasUnpublishedChanges = v.HasUnpublishedChanges, UpdatedAt = v.UpdatedAt,
        }).ToList(), ct);
    }
}

/// <summary>DELETE /api/v1/manage/{type}/{id}/translations: the item leaves its group (If-Match required).</summary>
public abstract class UnlinkTranslation<TDoc, TContent, TDelivery> : Endpoint<ItemRequest, Managed<TContent>>
    where TDoc : ContentDocument<TContent>, IContentDocument, new()
    where TContent : class, IItemContent
    where TDelivery : class, IDeliveryItem
{
    public override void Configure()
    {
        Delete(ManagementRoutes.Item<TDoc>() + "/translations");
        Roles(ManagementRoutes.Writers<TDoc>());
        Description(b => b.Document<EmptyRequest, Managed<TContent>>(200, 401, 403, 404, 412, 428));
        Summary(s =>
        {
            s.Summary = $"Unlink one {TDoc.TypeName} from its other language versions (If-Match required)";
            s.Description = "The item gets a translation group of its own: an edit like any other, so the public links " +
                            "of a published item change when it is published again.";
        });
    }

    public override async Task HandleAsync(ItemRequest request, CancellationToken ct)
    {
        await User.RequireMayEditAsync<TDoc>(Resolve<Marten.IQuerySession>(), request.Id, request.IfMatch, ct);
        var doc = await Resolve<ContentLifecycle<TDoc, TContent, TDelivery>>()
            .UnlinkTranslationAsync(request.Id, request.IfMatch, User.Actor(), ct);
        HttpContext.Response.Headers.ETag = ETags.ForVersion(doc.Version);
        await Send.OkAsync(doc.ToManaged(TDoc.TypeName), ct);
    }
}
