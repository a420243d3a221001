using Vivapolis.Api.Tests.Content;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.Articles;

/// <summary>The shared content steps, for articles.</summary>
public static class ArticleSteps
{
    public const string Segment = "articles";
    public static readonly string Manage = ContentSteps.Manage(Segment);
    public static readonly string Delivery = ContentSteps.Delivery(Segment);

    public static ArticleContent Draft(string title, params string[] themes) => new()
    {
        Title = title,
        Standfirst = "Un chapô de démonstration.",
        Body = "<p>Un corps de texte.</p>",
        Themes = themes,
    };

    public static Task<(Managed<ArticleContent> Item, string ETag)> CreateAsync(this HttpClient client, ArticleContent content) =>
        client.CreateAsync(Segment, content);

    public static Task<(Managed<ArticleContent> Item, string ETag)> PublishAsync(this HttpClient client, Guid id) =>
        client.PublishAsync<ArticleContent>(Segment, id);

    public static Task<Managed<ArticleContent>> CreatePublishedAsync(this HttpClient client, ArticleContent content) =>
        client.CreatePublishedAsync(Segment, content);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, Guid id, ArticleContent content, string? ifMatch) =>
        client.PutAsync(Segment, id, content, ifMatch);
}
