using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Fiches;
using Vivapolis.Contracts.Members;

namespace Vivapolis.Api.Features.Members;

/// <summary>Filters of the public members directory; they combine.</summary>
public sealed class MemberListRequest : DeliveryListRequest
{
    /// <summary>Only members of this kind.</summary>
    [QueryParam]
    public ActorKind? Kind { get; init; }

    /// <summary>Only members whose head office is in this region, by INSEE code (see <c>/api/v1/regions</c>); <c>99</c> abroad.</summary>
    [QueryParam]
    public string? Region { get; init; }

    /// <summary>Only members working on this theme code (see <c>/api/v1/themes</c>).</summary>
    [QueryParam]
    public string? Theme { get; init; }

    /// <summary>French full-text search in the name and description: accents and word endings do not matter.</summary>
    [QueryParam]
    public string? Q { get; init; }
}

public sealed class MemberListValidator : Validator<MemberListRequest>
{
    public MemberListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Region).KnownRegion();
        RuleFor(x => x.Theme).KnownTheme();
        // Kind needs no rule: binding refuses any value but the contract's names.
        RuleFor(x => x.Q).SearchWords();
    }
}

/// <summary>
/// GET /api/v1/members: the directory, newest first. Members that are not public have no delivery record at all
/// (see <see cref="MemberType.ToDelivery(Member)"/>), so no filter is needed here.
/// </summary>
public sealed class ListPublishedMembers : ListPublished<Member, MemberListRequest, MemberDelivery>
{
    private const string SearchedText = "concat_ws(' ', data ->> 'name', data ->> 'description')";

    public override void Configure()
    {
        base.Configure();
        Summary(s =>
        {
            s.Summary = "List the public members of the network, newest first";
            s.Description = "Each member's `fichesUrl` and `eventsUrl` list the published fiches and the upcoming events that link it.";
        });
    }

    protected override DeliveryFilter Filter(MemberListRequest r)
    {
        var filter = new DeliveryFilter().ArrayContains("themes", r.Theme).Matches(SearchedText, r.Q);
        if (r.Kind is { } kind) filter.Contains(new { kind });
        if (r.Region is { } region) filter.Contains(new { regionCode = region });
        return filter;
    }
}
