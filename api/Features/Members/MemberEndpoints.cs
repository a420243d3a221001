using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Members;

namespace Vivapolis.Api.Features.Members;

// The shared endpoints, closed over the member types. Routes, rules and behaviour live in Content/. A member is one
// entry for one organisation: no language versions.

public sealed class CreateMember : CreateItem<Member, MemberContent, MemberDelivery>;

public sealed class GetMember : GetItem<Member, MemberContent>;

public sealed class ListMembers : ListItems<Member, MemberContent>
{
    protected override object InRegion(string code) => new { content = new { regionCode = code } };
}

public sealed class UpdateMember : UpdateItem<Member, MemberContent, MemberDelivery>;

public sealed class PublishMember : PublishItem<Member, MemberContent, MemberDelivery>;

public sealed class UnpublishMember : UnpublishItem<Member, MemberContent, MemberDelivery>;

public sealed class DeleteMember : DeleteItem<Member, MemberContent, MemberDelivery>;

public sealed class GetPublishedMember : GetPublishedItem<Member, MemberDelivery>;

public sealed class PreviewMember : Vivapolis.Api.Content.Preview.PreviewItem<Member, MemberContent, MemberDelivery>;

public sealed class GetMemberPreview : Vivapolis.Api.Content.Preview.GetItemPreview<Member, MemberDelivery>;

public sealed class RevokeMemberPreviewLinks : Vivapolis.Api.Content.Preview.RevokePreviewLinks<Member, MemberContent>;

public sealed class SubmitMember : SubmitItem<Member, MemberContent, MemberDelivery>;

public sealed class ListMemberRevisions : ListRevisions<Member, MemberContent>;

public sealed class GetMemberRevision : GetRevision<Member, MemberContent>;

public sealed class DiffMemberRevisions : DiffRevisions<Member, MemberContent>;

public sealed class RestoreMemberRevision : RestoreRevision<Member, MemberContent, MemberDelivery>;

public sealed class DiscardMemberDraft : DiscardDraft<Member, MemberContent, MemberDelivery>;

public sealed class ScheduleMember : Vivapolis.Api.Content.Scheduling.ScheduleItem<Member, MemberContent, MemberDelivery>;

public sealed class CancelMemberSchedule : Vivapolis.Api.Content.Scheduling.CancelSchedule<Member, MemberContent, MemberDelivery>;
