using System.Globalization;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// French-first messages: the request's UI culture (set from Accept-Language) picks the English text.
/// Two languages do not justify resource files; every message sits beside its English twin where it is used.
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Of(string french, string english) => IsEnglish ? english : french;
}
