namespace Vivapolis.Api.Infrastructure;

public static class Like
{
    /// <summary>Makes user text literal inside an ILIKE pattern (the default escape character is the backslash).</summary>
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
