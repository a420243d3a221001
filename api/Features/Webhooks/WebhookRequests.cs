using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Sync;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>Paths of the webhook administration endpoints (administrators only).</summary>
public static class WebhookRoutes
{
    public const string Collection = ManagementRoutes.Prefix + "/webhooks";
    public const string Item = Collection + "/{id:guid}";
    public const string Deliveries = Item + "/deliveries";
    public const string Delivery = Deliveries + "/{deliveryId:guid}";
}

/// <summary>A webhook named by its id in the path.</summary>
public sealed class WebhookIdRequest
{
    /// <summary>The webhook's id.</summary>
    public Guid Id { get; init; }
}

/// <summary>A webhook named in the path, for a change that checks the version acted on when it is sent.</summary>
public sealed class WebhookActionRequest
{
    /// <summary>The webhook's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag last read; optional, checked when present (412 when stale).</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}

/// <summary>The new settings of the webhook named in the path.</summary>
public sealed class UpdateWebhookRequest
{
    /// <summary>The webhook's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag of the version being changed: 412 when it is stale, 428 when absent.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    [FromBody]
    public WebhookRequest Body { get; init; } = default!;
}

/// <summary>One delivery of the webhook named in the path.</summary>
public sealed class WebhookDeliveryRequest
{
    /// <summary>The webhook's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The delivery's id (the <c>webhook-id</c> header it was sent with).</summary>
    public Guid DeliveryId { get; init; }
}

/// <summary>
/// The rules of a webhook's settings, for creation and update alike. Run by the endpoints themselves (the update's
/// body is one property of its request): the failures name the body's fields, <c>url</c>, <c>contentTypes</c>.
/// </summary>
public sealed class WebhookRequestValidator : AbstractValidator<WebhookRequest>
{
    public const int MaxDescriptionLength = 200;
    public const int MaxContentTypes = 10;

    public WebhookRequestValidator(WebhookAddresses addresses, ContentTypes types)
    {
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop)
            .MaximumLength(WebhookAddresses.MaxUrlLength)
            .WithMessage(_ => Text.Of($"L'adresse compte au plus {WebhookAddresses.MaxUrlLength} caractères.",
                                      $"The address must be {WebhookAddresses.MaxUrlLength} characters at most."))
            .Must(url => addresses.ProblemWith(url) is null)
            .WithMessage(x => addresses.ProblemWith(x.Url)!);
        RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength)
            .WithMessage(_ => Text.Of($"La description compte au plus {MaxDescriptionLength} caractères.",
                                      $"The description must be {MaxDescriptionLength} characters at most."));
        var kinds = Enum.GetValues<ChangeKind>().Select(Json.Name).ToList();
        RuleFor(x => x.Events).Cascade(CascadeMode.Stop).NotNull()
            .Must(e => e.Count <= kinds.Count)
            .WithMessage(_ => Text.Of($"Au plus {kinds.Count} types d'événement.", $"At most {kinds.Count} events."))
            .Must(e => e.All(kinds.Contains))
            .WithMessage(_ => Text.Of($"Événement inconnu. Valeurs permises : {string.Join(", ", kinds)}.",
                                      $"Unknown event. Allowed values: {string.Join(", ", kinds)}."))
            .Must(e => e.Distinct().Count() == e.Count)
            .WithMessage(_ => Text.Of("Chaque type d'événement ne figure qu'une fois.", "Each event may appear only once."));
        var allowed = string.Join(", ", types.Names);
        RuleFor(x => x.ContentTypes).Cascade(CascadeMode.Stop).NotNull()
            .Must(t => t.Count <= MaxContentTypes)
            .WithMessage(_ => Text.Of($"Au plus {MaxContentTypes} types de contenu.", $"At most {MaxContentTypes} content types."))
            .Must(t => t.All(name => types.Named(name) is not null))
            .WithMessage(_ => Text.Of($"Type de contenu inconnu. Valeurs permises : {allowed}.", $"Unknown content type. Allowed values: {allowed}."))
            .Must(t => t.Distinct().Count() == t.Count)
            .WithMessage(_ => Text.Of("Chaque type de contenu ne figure qu'une fois.", "Each content type may appear only once."));
    }
}

internal static class WebhookLookup
{
    public static async Task<Webhook> LoadWebhookAsync(this IQuerySession session, Guid id, CancellationToken ct) =>
        await session.LoadAsync<Webhook>(id, ct) ?? throw ProblemException.NotFound();

    /// <summary>The version If-Match names, checked against the stored one: 412 when stale, 428 when required and absent.</summary>
    public static void RequireVersion(this Webhook webhook, string? ifMatch, bool required)
    {
        var version = ETags.VersionFrom(ifMatch);
        if (version is null && !required) return;
        if (version is null)
            throw new ProblemException(428, Problems.Title(428), Text.Of(
                "Envoyez l'ETag du webhook dans l'en-tête If-Match, pour que personne n'écrase le travail d'un autre.",
                "Send the webhook's ETag in the If-Match header, so that nobody overwrites someone else's work."));
        if (version != webhook.Version) throw ProblemException.Stale(webhook.Version);
    }

    /// <summary>Saves a change made to a loaded webhook: Marten refuses it (412) if another one landed meanwhile.</summary>
    public static void Touch(this IDocumentSession session, Webhook webhook, string by, DateTimeOffset now)
    {
        var expected = webhook.Version;
        webhook.Version = expected + 1;
        webhook.UpdatedAt = now;
        webhook.UpdatedBy = by;
        session.UpdateRevision(webhook, webhook.Version);
    }

    /// <summary>The webhook as administrators see it, with its health; sets its ETag on the response.</summary>
    public static async Task<WebhookDetails> DetailsAsync(this WebhookOutbox outbox, Webhook webhook, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.ETag = ETags.ForVersion(webhook.Version);
        return webhook.ToDetails(await outbox.StateAsync(webhook.Id, ct));
    }
}
