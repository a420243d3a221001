namespace Vivapolis.Contracts.Reference;

/// <summary>One value of a reference list (a theme, a region) that filters and content use by its code.</summary>
/// <param name="Code">Stable code used in content and filters, for example <c>mobilite</c> or <c>53</c>.</param>
/// <param name="Label">Label in the requested language.</param>
public sealed record ReferenceItem(string Code, string Label);
