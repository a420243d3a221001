using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vivapolis.Api.Content;

/// <summary>URL names made from French titles: "Vers un modèle français" → "vers-un-modele-francais".</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    public static string From(string title)
    {
        var decomposed = title.Trim().ToLowerInvariant()
            .Replace("œ", "oe").Replace("æ", "ae").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(c);
                pendingHyphen = false;
            }
            else pendingHyphen = true;
        }
        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
