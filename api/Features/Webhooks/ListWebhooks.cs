using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>Paging of the webhook list.</summary>
public sealed class WebhookListRequest : PageRequest;

public sealed class WebhookListValidator : Validator<WebhookListRequest>
{
    public WebhookListValidator() => Include(new PageRules());
}

/// <summary>GET /api/v1/manage/webhooks: every webhook with its health, newest first; never a secret.</summary>
public sealed class ListWebhooks(IQuerySession session, WebhookOutbox outbox) : Endpoint<WebhookListRequest, Page<WebhookDetails>>
{
    public override void Configure()
    {
        Get(WebhookRoutes.Collection);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, Page<WebhookDetails>>(200, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List webhooks";
            s.Description = "Administrators only. Every webhook, newest first, with its health: a failing one has had a " +
                            "delivery retried for 24 hours without success.";
        });
    }

    public override async Task HandleAsync(WebhookListRequest request, CancellationToken ct)
    {
        var (page, next) = await session.PageAsync<Webhook>(request, ct);
        var states = await outbox.StatesAsync(page.Select(w => w.Id).ToList(), ct);
        await Send.OkAsync(new Page<WebhookDetails>(
            page.Select(w => w.ToDetails(states.GetValueOrDefault(w.Id, WebhookState.None))).ToList(), next), ct);
    }
}
