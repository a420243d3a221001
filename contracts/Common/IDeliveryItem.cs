namespace Vivapolis.Contracts.Common;

/// <summary>What every published item carries, whatever its type.</summary>
public interface IDeliveryItem
{
    Guid Id { get; }
    string Slug { get; }
    Locale Locale { get; }
    DateTimeOffset PublishedAt { get; }
    DateTimeOffset UpdatedAt { get; }
    int Version { get; }
}
