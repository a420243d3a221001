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

/// <summary>A document listed newest first by its creation time (a duplicated <c>created_at</c> column), then its id.</summary>
public interface ICreatedDocument
{
    Guid Id { get; }
    DateTimeOffset CreatedAt { get; }
}

public static class NewestFirst
{
    /// <summary>One page of <typeparamref name="T"/>, newest first, from the request's cursor; and the cursor of the next page.</summary>
    public static async Task<(IReadOnlyList<T> Items, string? Next)> PageAsync<T>(this Marten.IQuerySession session, PageRequest request,
        CancellationToken ct) where T : ICreatedDocument
    {
        var where = "";
        var args = new List<object>();
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            where = "where (created_at, id) < (?, ?)";
            args.Add(after.Value.Time);
            args.Add(after.Value.Id);
        }
        args.Add(request.Limit + 1);
        var found = await session.QueryAsync<T>($"{where} order by created_at desc, id desc limit ?", ct, args.ToArray());
        var page = found.Take(request.Limit).ToList();
        return (page, found.Count > request.Limit ? Cursor.At(page[^1].CreatedAt, page[^1].Id).Encode() : null);
    }
}
