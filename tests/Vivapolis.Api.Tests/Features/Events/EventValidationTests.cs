using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Features.Events;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.Events;

/// <summary>What an editor is told when an event is not complete, and what the public then sees of it.</summary>
public class EventValidationTests(ApiFactory api) : ApiTest(api)
{
    private static EventContent Matinale(string title = "Matinale de la ville durable") =>
        Draft(title, Local("2027-03-26T09:00:00"), Local("2027-03-26T11:00:00"));

    [Fact]
    public async Task An_in_person_event_without_a_venue_is_a_400_asking_for_the_venue_and_nothing_is_stored()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Matinale() with { Venue = null })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Indiquez le lieu : un événement en présentiel a besoin d'un lieu."], problem.ErrorsFor("venue"));
        Assert.Empty(problem.ErrorsFor("onlineUrl"));
        Assert.Equal(0, await Api.Services.GetRequiredService<IDocumentStore>().QuerySession().Query<AgendaEvent>().CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://webinaires.example.org/sans-tls")]
    [InlineData("webinaires.example.org/relatif")]
    public async Task An_online_event_needs_an_https_url_but_no_venue(string? url)
    {
        var editor = await Api.EditorAsync();
        var online = Matinale() with { Kind = EventKind.Webinaire, AttendanceMode = AttendanceMode.Online, Venue = null };

        var problem = await (await editor.PostJsonAsync(Manage, online with { OnlineUrl = url })).ProblemAsync(HttpStatusCode.BadRequest);
        var accepted = await editor.PostJsonAsync(Manage, online with { OnlineUrl = "https://webinaires.example.org/ville" });

        Assert.Equal(["Indiquez l'adresse https où suivre l'événement : un événement en ligne en a besoin."], problem.ErrorsFor("onlineUrl"));
        Assert.Empty(problem.ErrorsFor("venue"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_mixed_event_needs_both_a_venue_and_an_https_url()
    {
        var editor = await Api.EditorAsync();
        var mixed = Matinale() with { AttendanceMode = AttendanceMode.Mixed };

        var neither = await (await editor.PostJsonAsync(Manage, mixed with { Venue = null })).ProblemAsync(HttpStatusCode.BadRequest);
        var venueOnly = await (await editor.PostJsonAsync(Manage, mixed)).ProblemAsync(HttpStatusCode.BadRequest);
        var both = await editor.PostJsonAsync(Manage, mixed with { OnlineUrl = "https://visio.example.org/matinale" });

        Assert.Contains("un événement mixte a besoin d'un lieu", neither.ErrorsFor("venue").Single());
        Assert.Contains("un événement mixte a besoin", neither.ErrorsFor("onlineUrl").Single());
        Assert.Empty(venueOnly.ErrorsFor("venue"));
        Assert.NotEmpty(venueOnly.ErrorsFor("onlineUrl"));
        Assert.Equal(HttpStatusCode.Created, both.StatusCode);
    }

    [Fact]
    public async Task Attendance_messages_are_in_English_when_the_client_asks_for_it()
    {
        var editor = await Api.EditorAsync();
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await editor.PostJsonAsync(Manage, Matinale() with { AttendanceMode = AttendanceMode.Mixed, Venue = null }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Give the venue: a mixed event needs a venue and an https URL to attend online."], problem.ErrorsFor("venue"));
    }

    [Fact]
    public async Task Venue_kind_price_edition_and_links_are_checked_field_by_field()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Matinale() with
        {
            Kind = null,
            Venue = new EventVenue { Name = "", City = "Paris", PostalCode = "7501", RegionCode = "12", Latitude = 95, Longitude = 2.35 },
            Price = new EventPrice(false, -5m, null),
            Edition = 0,
            RegistrationUrl = "http://inscriptions.example.org",
            Organizer = new EventOrganizer("", "ftp://example.org"),
            Themes = ["astrologie"],
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("matinale, rencontre, salon, conference, webinaire, visite, atelier", problem.ErrorsFor("kind").Single());
        Assert.NotEmpty(problem.ErrorsFor("venue.name"));
        Assert.Equal(["Un code postal français compte cinq chiffres."], problem.ErrorsFor("venue.postalCode"));
        Assert.Contains("84", problem.ErrorsFor("venue.regionCode").Single()); // the allowed codes are listed
        Assert.Equal(["La latitude est comprise entre -90 et 90 degrés."], problem.ErrorsFor("venue.latitude"));
        Assert.Equal(["Le prix est un montant en euros, de 0 à 100 000."], problem.ErrorsFor("price.amount"));
        Assert.Contains("à partir de 1", problem.ErrorsFor("edition").Single());
        Assert.NotEmpty(problem.ErrorsFor("registrationUrl"));
        Assert.NotEmpty(problem.ErrorsFor("organizer.name"));
        Assert.NotEmpty(problem.ErrorsFor("organizer.url"));
        Assert.Contains("mobilite", problem.ErrorsFor("themes").Single());
    }

    [Theory]
    [InlineData(true, 10.0, "price.amount", "Un événement gratuit n'a pas de montant.")]
    [InlineData(false, null, "price.amount", "Indiquez le prix en euros, ou que l'événement est gratuit.")]
    [InlineData(false, 12.345, "price.amount", "Le prix s'exprime en euros et centimes (deux décimales au plus).")]
    public async Task A_price_is_free_or_an_amount_in_euros(bool free, double? amount, string field, string message)
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Matinale() with { Price = new EventPrice(free, (decimal?)amount, null) }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_venue_abroad_takes_the_abroad_region_by_itself_and_a_French_one_must_name_its_region()
    {
        var editor = await Api.EditorAsync();

        var (abroad, _) = await editor.CreateAsync(Matinale("Pavillon France à Montréal") with
        {
            TimeZone = "America/Montreal",
            Venue = new EventVenue { Name = "Palais des congrès", City = "Montréal", PostalCode = "H2Z 1H5", Country = "ca" },
        });
        var french = await (await editor.PostJsonAsync(Manage, Matinale() with { Venue = Venue() with { RegionCode = null } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("CA", abroad.Content.Venue!.Country);
        Assert.Equal("99", abroad.Content.Venue.RegionCode);
        Assert.Contains("Choisissez la région du lieu", french.ErrorsFor("venue.regionCode").Single());
    }

    [Theory]
    [InlineData(1, Locale.Fr, "1re édition")]
    [InlineData(3, Locale.Fr, "3ème édition")]
    [InlineData(3, Locale.En, "3rd edition")]
    [InlineData(12, Locale.En, "12th edition")]
    public async Task The_edition_number_is_delivered_with_its_label(int edition, Locale locale, string label)
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Matinale("Rencontres du financement international") with
        {
            Locale = locale, Series = "Rencontres du financement international", Edition = edition,
        });

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug + (locale == Locale.En ? "?locale=en" : ""));

        Assert.Equal(edition, delivered["edition"]!.GetValue<int>());
        Assert.Equal(label, delivered["editionLabel"]!.GetValue<string>());
        Assert.Equal("Rencontres du financement international", delivered["series"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_the_attendance_mode_leaves_out_is_not_delivered_and_the_description_is_sanitised()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(Matinale("Webinaire sans adresse") with
        {
            Kind = EventKind.Webinaire,
            AttendanceMode = AttendanceMode.Online,
            OnlineUrl = "https://webinaires.example.org/ville",
            Description = "<p onclick=\"alert(1)\">Programme</p><script>alert(2)</script>",
            Price = new EventPrice(true, null, null),
        });

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug);

        Assert.Null(delivered["venue"]);
        Assert.Equal("https://webinaires.example.org/ville", delivered["onlineUrl"]!.GetValue<string>());
        Assert.Equal("online", delivered["attendanceMode"]!.GetValue<string>());
        Assert.Equal("webinaire", delivered["kind"]!.GetValue<string>());
        Assert.Equal("scheduled", delivered["eventStatus"]!.GetValue<string>());
        Assert.True(delivered["price"]!["free"]!.GetValue<bool>());
        Assert.Equal("<p>Programme</p>", delivered["description"]!.GetValue<string>());
        Assert.NotNull(published.Content.Venue); // the editors keep it, in case the event goes back to in person
    }
}
