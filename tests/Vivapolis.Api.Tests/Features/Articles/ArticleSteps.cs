using System.Net.Http.Headers;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Features.Articles;

/// <summary>The editor's steps, through the HTTP API, that article tests build their situations from.</summary>
public static class ArticleSteps
{
    public const string Manage = "/api/v1/manage/articles";
    public const string Delivery = "/api/v1/articles";

    public static ArticleContent Draft(string title, params string[] themes) => new()
    {
        Title = title,
        Standfirst = "Un chapô de démonstration.",
        Body = "<p>Un corps de texte.</p>",
        Themes = themes,
    };

    public static async Task<(Managed<ArticleContent> Item, string ETag)> CreateAsync(this HttpClient client, ArticleContent content)
    {
        var response = await client.PostJsonAsync(Manage, content);
        var item = await response.ReadAsync<Managed<ArticleContent>>();
        return (item, response.Headers.ETag!.ToString());
    }

    public static async Task<(Managed<ArticleContent> Item, string ETag)> PublishAsync(this HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"{Manage}/{id}/publish", null);
        var item = await response.ReadAsync<Managed<ArticleContent>>();
        return (item, response.Headers.ETag!.ToString());
    }

    public static async Task<Managed<ArticleContent>> CreatePublishedAsync(this HttpClient client, ArticleContent content)
    {
        var (created, _) = await client.CreateAsync(content);
        return (await client.PublishAsync(created.Id)).Item;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, Guid id, ArticleContent content, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Manage}/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(content, options: HttpAssertions.JsonOptions),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }
}
