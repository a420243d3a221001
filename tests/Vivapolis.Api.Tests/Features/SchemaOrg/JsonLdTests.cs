using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Vivapolis.Api.Tests.Content;
using Vivapolis.Api.Tests.Features.Articles;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Articles;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.SchemaOrg;

/// <summary>
/// Every delivered event and article carries its schema.org JSON-LD, checked against the vocabulary of a schema.org
/// release (<see cref="SchemaOrgVocabulary"/>) and against what delivery says of the same item.
/// </summary>
public class JsonLdTests(ApiFactory api) : ApiTest(api)
{
    private static readonly SchemaOrgVocabulary Vocabulary = SchemaOrgVocabulary.Current;

    [Fact]
    public void The_vocabulary_check_refuses_what_schema_org_does_not_have()
    {
        var wrong = JsonNode.Parse("""
            {"@context": "https://schema.org", "@type": "Event", "name": "x", "headline": "an Article's property",
             "eventStatus": "https://schema.org/EventForgotten", "startDate": 2027, "organizer": {"@type": "Place", "name": "y"},
             "isAccessibleForFree": "yes", "colour": "blue", "description": null}
            """)!.AsObject();

        var problems = Vocabulary.Check(wrong);

        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("$.headline: headline is a property of CreativeWork, not of Event"));
        Assert.Contains(problems, p => p.StartsWith("$.eventStatus: https://schema.org/EventForgotten is not one of EventStatusType"));
        Assert.Contains(problems, p => p.StartsWith("$.startDate: a number"));
        Assert.Contains(problems, p => p.StartsWith("$.organizer: a Place where organizer takes"));
        Assert.Contains(problems, p => p.StartsWith("$.isAccessibleForFree: text"));
        Assert.Contains(problems, p => p.StartsWith("$.colour: no property"));
        Assert.Contains(problems, p => p.StartsWith("$.description: null"));
    }

    [Fact]
    public async Task A_mixed_paying_event_is_an_Event_with_a_place_a_virtual_location_an_organizer_and_an_offer()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Draft("Matinale des mobilités", Local("2030-03-29T09:00:00"), Local("2030-03-29T11:00:00")) with
        {
            AttendanceMode = AttendanceMode.Mixed, OnlineUrl = "https://visio.example.org/matinale",
            Venue = Venue() with { Latitude = 48.83, Longitude = 2.35 },
            Organizer = new EventOrganizer("Réseau Vivapolis", "https://vivapolis.example.org"),
            RegistrationUrl = "https://vivapolis.example.org/inscription", Price = new EventPrice(false, 12.5m, "tarif adhérent"),
            Cover = new CoverImage("https://images.example.org/matinale.jpg", "Une salle", null),
        });

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug);
        var jsonLd = delivered["jsonLd"]!.AsObject();

        Assert.Empty(Vocabulary.Check(jsonLd));
        Assert.Equal($"urn:uuid:{published.Id}", jsonLd["@id"]!.GetValue<string>());
        Assert.Equal("Event", jsonLd["@type"]!.GetValue<string>());
        Assert.Equal("Matinale des mobilités", jsonLd["name"]!.GetValue<string>());
        Assert.Equal("2030-03-29T09:00:00+01:00", jsonLd["startDate"]!.GetValue<string>());
        Assert.Equal(delivered["start"]!.GetValue<DateTimeOffset>(), DateTimeOffset.Parse(jsonLd["startDate"]!.GetValue<string>()));
        Assert.Equal("https://schema.org/EventScheduled", jsonLd["eventStatus"]!.GetValue<string>());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", jsonLd["eventAttendanceMode"]!.GetValue<string>());
        Same("""
            [{"@type": "Place", "name": "Maison de la ville durable", "address": {"@type": "PostalAddress", "streetAddress": "12 rue des Tanneurs",
              "postalCode": "75013", "addressLocality": "Paris", "addressRegion": "Île-de-France", "addressCountry": "FR"},
              "geo": {"@type": "GeoCoordinates", "latitude": 48.83, "longitude": 2.35}},
             {"@type": "VirtualLocation", "url": "https://visio.example.org/matinale"}]
            """, jsonLd["location"]);
        Same("""{"@type": "Organization", "name": "Réseau Vivapolis", "url": "https://vivapolis.example.org"}""", jsonLd["organizer"]);
        Assert.Equal(12.5m, jsonLd["offers"]!["price"]!.GetValue<decimal>());
        Assert.Equal("EUR", jsonLd["offers"]!["priceCurrency"]!.GetValue<string>());
        Assert.Equal("https://vivapolis.example.org/inscription", jsonLd["offers"]!["url"]!.GetValue<string>());
        Assert.False(jsonLd["isAccessibleForFree"]!.GetValue<bool>());
        Assert.Equal("https://images.example.org/matinale.jpg", jsonLd["image"]!.GetValue<string>());
        Assert.Equal("fr", jsonLd["inLanguage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Online_free_cancelled_and_all_day_events_say_so_in_schema_org_terms()
    {
        var editor = await Api.EditorAsync();
        var online = await editor.CreatePublishedAsync(Draft("Webinar", Local("2030-04-01T16:00:00"), Local("2030-04-01T17:00:00")) with
        {
            Locale = Locale.En, Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online, Venue = null,
            OnlineUrl = "https://visio.example.org/w", Price = new EventPrice(true, null, null), EventStatus = EventStatus.Postponed,
        });
        var salon = await editor.CreatePublishedAsync(Draft("Salon annulé", Local("2030-05-01"), Local("2030-05-03")) with
        {
            AllDay = true, Kind = EventKind.Salon, EventStatus = EventStatus.Cancelled, Summary = null,
            Venue = new EventVenue { Name = "Centre des congrès", City = "Montréal", Country = "CA" },
        });
        var anonymous = Api.CreateClient();

        var webinar = (await anonymous.DeliveredJsonAsync($"{online.Slug}?locale=en"))["jsonLd"]!.AsObject();
        var allDay = (await anonymous.DeliveredJsonAsync(salon.Slug))["jsonLd"]!.AsObject();

        Assert.Empty(Vocabulary.Check(webinar));
        Assert.Empty(Vocabulary.Check(allDay));
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", webinar["eventAttendanceMode"]!.GetValue<string>());
        Same("""[{"@type": "VirtualLocation", "url": "https://visio.example.org/w"}]""", webinar["location"]);
        Assert.Equal("https://schema.org/EventPostponed", webinar["eventStatus"]!.GetValue<string>());
        Assert.True(webinar["isAccessibleForFree"]!.GetValue<bool>());
        Assert.Equal(0, webinar["offers"]!["price"]!.GetValue<decimal>());
        Assert.Equal("en", webinar["inLanguage"]!.GetValue<string>());
        Assert.Equal("https://schema.org/EventCancelled", allDay["eventStatus"]!.GetValue<string>());
        Assert.Equal(("2030-05-01", "2030-05-03"), (allDay["startDate"]!.GetValue<string>(), allDay["endDate"]!.GetValue<string>()));
        Assert.Null(allDay["description"]); // absent, not null
        Assert.Null(allDay["location"]![0]!["address"]!["addressRegion"]); // abroad: no French region
    }

    [Fact]
    public async Task Listed_events_carry_their_json_ld_and_so_does_the_embedded_page()
    {
        var editor = await Api.EditorAsync();
        var first = await editor.CreatePublishedAsync(Draft("Première", Local("2030-06-01T09:00:00"), Local("2030-06-01T10:00:00")));
        var second = await editor.CreatePublishedAsync(Draft("Seconde", Local("2030-06-02T09:00:00"), Local("2030-06-02T10:00:00")));
        var anonymous = Api.CreateClient();

        var listed = await anonymous.ReadAllPagesAsync<EventDelivery>($"{Delivery}?from=2030-01-01");
        var html = await (await anonymous.GetAsync("/embed/agenda?from=2030-01-01")).Content.ReadAsStringAsync();
        var block = new HtmlParser().ParseDocument(html).QuerySelector("script[type='application/ld+json']")!.TextContent;

        Assert.Equal([$"urn:uuid:{first.Id}", $"urn:uuid:{second.Id}"], listed.Select(e => e.JsonLd!.Id));
        var embedded = JsonNode.Parse(block)!.AsArray();
        Assert.Equal(listed.Select(e => e.JsonLd!.Id), embedded.Select(n => n!["@id"]!.GetValue<string>()));
        Assert.All(embedded, n => Assert.Empty(Vocabulary.Check(n!.AsObject())));
    }

    [Fact]
    public async Task An_interview_is_an_Article_with_its_authors_publisher_section_keywords_and_the_person_it_is_about()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(ArticleSteps.Draft("Vers un modèle français de la ville durable", "gouvernance-participation") with
        {
            Authors = ["Claire Dupont", "Marc Lefèvre"], Rubric = "Écosystème", Tags = ["urbanisme", "coopération"],
            Interviewee = new Interviewee("Hélène Marivaux", "directrice générale", "Agence d'urbanisme de Lorient"),
            Cover = new CoverImage("https://images.example.org/ville.jpg", "Une rue plantée", "Photo : Vivapolis"),
        });
        var anonymous = Api.CreateClient();

        var delivered = (await anonymous.ReadAllPagesAsync<ArticleDelivery>(ArticleSteps.Delivery)).Single();
        var raw = JsonNode.Parse(await (await anonymous.GetAsync($"{ArticleSteps.Delivery}/{published.Slug}")).Content.ReadAsStringAsync())!;
        var jsonLd = raw["jsonLd"]!.AsObject();

        Assert.Empty(Vocabulary.Check(jsonLd));
        Assert.Equal("Article", jsonLd["@type"]!.GetValue<string>());
        Assert.Equal($"urn:uuid:{published.Id}", jsonLd["@id"]!.GetValue<string>());
        Assert.Equal("Vers un modèle français de la ville durable", jsonLd["headline"]!.GetValue<string>());
        Assert.Equal("Un chapô de démonstration.", jsonLd["description"]!.GetValue<string>());
        Assert.Equal(["Claire Dupont", "Marc Lefèvre"], jsonLd["author"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal(delivered.PublishedAt, jsonLd["datePublished"]!.GetValue<DateTimeOffset>());
        Assert.Equal(delivered.UpdatedAt, jsonLd["dateModified"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Écosystème", jsonLd["articleSection"]!.GetValue<string>());
        Assert.Equal("urbanisme, coopération", jsonLd["keywords"]!.GetValue<string>());
        Assert.Equal("Vivapolis", jsonLd["publisher"]!["name"]!.GetValue<string>());
        Same("""
            {"@type": "Person", "name": "Hélène Marivaux", "jobTitle": "directrice générale",
             "worksFor": {"@type": "Organization", "name": "Agence d'urbanisme de Lorient"}}
            """, jsonLd["about"]);
    }

    /// <summary>The same JSON, whatever the order of keys (PostgreSQL's jsonb keeps its own).</summary>
    private static void Same(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());
}
