using System.Net;
using System.Text.RegularExpressions;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>The words public search finds a published item by.</summary>
/// <param name="Title">Weighted above the rest.</param>
/// <param name="Body">Plain text: summary, body and the like (use <see cref="SearchText.Plain"/> on rich text).</param>
public sealed partial record SearchText(string Title, string Body)
{
    /// <summary>Rich text as words: tags dropped, entities decoded.</summary>
    public static string Plain(string? html) =>
        string.IsNullOrEmpty(html) ? "" : WebUtility.HtmlDecode(Tags().Replace(html, " "));

    public static string Join(params string?[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

/// <summary>One published item as search sees it; written and removed with the item's delivery copy.</summary>
public sealed class SearchEntry
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public Locale Locale { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
}
