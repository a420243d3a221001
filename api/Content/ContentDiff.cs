using System.Text.Json;
using System.Text.RegularExpressions;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Content;

/// <summary>
/// The fields that differ between two versions of an item's content, compared as JSON so that it works for every
/// type: objects by property, arrays by index, and text word by word. Rich text is compared as its words, tags
/// removed, so that an edited body shows the words that changed rather than two blobs of HTML.
/// </summary>
public static partial class ContentDiff
{
    /// <summary>Above this many differing words in the middle of a text, report it as removed then added.</summary>
    private const int MaxWordsCompared = 1000;

    public static IReadOnlyList<FieldChange> Between(JsonElement older, JsonElement newer)
    {
        var changes = new List<FieldChange>();
        Compare("", older, newer, changes);
        return changes;
    }

    private static void Compare(string path, JsonElement? a, JsonElement? b, List<FieldChange> changes)
    {
        var ka = Kind(a);
        var kb = Kind(b);
        if (ka == JsonValueKind.Object && kb == JsonValueKind.Object)
        {
            var names = a!.Value.EnumerateObject().Select(p => p.Name)
                .Concat(b!.Value.EnumerateObject().Select(p => p.Name)).Distinct();
            foreach (var name in names)
                Compare(path.Length == 0 ? name : $"{path}.{name}", Property(a.Value, name), Property(b.Value, name), changes);
            return;
        }
        if (ka == JsonValueKind.Array && kb == JsonValueKind.Array)
        {
            var left = a!.Value.EnumerateArray().ToList();
            var right = b!.Value.EnumerateArray().ToList();
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                Compare($"{path}[{i}]", i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, changes);
            return;
        }
        if (ka == JsonValueKind.String && kb == JsonValueKind.String)
        {
            var (x, y) = (a!.Value.GetString()!, b!.Value.GetString()!);
            if (x == y) return;
            var rich = IsHtml(x) || IsHtml(y);
            var (tx, ty) = rich ? (Plain(x), Plain(y)) : (x, y);
            changes.Add(new FieldChange(path, Text(tx), Text(ty), rich, Words(tx, ty)));
            return;
        }
        if (ka == kb && (ka is JsonValueKind.Null or JsonValueKind.Undefined || JsonElement.DeepEquals(a!.Value, b!.Value)))
            return;
        // One side is absent, null or of another kind: the whole value changed. A string that appears or
        // disappears is still given as words, so that a body written from nothing reads as added words.
        var old = ka == JsonValueKind.String && IsHtml(a!.Value.GetString()!) ? Text(Plain(a.Value.GetString()!)) : Present(a);
        var @new = kb == JsonValueKind.String && IsHtml(b!.Value.GetString()!) ? Text(Plain(b.Value.GetString()!)) : Present(b);
        var richText = (ka == JsonValueKind.String && IsHtml(a!.Value.GetString()!)) ||
                       (kb == JsonValueKind.String && IsHtml(b!.Value.GetString()!));
        var words = ka == JsonValueKind.String || kb == JsonValueKind.String
            ? Words(old is { ValueKind: JsonValueKind.String } o ? o.GetString()! : "",
                    @new is { ValueKind: JsonValueKind.String } n ? n.GetString()! : "")
            : null;
        changes.Add(new FieldChange(path, old, @new, richText, words));
    }

    private static JsonValueKind Kind(JsonElement? e) => e?.ValueKind ?? JsonValueKind.Undefined;

    private static JsonElement? Property(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) ? v : null;

    private static JsonElement? Present(JsonElement? e) => e is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } ? e.Value.Clone() : null;

    private static JsonElement Text(string s) => JsonSerializer.SerializeToElement(s);

    private static bool IsHtml(string s) => Tag().IsMatch(s);

    /// <summary>The words of rich text: tags dropped, entities decoded, white space collapsed.</summary>
    public static string Plain(string html) => Spaces().Replace(SearchText.Plain(html), " ").Trim();

    /// <summary>
    /// A word-level comparison: the longest common subsequence of the words, after setting aside the common start
    /// and end (which is what most edits leave, and keeps the table small).
    /// </summary>
    public static IReadOnlyList<WordChange> Words(string older, string newer)
    {
        var a = Split(older);
        var b = Split(newer);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;

        var runs = new List<(WordChangeKind Kind, string Word)>();
        runs.AddRange(a[..start].Select(w => (WordChangeKind.Kept, w)));
        var midA = a[start..(a.Length - end)];
        var midB = b[start..(b.Length - end)];
        if (midA.Length > MaxWordsCompared || midB.Length > MaxWordsCompared)
        {
            runs.AddRange(midA.Select(w => (WordChangeKind.Removed, w)));
            runs.AddRange(midB.Select(w => (WordChangeKind.Added, w)));
        }
        else runs.AddRange(Lcs(midA, midB));
        runs.AddRange(a[(a.Length - end)..].Select(w => (WordChangeKind.Kept, w)));

        var merged = new List<WordChange>();
        // Consecutive words of the same kind make one run.
        foreach (var (kind, word) in runs)
        {
            if (merged.Count > 0 && merged[^1].Kind == kind) merged[^1] = merged[^1] with { Text = merged[^1].Text + " " + word };
            else merged.Add(new WordChange(kind, word));
        }
        return merged;
    }

    private static IEnumerable<(WordChangeKind, string)> Lcs(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { yield return (WordChangeKind.Kept, a[x]); x++; y++; }
            else if (table[x + 1, y] >= table[x, y + 1]) yield return (WordChangeKind.Removed, a[x++]);
            else yield return (WordChangeKind.Added, b[y++]);
        }
        while (x < a.Length) yield return (WordChangeKind.Removed, a[x++]);
        while (y < b.Length) yield return (WordChangeKind.Added, b[y++]);
    }

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
