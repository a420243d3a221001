using System.Net.Http.Headers;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Content;

/// <summary>
/// An editor's steps through the HTTP API for any content type, named by its route segment
/// ("articles", "fiches", "events", "advertiser-contacts").
/// </summary>
public static class ContentSteps
{
    public static string Manage(string segment) => $"/api/v1/manage/{segment}";

    public static string Delivery(string segment) => $"/api/v1/{segment}";

    public static async Task<(Managed<TContent> Item, string ETag)> CreateAsync<TContent>(this HttpClient client, string segment, TContent content)
        where TContent : class
    {
        var response = await client.PostJsonAsync(Manage(segment), content);
        var item = await response.ReadAsync<Managed<TContent>>();
        return (item, response.Headers.ETag!.ToString());
    }

    public static async Task<(Managed<TContent> Item, string ETag)> PublishAsync<TContent>(this HttpClient client, string segment, Guid id)
        where TContent : class
    {
        var response = await client.PostAsync($"{Manage(segment)}/{id}/publish", null);
        var item = await response.ReadAsync<Managed<TContent>>();
        return (item, response.Headers.ETag!.ToString());
    }

    public static async Task<Managed<TContent>> CreatePublishedAsync<TContent>(this HttpClient client, string segment, TContent content)
        where TContent : class
    {
        var (created, _) = await client.CreateAsync(segment, content);
        return (await client.PublishAsync<TContent>(segment, created.Id)).Item;
    }

    public static Task<HttpResponseMessage> PutAsync<TContent>(this HttpClient client, string segment, Guid id, TContent content, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Manage(segment)}/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(content, options: HttpAssertions.JsonOptions),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>Every page of a delivery list, following <c>next</c>.</summary>
    public static async Task<List<T>> ReadAllPagesAsync<T>(this HttpClient client, string url)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?') ? '&' : '?';
            var page = await (await client.GetAsync(cursor is null ? url : $"{url}{separator}cursor={cursor}")).ReadAsync<Page<T>>();
            all.AddRange(page.Items);
            cursor = page.Next;
        } while (cursor is not null);
        return all;
    }
}
