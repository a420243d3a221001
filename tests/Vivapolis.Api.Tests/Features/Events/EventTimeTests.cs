using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Events;
using static Vivapolis.Api.Tests.Features.Events.EventSteps;

namespace Vivapolis.Api.Tests.Features.Events;

/// <summary>Local times plus an IANA zone come out with the offset in force at each instant.</summary>
public class EventTimeTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    // Paris: summer time from Sunday 28 March 2027, winter time from Sunday 31 October 2027.
    [InlineData("Europe/Paris", "2027-03-26T09:00:00", "2027-03-26T09:00:00+01:00", "2027-03-26T08:00:00+00:00")]
    [InlineData("Europe/Paris", "2027-03-29T09:00:00", "2027-03-29T09:00:00+02:00", "2027-03-29T07:00:00+00:00")]
    [InlineData("Europe/Paris", "2027-10-29T09:00:00", "2027-10-29T09:00:00+02:00", "2027-10-29T07:00:00+00:00")]
    [InlineData("Europe/Paris", "2027-11-02T09:00:00", "2027-11-02T09:00:00+01:00", "2027-11-02T08:00:00+00:00")]
    // Montréal: summer time from Sunday 14 March 2027.
    [InlineData("America/Montreal", "2027-03-12T09:00:00", "2027-03-12T09:00:00-05:00", "2027-03-12T14:00:00+00:00")]
    [InlineData("America/Montreal", "2027-03-15T09:00:00", "2027-03-15T09:00:00-04:00", "2027-03-15T13:00:00+00:00")]
    // La Réunion: no summer time, UTC+4 all year.
    [InlineData("Indian/Reunion", "2027-03-26T09:00:00", "2027-03-26T09:00:00+04:00", "2027-03-26T05:00:00+00:00")]
    [InlineData("Indian/Reunion", "2027-07-26T09:00:00", "2027-07-26T09:00:00+04:00", "2027-07-26T05:00:00+00:00")]
    public async Task A_local_start_comes_out_with_the_offset_of_that_day_in_that_zone(string zone, string local, string start, string startsAt)
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(
            Draft("Matinale à l'heure locale", Local(local), Local(local).AddHours(2)) with { TimeZone = zone });

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug);

        Assert.Equal(start, delivered["start"]!.GetValue<string>());
        Assert.Equal(startsAt, delivered["startsAt"]!.GetValue<string>());
        Assert.Equal(zone, delivered["timeZone"]!.GetValue<string>());
        Assert.Equal(local[..10], delivered["startDate"]!.GetValue<string>());
        Assert.False(delivered["allDay"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_night_across_the_autumn_change_starts_in_summer_time_and_ends_in_winter_time()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(
            Draft("Nuit des observatoires urbains", Local("2027-10-30T22:00:00"), Local("2027-10-31T04:00:00")));

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug);

        Assert.Equal("2027-10-30T22:00:00+02:00", delivered["start"]!.GetValue<string>());
        Assert.Equal("2027-10-31T04:00:00+01:00", delivered["end"]!.GetValue<string>());
        // Seven hours pass, not six: the clock goes back at 3:00.
        Assert.Equal(TimeSpan.FromHours(7),
            DateTimeOffset.Parse(delivered["endsAt"]!.GetValue<string>()) - DateTimeOffset.Parse(delivered["startsAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_all_day_event_has_dates_and_no_time_and_covers_its_local_days_across_the_spring_change()
    {
        var editor = await Api.EditorAsync();
        var published = await editor.CreatePublishedAsync(
            Draft("Salon des solutions urbaines", Local("2027-03-27"), Local("2027-03-28")) with { AllDay = true, Kind = EventKind.Salon });

        var delivered = await Api.CreateClient().DeliveredJsonAsync(published.Slug);

        Assert.True(delivered["allDay"]!.GetValue<bool>());
        Assert.Null(delivered["start"]);
        Assert.Null(delivered["end"]);
        Assert.Equal("2027-03-27", delivered["startDate"]!.GetValue<string>());
        Assert.Equal("2027-03-28", delivered["endDate"]!.GetValue<string>());
        // Midnight in Paris when the first day starts (winter time) and when the last one ends (summer time).
        Assert.Equal("2027-03-26T23:00:00+00:00", delivered["startsAt"]!.GetValue<string>());
        Assert.Equal("2027-03-28T22:00:00+00:00", delivered["endsAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_all_day_event_given_with_a_time_is_a_400_asking_for_dates_only()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage,
                Draft("Journée avec heure", Local("2027-03-27T09:00:00"), Local("2027-03-27")) with { AllDay = true }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Un événement sur la journée entière n'a pas d'heure : donnez seulement la date (2027-03-26).", problem.ErrorsFor("start"));
        Assert.Empty(problem.ErrorsFor("end"));
    }

    [Theory]
    [InlineData("2027-03-26T11:00:00", "2027-03-26T09:00:00", false)]
    [InlineData("2027-03-27", "2027-03-26", true)]
    public async Task An_end_before_the_start_is_a_400_problem_in_French(string start, string end, bool allDay)
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Draft("À l'envers", Local(start), Local(end)) with { AllDay = allDay }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["La fin de l'événement ne peut pas précéder son début."], problem.ErrorsFor("end"));
    }

    [Fact]
    public async Task An_end_equal_to_the_start_is_accepted()
    {
        var editor = await Api.EditorAsync();

        var response = await editor.PostJsonAsync(Manage, Draft("Instantané", Local("2027-03-26T09:00:00"), Local("2027-03-26T09:00:00")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_start_sent_with_an_offset_is_refused_because_the_zone_gives_the_offset()
    {
        var editor = await Api.EditorAsync();
        var body = """
            {"title": "Avec décalage", "kind": "matinale", "start": "2027-03-26T09:00:00+01:00", "end": "2027-03-26T11:00:00Z",
             "venue": {"name": "Maison de la ville durable", "city": "Paris", "regionCode": "11"}}
            """;

        var problem = await (await editor.PostAsync(Manage, new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("sans décalage", problem.ErrorsFor("start").Single());
        Assert.Contains("sans décalage", problem.ErrorsFor("end").Single());
    }

    [Theory]
    [InlineData("2027-03-27", "2027-03-28", true)] // what <input type="date"> sends
    [InlineData("2027-03-26T09:00", "2027-03-26T11:30", false)] // what <input type="datetime-local"> sends
    public async Task Dates_and_times_are_taken_as_the_editor_form_sends_them(string start, string end, bool allDay)
    {
        var editor = await Api.EditorAsync();
        var body = $$"""
            {"title": "Saisie du formulaire", "kind": "atelier", "start": "{{start}}", "end": "{{end}}", "allDay": {{(allDay ? "true" : "false")}},
             "venue": {"name": "Maison de la ville durable", "city": "Paris", "regionCode": "11"} }
            """;

        var response = await editor.PostAsync(Manage, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var created = await response.ReadAsync<Managed<EventContent>>();
        Assert.Equal(Local(start), created.Content.Start);
        Assert.Equal(Local(end), created.Content.End);
    }

    [Fact]
    public async Task A_time_the_spring_change_skips_is_refused()
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Draft("Nuit du changement d'heure", Local("2027-03-28T02:30:00"), Local("2027-03-28T05:00:00"))))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("n'existe pas", problem.ErrorsFor("start").Single());
        Assert.Empty(problem.ErrorsFor("end"));
    }

    [Theory]
    [InlineData("Europe/Lutece")]
    [InlineData("Romance Standard Time")] // a Windows id, not an IANA one
    [InlineData("+01:00")]
    public async Task A_time_zone_that_is_not_a_known_IANA_id_is_refused(string zone)
    {
        var editor = await Api.EditorAsync();

        var problem = await (await editor.PostJsonAsync(Manage,
                Draft("Fuseau inconnu", Local("2027-03-26T09:00:00"), Local("2027-03-26T11:00:00")) with { TimeZone = zone }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Europe/Paris", problem.ErrorsFor("timeZone").Single());
    }

    [Fact]
    public async Task Without_a_time_zone_the_event_is_on_the_Paris_clock_and_start_and_end_are_required()
    {
        var editor = await Api.EditorAsync();

        var (created, _) = await editor.CreateAsync(Draft("Sans fuseau", Local("2027-03-26T09:00:00"), Local("2027-03-26T11:00:00")) with { TimeZone = "" });
        var missing = await (await editor.PostJsonAsync(Manage, Draft("Sans dates", Local("2027-03-26"), Local("2027-03-26")) with { Start = null, End = null }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Europe/Paris", created.Content.TimeZone);
        Assert.Equal(Local("2027-03-26T09:00:00"), created.Content.Start);
        Assert.Equal(["Indiquez le début de l'événement."], missing.ErrorsFor("start"));
        Assert.Equal(["Indiquez la fin de l'événement."], missing.ErrorsFor("end"));
    }
}
