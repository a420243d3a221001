using FastEndpoints;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Reference;

namespace Vivapolis.Api.Features.Reference;

/// <summary>The language of a reference list's labels.</summary>
public sealed class ReferenceRequest
{
    /// <summary>Language of the labels.</summary>
    [QueryParam]
    public Locale Locale { get; init; } = Locale.Fr;
}

/// <summary>A fixed list of codes and labels, cacheable for a day.</summary>
public abstract class ReferenceList(IReadOnlyDictionary<string, (string Fr, string En)> values, string route, string summary)
    : Endpoint<ReferenceRequest, IReadOnlyList<ReferenceItem>>
{
    public override void Configure()
    {
        Get(route);
        AllowAnonymous();
        Description(b => b.Document<EmptyRequest, IReadOnlyList<ReferenceItem>>(200, 400));
        Summary(s => s.Summary = summary);
    }

    public override async Task HandleAsync(ReferenceRequest request, CancellationToken ct)
    {
        var items = values.Select(v => new ReferenceItem(v.Key, request.Locale == Locale.En ? v.Value.En : v.Value.Fr)).ToList();
        HttpContext.Response.Headers.CacheControl = "public, max-age=86400";
        await Send.OkAsync(items, ct);
    }
}

/// <summary>GET /api/v1/themes: the sustainable-city themes content is filed under.</summary>
public sealed class ListThemes() : ReferenceList(Themes.All, "/api/v1/themes", "The themes content is filed under");

/// <summary>GET /api/v1/regions: the 18 French regions by INSEE code, and 99 for abroad.</summary>
public sealed class ListRegions() : ReferenceList(Regions.All, "/api/v1/regions", "The French regions (INSEE codes) and abroad");

/// <summary>
/// GET /api/v1/content-types: the registry of content types, for clients that work with every type (the editor app,
/// a mirror's schema): the names sync entries, webhooks and the audit log use, and each type's path segment.
/// </summary>
public sealed class ListContentTypes(ContentTypes types) : EndpointWithoutRequest<IReadOnlyList<ContentTypeItem>>
{
    public override void Configure()
    {
        Get("/api/v1/content-types");
        AllowAnonymous();
        Description(b => b.Document<EmptyRequest, IReadOnlyList<ContentTypeItem>>(200));
        Summary(s => s.Summary = "List the content types the API serves");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        await Send.OkAsync(types.All.Select(t => new ContentTypeItem
        {
            Name = t.Name, Segment = t.RouteSegment, Description = t.Description,
            Desk = t.Desk == ContentDesk.Editorial ? "editorial" : "advertising",
            Translatable = t.Translatable, Searchable = t.Searchable, PersonalData = t.HoldsPersonalData,
        }).ToList(), ct);
    }
}
