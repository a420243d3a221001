using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;
using Vivapolis.Contracts.Common;
using static Vivapolis.Api.Tests.Features.AdvertiserContacts.AdvertiserContactSteps;

namespace Vivapolis.Api.Tests.Features.AdvertiserContacts;

/// <summary>What sales staff type is checked and normalised: phones in E.164, e-mails, regions, consent.</summary>
public class AdvertiserContactValidationTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("01 99 00 12 34")]
    [InlineData("+33 1 99 00 12 34")]
    [InlineData("0199001234")]
    [InlineData("01.99.00.12.34")]
    [InlineData("+33 (0)1 99 00 12 34")]
    [InlineData("0033 1 99 00 12 34")]
    public async Task French_phone_forms_are_accepted_and_stored_in_E164(string phone)
    {
        var editor = await Api.SalesAsync();

        var published = await editor.CreatePublishedAsync(Contact("Hélène Marivaux") with { Phone = phone });

        Assert.Equal("+33199001234", published.Content.Phone);
        var delivered = await (await Api.CreateClient().GetAsync($"{Delivery}/{published.Slug}")).ReadAsync<AdvertiserContactDelivery>();
        Assert.Equal("+33199001234", delivered.Phone);
    }

    [Fact]
    public async Task A_foreign_number_with_its_country_code_is_kept_in_E164()
    {
        var editor = await Api.SalesAsync();

        var (created, _) = await editor.CreateAsync(Contact("Pieter Claes") with { Phone = "+32 12 34 56 78" });

        Assert.Equal("+3212345678", created.Content.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("01 99 00 12")]
    [InlineData("00 00 00 00 00")]
    [InlineData("pas de numéro")]
    [InlineData("+33 1 99 00 12 34 56 78")]
    public async Task A_phone_that_is_no_valid_number_is_a_400_in_French(string phone)
    {
        var editor = await Api.SalesAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Contact("Karim Benali") with { Phone = phone }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Numéro de téléphone invalide", Assert.Single(problem.ErrorsFor("phone")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("karim.benali")]
    [InlineData("karim@")]
    [InlineData("@example.org")]
    [InlineData("karim@localhost")]
    [InlineData("Karim <karim@example.org>")]
    [InlineData("karim benali@example.org")]
    public async Task An_invalid_e_mail_is_a_400_in_French(string email)
    {
        var editor = await Api.SalesAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Contact("Karim Benali") with { Email = email }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Indiquez une adresse e-mail valide", Assert.Single(problem.ErrorsFor("email")));
    }

    [Fact]
    public async Task Messages_are_in_English_when_the_client_asks_for_it()
    {
        var editor = await Api.SalesAsync();
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await editor.PostJsonAsync(Manage, Contact("Karim Benali") with { Phone = "12345" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Invalid phone number", Assert.Single(problem.ErrorsFor("phone")));
    }

    [Fact]
    public async Task Unknown_regions_a_negative_order_and_a_public_contact_without_consent_are_refused_field_by_field()
    {
        var editor = await Api.SalesAsync();

        var problem = await (await editor.PostJsonAsync(Manage, Contact("Karim Benali") with
        {
            Regions = ["11", "12"],
            DisplayOrder = -1,
            Consent = null,
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Région inconnue", Assert.Single(problem.ErrorsFor("regions")));
        Assert.NotEmpty(problem.ErrorsFor("displayOrder"));
        Assert.Contains("consentement", Assert.Single(problem.ErrorsFor("isPublic")));
    }

    [Fact]
    public async Task A_contact_who_is_not_public_needs_no_consent_and_no_phone()
    {
        var editor = await Api.SalesAsync();

        var (created, _) = await editor.CreateAsync(Contact("Karim Benali") with { IsPublic = false, Consent = null, Phone = null });

        Assert.Equal(ContentStatus.Draft, created.Status);
        Assert.Null(created.Content.Phone);
    }

    [Fact]
    public async Task Editors_get_back_the_internal_notes_and_the_consent_record_with_a_slug_from_the_name()
    {
        var editor = await Api.SalesAsync();
        var content = Contact("Hélène Marivaux");

        var (created, _) = await editor.CreateAsync(content);

        Assert.Equal("helene-marivaux", created.Slug);
        var fetched = await (await editor.GetAsync($"{Manage}/{created.Id}")).ReadAsync<Managed<AdvertiserContactContent>>();
        Assert.Equal(content.InternalNotes, fetched.Content.InternalNotes);
        Assert.Equal(content.Consent, fetched.Content.Consent);
        Assert.Equal("advertiser-contact", fetched.Type);
    }
}
