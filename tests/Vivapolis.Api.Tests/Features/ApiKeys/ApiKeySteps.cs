using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Tests.Features.ApiKeys;

/// <summary>An administrator's steps with partners' API keys, and clients that send one.</summary>
public static class ApiKeySteps
{
    public const string Keys = "/api/v1/manage/api-keys";
    public const string Header = "X-Api-Key";

    /// <summary>The administrator creates a key with these scopes; the response holds its secret.</summary>
    public static async Task<CreatedApiKey> CreateApiKeyAsync(this HttpClient admin, string name, params string[] scopes) =>
        await (await admin.PostJsonAsync(Keys, new ApiKeyRequest { Name = name, Scopes = scopes })).ReadAsync<CreatedApiKey>();

    /// <summary>A client that sends this key on every request, and nothing else.</summary>
    public static HttpClient ClientWithKey(this ApiFactory api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(Header, key);
        return client;
    }

    /// <summary>A partner's client: a new key with these scopes (created by the administrator), sent on every request.</summary>
    public static async Task<(HttpClient Client, CreatedApiKey Key)> PartnerAsync(this ApiFactory api, params string[] scopes)
    {
        var admin = await api.ClientForAsync(ApiFactory.AdminEmail);
        var key = await admin.CreateApiKeyAsync("Partenaire de test", scopes);
        return (api.ClientWithKey(key.Key), key);
    }

    public static string Preview(string segment, Guid id) => $"/api/v1/preview/{segment}/{id}";
}
