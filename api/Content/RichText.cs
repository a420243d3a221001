using Ganss.Xss;

namespace Vivapolis.Api.Content;

/// <summary>
/// The allow-list for rich text: structure, emphasis, links and images, nothing that runs. Applied on write,
/// so what is stored (and streamed to partners) is already safe.
/// </summary>
public static class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string? Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? html : Sanitizer.Sanitize(html);

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
