namespace Vivapolis.Contracts.Reference;

/// <summary>One content type the API serves, as its registry describes it.</summary>
public sealed record ContentTypeItem
{
    /// <summary>Its name in sync entries, webhooks, the audit log and search hits: <c>article</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Its path segment: <c>/api/v1/{segment}</c>, <c>/api/v1/manage/{segment}</c>.</summary>
    public required string Segment { get; init; }

    /// <summary>What it holds.</summary>
    public required string Description { get; init; }

    /// <summary>Who manages it: <c>editorial</c> (editors; authors draft) or <c>advertising</c> (sales).</summary>
    public required string Desk { get; init; }

    /// <summary>Whether its items have versions in other languages (translations, <c>alternates</c>, <c>fallback</c>).</summary>
    public required bool Translatable { get; init; }

    /// <summary>Whether public search finds its items.</summary>
    public required bool Searchable { get; init; }

    /// <summary>Whether it names people: only public items with their public fields are delivered, and they can be erased.</summary>
    public required bool PersonalData { get; init; }
}
