namespace Vivapolis.Contracts.Common;

/// <summary>What every type's editable content carries: its language and, optionally, a chosen slug.</summary>
public interface IItemContent
{
    Locale Locale { get; }
    string? Slug { get; }
}
