using System.Text.Json.Nodes;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;

namespace Vivapolis.Api.Tests.Features.Events;

/// <summary>The shared content steps, for events, and a few events to start from.</summary>
public static class EventSteps
{
    public const string Segment = "events";
    public static readonly string Manage = ContentSteps.Manage(Segment);
    public static readonly string Delivery = ContentSteps.Delivery(Segment);

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static EventVenue Venue(string city = "Paris", string region = "11", string postalCode = "75013") => new()
    {
        Name = "Maison de la ville durable", Address = "12 rue des Tanneurs", PostalCode = postalCode, City = city, RegionCode = region,
    };

    /// <summary>An in-person matinale in Paris, at these local times.</summary>
    public static EventContent Draft(string title, DateTime start, DateTime end) => new()
    {
        Title = title,
        Kind = EventKind.Matinale,
        Summary = "Un résumé de démonstration.",
        Description = "<p>Une description.</p>",
        Start = start,
        End = end,
        Venue = Venue(),
    };

    /// <summary>A two-hour matinale starting at this instant, given on the Paris clock as editors do.</summary>
    public static EventContent Draft(string title, DateTimeOffset startsAt, TimeSpan? length = null) =>
        Draft(title, ParisTime(startsAt), ParisTime(startsAt + (length ?? TimeSpan.FromHours(2))));

    public static DateTime ParisTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris).DateTime;

    public static DateTime Local(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static Task<(Managed<EventContent> Item, string ETag)> CreateAsync(this HttpClient client, EventContent content) =>
        client.CreateAsync(Segment, content);

    public static Task<Managed<EventContent>> CreatePublishedAsync(this HttpClient client, EventContent content) =>
        client.CreatePublishedAsync(Segment, content);

    /// <summary>The published event as its raw JSON, to read times exactly as partners receive them.</summary>
    public static async Task<JsonObject> DeliveredJsonAsync(this HttpClient client, string slug)
    {
        var response = await client.GetAsync($"{Delivery}/{slug}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The ids a delivery query lists, in order, over every page.</summary>
    public static async Task<List<Guid>> ListedAsync(this HttpClient client, string query = "") =>
        (await client.ReadAllPagesAsync<EventDelivery>(query.Length == 0 ? Delivery : $"{Delivery}?{query}")).Select(e => e.Id).ToList();
}
