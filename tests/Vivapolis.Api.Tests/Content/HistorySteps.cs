using System.Net.Http.Headers;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Tests.Content;

/// <summary>An editor's review and history steps through the HTTP API, for any content type.</summary>
public static class HistorySteps
{
    /// <summary>POST .../{id}/{action} (submit, publish, unpublish, discard, restore/3), with an optional If-Match.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string segment, Guid id, string action, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ContentSteps.Manage(segment)}/{id}/{action}");
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>The action, asserted successful: the item after it, and its ETag.</summary>
    public static async Task<(Managed<TContent> Item, string ETag)> DoAsync<TContent>(this HttpClient client, string segment, Guid id,
        string action, string? ifMatch = null) where TContent : class
    {
        var response = await client.ActAsync(segment, id, action, ifMatch);
        return (await response.ReadAsync<Managed<TContent>>(), response.Headers.ETag!.ToString());
    }

    public static async Task<(Managed<TContent> Item, string ETag)> EditAsync<TContent>(this HttpClient client, string segment, Guid id,
        TContent content, string ifMatch) where TContent : class
    {
        var response = await client.PutAsync(segment, id, content, ifMatch);
        return (await response.ReadAsync<Managed<TContent>>(), response.Headers.ETag!.ToString());
    }

    public static async Task<Page<RevisionSummary>> RevisionsAsync(this HttpClient client, string segment, Guid id, string query = "") =>
        await (await client.GetAsync($"{ContentSteps.Manage(segment)}/{id}/revisions{query}")).ReadAsync<Page<RevisionSummary>>();

    public static async Task<ManagedRevision<TContent>> RevisionAsync<TContent>(this HttpClient client, string segment, Guid id, int version)
        where TContent : class =>
        await (await client.GetAsync($"{ContentSteps.Manage(segment)}/{id}/revisions/{version}")).ReadAsync<ManagedRevision<TContent>>();

    public static async Task<RevisionDiff> DiffAsync(this HttpClient client, string segment, Guid id, int from, int to) =>
        await (await client.GetAsync($"{ContentSteps.Manage(segment)}/{id}/diff?from={from}&to={to}")).ReadAsync<RevisionDiff>();
}
