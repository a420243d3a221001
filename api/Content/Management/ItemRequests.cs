using FastEndpoints;

namespace Vivapolis.Api.Content.Management;

/// <summary>An item named by its id in the path.</summary>
public sealed class ItemIdRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }
}

/// <summary>An item named by its id in the path, for an action that may check the version acted on.</summary>
public sealed class ItemRequest
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag last read; optional for lifecycle actions, checked when present.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}

/// <summary>New content for an existing item.</summary>
public sealed class UpdateItemRequest<TContent>
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The ETag of the version being edited: 412 when it is stale, 428 when absent.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    [FromBody]
    public TContent Content { get; init; } = default!;
}
