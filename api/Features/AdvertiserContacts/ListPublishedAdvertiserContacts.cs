using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>Filters of the public advertiser contact list.</summary>
public sealed class AdvertiserContactListRequest : DeliveryListRequest
{
    /// <summary>Only contacts working in this region code (see <c>/api/v1/regions</c>).</summary>
    [QueryParam]
    public string? Region { get; init; }

    /// <summary>Only contacts in this sector, written as the editors wrote it.</summary>
    [QueryParam]
    public string? Sector { get; init; }
}

public sealed class AdvertiserContactListValidator : Validator<AdvertiserContactListRequest>
{
    public AdvertiserContactListValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Region).KnownRegion();
        RuleFor(x => x.Sector).MaximumLength(80);
    }
}

/// <summary>
/// GET /api/v1/advertiser-contacts: published public contacts by display order. Contacts that are not public
/// have no delivery record at all (see <see cref="AdvertiserContactType.ToDelivery"/>), so no filter is needed here.
/// </summary>
public sealed class ListPublishedAdvertiserContacts
    : ListPublished<AdvertiserContact, AdvertiserContactListRequest, AdvertiserContactDelivery>
{
    public override void Configure()
    {
        base.Configure();
        Summary(s => s.Summary = "List public advertiser contacts, by display order");
    }

    protected override DeliveryFilter Filter(AdvertiserContactListRequest r) =>
        new DeliveryFilter().ArrayContains("regions", r.Region).ArrayContains("sectors", r.Sector);

    protected override DeliveryOrder Order(AdvertiserContactListRequest r) =>
        DeliveryOrder.ByNumber(AdvertiserContactsRegistration.DisplayOrderColumn);
}
