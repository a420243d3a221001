using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Fiches;

// The shared endpoints, closed over the fiche types. Routes, rules and behaviour live in Content/.

public sealed class CreateFiche : CreateItem<Fiche, FicheContent, FicheDelivery>;

public sealed class GetFiche : GetItem<Fiche, FicheContent>;

public sealed class ListFiches : ListItems<Fiche, FicheContent>
{
    protected override object InRegion(string code) => new { content = new { territory = new { regionCode = code } } };
}

public sealed class UpdateFiche : UpdateItem<Fiche, FicheContent, FicheDelivery>;

public sealed class PublishFiche : PublishItem<Fiche, FicheContent, FicheDelivery>;

public sealed class UnpublishFiche : UnpublishItem<Fiche, FicheContent, FicheDelivery>;

public sealed class DeleteFiche : DeleteItem<Fiche, FicheContent, FicheDelivery>;

public sealed class GetPublishedFiche : GetPublishedItem<Fiche, FicheDelivery>;

public sealed class PreviewFiche : Vivapolis.Api.Content.Preview.PreviewItem<Fiche, FicheContent, FicheDelivery>;

public sealed class GetFichePreview : Vivapolis.Api.Content.Preview.GetItemPreview<Fiche, FicheDelivery>;

public sealed class RevokeFichePreviewLinks : Vivapolis.Api.Content.Preview.RevokePreviewLinks<Fiche, FicheContent>;

public sealed class SubmitFiche : SubmitItem<Fiche, FicheContent, FicheDelivery>;

public sealed class ListFicheRevisions : ListRevisions<Fiche, FicheContent>;

public sealed class GetFicheRevision : GetRevision<Fiche, FicheContent>;

public sealed class DiffFicheRevisions : DiffRevisions<Fiche, FicheContent>;

public sealed class RestoreFicheRevision : RestoreRevision<Fiche, FicheContent, FicheDelivery>;

public sealed class DiscardFicheDraft : DiscardDraft<Fiche, FicheContent, FicheDelivery>;

public sealed class ScheduleFiche : Vivapolis.Api.Content.Scheduling.ScheduleItem<Fiche, FicheContent, FicheDelivery>;

public sealed class CancelFicheSchedule : Vivapolis.Api.Content.Scheduling.CancelSchedule<Fiche, FicheContent, FicheDelivery>;

public sealed class CreateFicheTranslation : Vivapolis.Api.Content.Translations.CreateTranslation<Fiche, FicheContent, FicheDelivery>;

public sealed class ListFicheTranslations : Vivapolis.Api.Content.Translations.ListTranslations<Fiche, FicheContent, FicheDelivery>;

public sealed class UnlinkFicheTranslation : Vivapolis.Api.Content.Translations.UnlinkTranslation<Fiche, FicheContent, FicheDelivery>;
