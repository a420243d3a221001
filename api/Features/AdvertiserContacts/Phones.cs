using PhoneNumbers;

namespace Vivapolis.Api.Features.AdvertiserContacts;

/// <summary>
/// Phone numbers through libphonenumber (Google's metadata, kept up to date by the package), not a regex:
/// French forms without a prefix are read as French, anything with "+" as international.
/// </summary>
public static class Phones
{
    private const string DefaultRegion = "FR";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>"01 99 00 12 34", "+33 1 99 00 12 34" or "0199001234" → "+33199001234"; null when it is not a valid number.</summary>
    public static string? ToE164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        try
        {
            var number = Util.Parse(text, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>True for a valid number already written in E.164, as <see cref="ToE164"/> stores it.</summary>
    public static bool IsE164(string? text) => text is not null && text.StartsWith('+') && ToE164(text) == text;
}
