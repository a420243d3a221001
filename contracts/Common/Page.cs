namespace Vivapolis.Contracts.Common;

/// <summary>One page of a list, newest first unless the list says otherwise.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Next">Opaque cursor for the next page: pass it back as <c>cursor</c>. Null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
