using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Content.Management;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Fiches;

// The shared endpoints, closed over the fiche types. Routes, rules and behaviour live in Content/.

public sealed class CreateFiche : CreateItem<Fiche, FicheContent, FicheDelivery>;

public sealed class GetFiche : GetItem<Fiche, FicheContent>;

public sealed class ListFiches : ListItems<Fiche, FicheContent>;

public sealed class UpdateFiche : UpdateItem<Fiche, FicheContent, FicheDelivery>;

public sealed class PublishFiche : PublishItem<Fiche, FicheContent, FicheDelivery>;

public sealed class UnpublishFiche : UnpublishItem<Fiche, FicheContent, FicheDelivery>;

public sealed class DeleteFiche : DeleteItem<Fiche, FicheContent, FicheDelivery>;

public sealed class GetPublishedFiche : GetPublishedItem<Fiche, FicheDelivery>;
