using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>An editor's steps with the media library, through the HTTP API.</summary>
public static class MediaSteps
{
    public const string Manage = "/api/v1/manage/media";

    public static Task<HttpResponseMessage> UploadRawAsync(this HttpClient client, byte[] bytes, string fileName = "photo.jpg",
        string contentType = "image/jpeg", params (string Name, string Value)[] texts) =>
        client.PostAsync(Manage, PreparedRequest.FormContent(
            [FormPart.File("file", bytes, fileName, contentType), .. texts.Select(t => FormPart.Text(t.Name, t.Value))]));

    public static async Task<(MediaDetails Media, string ETag)> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "photo.jpg",
        string contentType = "image/jpeg", params (string Name, string Value)[] texts)
    {
        var response = await client.UploadRawAsync(bytes, fileName, contentType, texts);
        var media = await response.ReadAsync<MediaDetails>();
        return (media, response.Headers.ETag!.ToString());
    }

    public static Task<(MediaDetails Media, string ETag)> UploadWithAltAsync(this HttpClient client, byte[]? bytes = null, string alt = "Une place plantée d'arbres") =>
        client.UploadAsync(bytes ?? TestImages.Jpeg(480, 320), "place.jpg", "image/jpeg", ("alt", alt), ("credit", "Photo : Vivapolis"));

    public static Task<HttpResponseMessage> EditAsync(this HttpClient client, Guid id, string? ifMatch, string? alt, string? credit = null, string? caption = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Manage}/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["alt"] = alt, ["credit"] = credit, ["caption"] = caption }),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>The bytes of a file of the library, read anonymously as a partner's page would.</summary>
    public static async Task<byte[]> FileBytesAsync(this HttpClient anonymous, string url)
    {
        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
