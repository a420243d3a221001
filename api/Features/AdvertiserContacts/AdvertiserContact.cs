using static Vivapolis.Api.Content.Normalize;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>The stored advertiser contact: personal data, see <see cref="EraseAdvertiserContact"/>.</summary>
public sealed class AdvertiserContact : ContentDocument<AdvertiserContactContent>, IContentDocument
{
    public static string TypeName => "advertiser-contact";
    public static string RouteSegment => "advertiser-contacts";
    public static ContentDesk Desk => ContentDesk.Advertising;
    public static string Description => "Advertiser contacts: personal data; delivery shows only public contacts and their public fields.";
    public static bool HoldsPersonalData => true;
}

/// <remarks>
/// No <see cref="ContentType{TDoc,TContent,TDelivery}.SearchTextOf"/>: contacts stay out of public search, so the
/// only public copy of a person is the delivery record, and only when they are public.
/// </remarks>
public sealed class AdvertiserContactType(AdvertiserContactValidator validator)
    : ContentType<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery>
{
    public override IValidator<AdvertiserContactContent> Validator => validator;

    public override string TitleOf(AdvertiserContactContent content) => content.FullName;

    public override AdvertiserContactContent Normalize(AdvertiserContactContent c) => c with
    {
        Slug = Trimmed(c.Slug),
        FullName = c.FullName?.Trim() ?? "",
        JobTitle = Trimmed(c.JobTitle),
        Company = Trimmed(c.Company),
        Email = c.Email?.Trim() ?? "",
        Phone = Phones.ToE164(c.Phone) ?? Trimmed(c.Phone), // left as sent when it is no number: the validator says so
        Sectors = c.Sectors?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList() ?? [],
        Regions = c.Regions?.Distinct().ToList() ?? [],
        InternalNotes = Trimmed(c.InternalNotes),
        Consent = c.Consent is null ? null : c.Consent with { Method = Trimmed(c.Consent.Method), Text = Trimmed(c.Consent.Text) },
    };

    /// <summary>Null for a contact that is not public: nothing of them is stored for delivery.</summary>
    public override AdvertiserContactDelivery? ToDelivery(AdvertiserContact a) => !a.Content.IsPublic ? null : new()
    {
        Id = a.Id, Locale = a.Locale, Slug = a.Slug,
        FullName = a.Content.FullName, JobTitle = a.Content.JobTitle, Company = a.Content.Company,
        Email = a.Content.Email, Phone = a.Content.Phone, Sectors = a.Content.Sectors, Regions = a.Content.Regions,
        DisplayOrder = a.Content.DisplayOrder, PublishedAt = a.PublishedAt ?? a.UpdatedAt, UpdatedAt = a.UpdatedAt,
        Version = a.Version,
    };
}

public static class AdvertiserContactsRegistration
{
    /// <summary>The SQL column of <see cref="AdvertiserContactDelivery.DisplayOrder"/>, which the public list is ordered by.</summary>
    public const string DisplayOrderColumn = "display_order";

    public static IServiceCollection AddAdvertiserContacts(this IServiceCollection services) => services
        .AddSingleton<AdvertiserContactValidator>()
        .AddContentType<AdvertiserContact, AdvertiserContactContent, AdvertiserContactDelivery, AdvertiserContactType>()
        .ConfigureMarten(opts => opts.Schema.For<AdvertiserContactDelivery>().Duplicate(x => x.DisplayOrder));
}
