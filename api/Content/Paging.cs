using FastEndpoints;
using FluentValidation;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Content;

/// <summary>What a paged request carries, whatever else it binds (see <see cref="PageRequest"/>).</summary>
public interface IPaged
{
    int Limit { get; }
    string? Cursor { get; }
}

/// <summary>Query parameters every list takes.</summary>
public abstract class PageRequest : IPaged
{
    /// <summary>How many items per page, 1 to 100.</summary>
    [QueryParam]
    public int Limit { get; init; } = 20;

    /// <summary>The <c>next</c> value of the previous page.</summary>
    [QueryParam]
    public string? Cursor { get; init; }
}

/// <summary>The checks every list's paging needs; a list's validator includes them.</summary>
public sealed class PageRules : AbstractValidator<IPaged>
{
    public const int MaxLimit = 100;

    public PageRules()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, MaxLimit)
            .WithMessage(_ => Text.Of($"La limite doit être comprise entre 1 et {MaxLimit}.", $"Limit must be between 1 and {MaxLimit}."));
        RuleFor(x => x.Cursor).Must(Cursor.IsValidOrAbsent)
            .WithMessage(_ => Text.Of("Ce curseur n'est pas valide : reprenez la valeur « next » d'une page.",
                                      "This cursor is not valid: use the 'next' value of a page."));
    }
}
