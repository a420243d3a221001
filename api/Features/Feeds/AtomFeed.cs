using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.Feeds;

/// <summary>One item of an Atom feed, whatever its type.</summary>
/// <param name="Id">The item's stable id: the entry's id is <c>urn:uuid:…</c> of it, whatever its slug becomes.</param>
/// <param name="Html">Sanitised HTML (it was sanitised on write).</param>
/// <param name="Link">Where the item is delivered as JSON, the entry's alternate link.</param>
public sealed record AtomEntry(
    Guid Id, string Title, string? Summary, string? Html, IReadOnlyList<string> Authors, IReadOnlyList<string> Themes,
    DateTimeOffset Published, DateTimeOffset Updated, string Link);

/// <summary>
/// Published items as an RFC 4287 feed, written by System.ServiceModel.Syndication: stable entry ids, <c>updated</c>
/// from the published version, sanitised HTML content, themes as categories, and RFC 5005 paging (<c>rel="next"</c>
/// carries the cursor of the next page).
/// </summary>
public static class AtomFeed
{
    public const string MediaType = "application/atom+xml; charset=utf-8";

    /// <summary>Where the themes of <c>category</c> elements are listed.</summary>
    private const string ThemeScheme = "/api/v1/themes";

    public static byte[] Write(HttpRequest request, string title, Locale locale, IReadOnlyList<AtomEntry> entries, string? next, DateTimeOffset now)
    {
        var self = new Uri(request.GetEncodedUrl());
        var feed = new SyndicationFeed
        {
            // The feed's own address without the page: the same feed, whichever page is read.
            Id = WithQuery(self, "cursor", null).ToString(),
            Title = new TextSyndicationContent(title),
            Language = JsonLdNodes.LanguageOf(locale),
            // An empty feed has no entry to date it by: now, to the minute the delivery cache keys by.
            LastUpdatedTime = entries.Count > 0 ? entries.Max(e => e.Updated) : now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)),
            Generator = "Vivapolis CMS",
        };
        feed.Authors.Add(new SyndicationPerson { Name = JsonLdNodes.Publisher.Name });
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        if (next is not null) feed.Links.Add(new SyndicationLink(WithQuery(self, "cursor", next), "next", null, "application/atom+xml", 0));
        var english = locale == Locale.En;
        feed.Items = entries.Select(e =>
        {
            var item = new SyndicationItem
            {
                Id = JsonLdNodes.IdOf(e.Id),
                Title = new TextSyndicationContent(e.Title),
                PublishDate = e.Published,
                LastUpdatedTime = e.Updated,
                Summary = e.Summary is null ? null : new TextSyndicationContent(e.Summary),
                Content = e.Html is null ? null : new TextSyndicationContent(e.Html, TextSyndicationContentKind.Html),
            };
            foreach (var author in e.Authors) item.Authors.Add(new SyndicationPerson { Name = author });
            foreach (var theme in e.Themes)
                item.Categories.Add(new SyndicationCategory(theme, ThemeScheme,
                    Themes.All.TryGetValue(theme, out var label) ? (english ? label.En : label.Fr) : theme));
            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(self, e.Link), "application/json"));
            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
            new Atom10FeedFormatter(feed).WriteTo(xml);
        return buffer.ToArray();
    }

    /// <summary>The URL with one query parameter set to <paramref name="value"/>, or removed when it is null.</summary>
    private static Uri WithQuery(Uri url, string name, string? value)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        if (value is null) query.Remove(name);
        else query[name] = value;
        return new Uri(QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), query));
    }
}
