namespace Vivapolis.Api.Content;

/// <summary>The clean-up every content type applies to what editors send, before validation.</summary>
public static class Normalize
{
    /// <summary>Trimmed text, or null when nothing but spaces was sent.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A list of short values, trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Words(IReadOnlyList<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList() ?? [];
}
