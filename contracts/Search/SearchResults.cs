namespace Vivapolis.Contracts.Search;

/// <summary>Published items matching a French full-text query, best first.</summary>
/// <param name="Query">The query as received.</param>
/// <param name="Items">The matches, best first.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Items);

/// <summary>One published item that matches.</summary>
/// <param name="Type">The content type's name: one of the searchable types listed in the description of this contract.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Slug">Read it at <c>/api/v1/{type's path segment}/{slug}</c>, for example <c>/api/v1/members/{slug}</c>.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Excerpt">A short passage around the matching words, HTML-escaped, the words wrapped in <c>&lt;mark&gt;</c>.</param>
/// <param name="Rank">Relevance; higher is better. Only meaningful within one response.</param>
/// <param name="PublishedAt">When the item was first published.</param>
public sealed record SearchHit(string Type, Guid Id, string Slug, string Title, string Excerpt, double Rank, DateTimeOffset PublishedAt);
