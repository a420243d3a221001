using static Vivapolis.Api.Content.Normalize;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Links;
using Vivapolis.Api.Content.Translations;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Contracts.Media;
using Vivapolis.Contracts.Members;

namespace Vivapolis.Api.Features.Members;

/// <summary>The stored, editable entry of a member of the network (an organisation).</summary>
public sealed class Member : ContentDocument<MemberContent>, IContentDocument
{
    public static string TypeName => "member";
    public static string RouteSegment => "members";
    public static ContentDesk Desk => ContentDesk.Editorial;
    public static string Description =>
        "Members: the directory of the network's members (local authorities, the State, public agencies, companies, " +
        "associations, professional bodies, research), which fiches' actors and events' organisers link to.";
}

/// <remarks>
/// Members are organisations, not people: they go in public search and in the change feed like articles. A member
/// that is not public has no public copy at all (<see cref="ToDelivery(Member)"/>), so it is in neither, and making a
/// published member private takes its copy away at once, as for an advertiser contact.
/// </remarks>
public sealed class MemberType(MemberValidator validator) : ContentType<Member, MemberContent, MemberDelivery>
{
    public override IValidator<MemberContent> Validator => validator;

    public override string TitleOf(MemberContent content) => content.Name;

    public override MemberContent Normalize(MemberContent c) => c with
    {
        Slug = Trimmed(c.Slug),
        Name = c.Name?.Trim() ?? "",
        RegionCode = c.RegionCode?.Trim() ?? "",
        Website = Trimmed(c.Website),
        Description = Trimmed(c.Description),
        Themes = Words(c.Themes),
    };

    public override SearchText SearchTextOf(Member m) => new(m.Content.Name, SearchText.Join(m.Content.Description));

    public override MemberDelivery? ToDelivery(Member m, IReadOnlyList<MediaImage> images) =>
        ToDelivery(m) is { } delivery ? delivery with { Images = images.Count == 0 ? null : images } : null;

    /// <summary>Null for a member that is not public: nothing of it is stored for delivery.</summary>
    public override MemberDelivery? ToDelivery(Member m) => !m.Content.IsPublic ? null : new()
    {
        Id = m.Id, Locale = m.Locale, Slug = m.Slug, Name = m.Content.Name, Kind = m.Content.Kind!.Value,
        Logo = m.Content.Logo, RegionCode = m.Content.RegionCode, Website = m.Content.Website,
        Description = m.Content.Description, MemberSince = m.Content.MemberSince, Themes = m.Content.Themes,
        Seo = m.Content.Seo,
        FichesUrl = $"/api/v1/{Fiche.RouteSegment}?member={m.Id}", EventsUrl = $"/api/v1/{AgendaEvent.RouteSegment}?member={m.Id}",
        PublishedAt = m.PublishedAt ?? m.UpdatedAt, UpdatedAt = m.UpdatedAt, Version = m.Version,
    };
}

/// <summary>How the types that link members (fiches' actors, events' organisers) show them.</summary>
public static class MemberLinks
{
    public static IReadOnlyCollection<string> Types { get; } = [Member.TypeName];

    public static IEnumerable<ItemLink> Of(IEnumerable<Guid?> memberIds) =>
        memberIds.OfType<Guid>().Distinct().Select(id => new ItemLink(Member.TypeName, id));

    /// <summary>The public member <paramref name="id"/> names, if it is one.</summary>
    public static MemberDelivery? Find(this LinkedItems linked, Guid? id) => linked.Find<MemberDelivery>(id);

    public static MemberLink LinkTo(MemberDelivery member) =>
        new(member.Id, member.Slug, member.Name, PublishedVersions<Member, MemberDelivery>.UrlOf(member.Slug, member.Locale));
}

public static class MembersRegistration
{
    public static IServiceCollection AddMembers(this IServiceCollection services) => services
        .AddSingleton<MemberValidator>()
        .AddContentType<Member, MemberContent, MemberDelivery, MemberType>();
}
