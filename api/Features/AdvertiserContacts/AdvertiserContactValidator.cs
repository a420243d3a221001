using System.Net.Mail;
using FluentValidation;
using Vivapolis.Api.Content;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.AdvertiserContacts;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>Runs on normalised content: the phone is already in E.164 when it is a valid number.</summary>
public sealed class AdvertiserContactValidator : AbstractValidator<AdvertiserContactContent>
{
    public AdvertiserContactValidator()
    {
        this.ItemRules();
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(120)
            .WithMessage(_ => Text.Of("Indiquez le nom complet du contact (120 caractères au plus).",
                                      "Give the contact's full name (120 characters at most)."));
        RuleFor(x => x.JobTitle).MaximumLength(200);
        RuleFor(x => x.Company).MaximumLength(200);
        RuleFor(x => x.Email).Must(IsEmail)
            .WithMessage(_ => Text.Of("Indiquez une adresse e-mail valide, par exemple prenom.nom@example.org.",
                                      "Give a valid e-mail address, for example first.last@example.org."));
        RuleFor(x => x.Phone).Must(p => p is null || Phones.IsE164(p))
            .WithMessage(_ => Text.Of(
                "Numéro de téléphone invalide : indiquez un numéro français (01 99 00 12 34) ou international (+33 1 99 00 12 34).",
                "Invalid phone number: give a French number (01 99 00 12 34) or an international one (+33 1 99 00 12 34)."));
        RuleFor(x => x.Sectors).ShortList(20, 80);
        RuleFor(x => x.Regions).KnownRegions();
        RuleFor(x => x.DisplayOrder).InclusiveBetween(0, 1_000_000)
            .WithMessage(_ => Text.Of("L'ordre d'affichage est un nombre entier de 0 à 1 000 000.",
                                      "The display order is a whole number from 0 to 1,000,000."));
        RuleFor(x => x.InternalNotes).MaximumLength(5000);
        RuleFor(x => x.IsPublic).Must((c, isPublic) => !isPublic || c.Consent?.Given == true)
            .WithMessage(_ => Text.Of("Un contact ne peut être public sans son consentement : enregistrez-le d'abord.",
                                      "A contact cannot be public without their consent: record it first."));
        RuleFor(x => x.Consent!.GivenAt).NotNull().When(x => x.Consent?.Given == true).OverridePropertyName("consent.givenAt")
            .WithMessage(_ => Text.Of("Indiquez la date du consentement.", "Give the date the consent was given."));
        RuleFor(x => x.Consent!.Method).MaximumLength(200).When(x => x.Consent is not null).OverridePropertyName("consent.method");
        RuleFor(x => x.Consent!.Text).MaximumLength(5000).When(x => x.Consent is not null).OverridePropertyName("consent.text");
    }

    /// <summary>One address, as a mail server would read it, with a dotted domain: "nom@example.org", not "nom@local".</summary>
    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= 254
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
