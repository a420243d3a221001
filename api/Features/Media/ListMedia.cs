using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Common;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Features.Media;

/// <summary>Search and paging of the library.</summary>
public sealed class ListMediaRequest : PageRequest
{
    /// <summary>Words found in the file name, the alt text, the credit or the caption (ignoring case).</summary>
    [QueryParam]
    public string? Q { get; init; }

    /// <summary>Only images without alt text (true), the ones to complete before they can be published.</summary>
    [QueryParam]
    public bool? MissingAlt { get; init; }

    /// <summary>Only the images the signed-in user uploaded (true).</summary>
    [QueryParam]
    public bool? Mine { get; init; }
}

public sealed class ListMediaValidator : Validator<ListMediaRequest>
{
    public ListMediaValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.Q).MaximumLength(200)
            .WithMessage(_ => Text.Of("La recherche compte au plus 200 caractères.", "The search must be 200 characters at most."));
    }
}

/// <summary>GET /api/v1/manage/media: the library, newest first, searched and filtered.</summary>
public sealed class ListMedia(IQuerySession session, MediaUrls urls) : Endpoint<ListMediaRequest, Page<MediaDetails>>
{
    public override void Configure()
    {
        Get(MediaRoutes.Collection);
        Roles(MediaRoutes.Users);
        Description(b => b.Document<EmptyRequest, Page<MediaDetails>>(200, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List and search the media library";
            s.Description = "Newest first. `q` searches file names, alt texts, credits and captions; `missingAlt=true` lists " +
                            "the images still without alt text; `mine=true` the signed-in user's uploads.";
        });
    }

    public override async Task HandleAsync(ListMediaRequest request, CancellationToken ct)
    {
        var where = new List<string>();
        var args = new List<object>();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var words = request.Q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8);
            foreach (var word in words)
            {
                where.Add("concat_ws(' ', data->>'fileName', data->>'alt', data->>'credit', data->>'caption') ilike ?");
                args.Add($"%{Like.Escape(word)}%");
            }
        }
        if (request.MissingAlt == true) where.Add("coalesce(btrim(data->>'alt'), '') = ''");
        if (request.Mine == true)
        {
            where.Add("lower(data->>'createdBy') = lower(?)");
            args.Add(User.Actor());
        }
        if (Cursor.TryDecode(request.Cursor, out var after))
        {
            where.Add("(created_at, id) < (?, ?)");
            args.Add(after.Value.Time);
            args.Add(after.Value.Id);
        }
        args.Add(request.Limit + 1);
        var sql = (where.Count == 0 ? "" : "where " + string.Join(" and ", where)) + " order by created_at desc, id desc limit ?";
        var found = await session.QueryAsync<MediaItem>(sql, ct, args.ToArray());
        var page = found.Take(request.Limit).ToList();
        var next = found.Count > request.Limit ? Cursor.At(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        await Send.OkAsync(new Page<MediaDetails>(page.Select(urls.Details).ToList(), next), ct);
    }
}
