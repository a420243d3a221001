using Vivapolis.Api.Content;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.Articles;

/// <summary>
/// The schema.org <c>Article</c> of a published article (https://schema.org/Article), made from its delivery shape
/// so it can only say what delivery says.
/// </summary>
public static class ArticleJsonLdMapping
{
    public static ArticleJsonLd Of(ArticleDelivery a) => new()
    {
        Id = JsonLdNodes.IdOf(a.Id),
        Headline = a.Title,
        Description = a.Standfirst ?? a.Seo?.Description,
        Author = a.Authors.Select(name => new JsonLdPerson { Name = name }).ToList(),
        DatePublished = a.PublishedAt,
        DateModified = a.UpdatedAt,
        InLanguage = JsonLdNodes.LanguageOf(a.Locale),
        ArticleSection = a.Rubric,
        Keywords = a.Tags.Count == 0 ? null : string.Join(", ", a.Tags),
        Image = a.Cover?.Url,
        Publisher = JsonLdNodes.Publisher,
        About = a.Interviewee is { } i ? new JsonLdPerson
        {
            Name = i.Name, JobTitle = i.Role,
            WorksFor = i.Organisation is { } organisation ? new JsonLdOrganization { Name = organisation } : null,
        } : null,
    };
}
