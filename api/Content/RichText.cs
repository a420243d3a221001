using System.Text.RegularExpressions;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Vivapolis.Api.Content;

/// <summary>
/// The allow-list for rich text: structure, emphasis, links and images, nothing that runs. Applied on write,
/// so what is stored (and streamed to partners) is already safe.
/// </summary>
public static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string? Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? html : Sanitizer.Sanitize(html);

    /// <summary>Plain text made safe inside HTML: &lt; &gt; &amp; and quotes encoded, letters left readable (é, not &amp;#233;).</summary>
    public static string Encode(string text) => Html.Encode(text);

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Rich text as a reader would copy it from a page, for formats without HTML (iCalendar): paragraphs, headings and
    /// rows on lines of their own, list items as "• …", entities decoded. AngleSharp (under HtmlSanitizer) parses;
    /// the layout is these few rules, since what is stored is already reduced to the allow-list above.
    /// </summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var text = new StringBuilder();
        Append(Parser.ParseDocument("<!doctype html><body>" + html).Body!, text);
        var lines = text.ToString().Split('\n').Select(l => WhiteSpace().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static readonly HtmlParser Parser = new();

    /// <summary>Set apart by a blank line, like paragraphs on a page.</summary>
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase) { "p", "h2", "h3", "h4", "table" };

    /// <summary>On a line of their own.</summary>
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "blockquote", "ul", "ol", "li", "figure", "figcaption", "caption", "tr", "hr",
    };

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { text.Append(WhiteSpace().Replace(t.Data.Replace('\n', ' '), " ")); continue; }
            if (child is not IElement e) continue;
            var name = e.LocalName;
            if (name == "br") { text.Append('\n'); continue; }
            var gap = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;
            Break(text, gap);
            if (name == "li") text.Append("• ");
            Append(e, text);
            if (name is "td" or "th") text.Append(' ');
            Break(text, gap);
        }
    }

    /// <summary>Ends the text with <paramref name="lines"/> line breaks at least: two blocks in a row share theirs.</summary>
    private static void Break(StringBuilder text, int lines)
    {
        var end = 0;
        while (end < text.Length && text[^(end + 1)] == '\n') end++;
        if (text.Length > 0) text.Append('\n', Math.Max(0, lines - end));
    }

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "small",
                "blockquote", "q", "cite", "ul", "ol", "li", "a", "img", "figure", "figcaption",
                "table", "thead", "tbody", "tr", "th", "td", "caption", "abbr", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "lang", "colspan", "rowspan", "scope",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        return new HtmlSanitizer(options);
    }
}
