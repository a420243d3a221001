using System.Text;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Delivery;
using Vivapolis.Api.Features.Fiches;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Fiches;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>GET /feeds/fiches.atom: the exemplary actions, newest first, with the filters of /api/v1/fiches.</summary>
public sealed class GetFichesFeed(TimeProvider clock) : AtomFeedEndpoint<Fiche, FicheListRequest, FicheDelivery>(clock)
{
    protected override DeliveryFilter Filter(FicheListRequest request) => ListPublishedFiches.FilterFor(request);

    protected override string Title(Locale locale) => locale == Locale.En ? "Vivapolis: exemplary actions" : "Vivapolis : fiches actions exemplaires";

    protected override AtomEntry EntryOf(FicheDelivery f) =>
        new(f.Id, f.Title, f.Summary, ContentOf(f), [], f.Themes, f.PublishedAt, f.UpdatedAt, LinkOf(f.Slug, f.Locale));

    /// <summary>The fiche's three rich texts under their headings, as the fiche reads.</summary>
    private static string? ContentOf(FicheDelivery f)
    {
        var english = f.Locale == Locale.En;
        var html = new StringBuilder();
        foreach (var (heading, text) in new[]
                 {
                     (english ? "Challenge" : "Enjeu", f.Challenge),
                     (english ? "Actions" : "Actions", f.Actions),
                     (english ? "Results" : "Résultats", f.Results),
                 })
            if (!string.IsNullOrWhiteSpace(text)) html.Append("<h2>").Append(RichText.Encode(heading)).Append("</h2>").Append(text);
        return html.Length == 0 ? null : html.ToString();
    }
}
