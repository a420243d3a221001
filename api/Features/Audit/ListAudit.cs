using System.Text;
using FastEndpoints;
using FluentValidation;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Vivapolis.Api.Content;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.Audit;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Features.Audit;

/// <summary>Audit log filters; all optional, combined with "and".</summary>
public sealed class AuditRequest : PageRequest
{
    /// <summary>Only what this account (its email) did.</summary>
    [QueryParam]
    public string? User { get; init; }

    /// <summary>Only what was done to this item.</summary>
    [QueryParam]
    public Guid? Item { get; init; }

    /// <summary>
    /// Only this action: created, edited, submitted, published, unpublished, scheduled, unscheduled, deleted,
    /// restored, erased, draft_discarded, preview_links_revoked, api_key_created, api_key_revoked, user_created,
    /// user_role_changed, user_suspended, user_reactivated, user_password_reset_forced, media_uploaded, media_edited,
    /// media_deleted, webhook_created, webhook_updated, webhook_secret_rotated or webhook_deleted.
    /// </summary>
    [QueryParam]
    public string? Action { get; init; }

    /// <summary>Only items of this content type, by name (the content types listed in the description of this contract).</summary>
    [QueryParam]
    public string? Type { get; init; }

    /// <summary>Only what happened at or after this time (ISO 8601).</summary>
    [QueryParam]
    public DateTimeOffset? From { get; init; }

    /// <summary>Only what happened before this time (ISO 8601, exclusive).</summary>
    [QueryParam]
    public DateTimeOffset? To { get; init; }
}

public sealed class AuditRequestValidator : Validator<AuditRequest>
{
    public AuditRequestValidator()
    {
        Include(new PageRules());
        RuleFor(x => x.User).MaximumLength(320);
        RuleFor(x => x.Action).Must(a => a is null || AuditLog.EventTypesOf.ContainsKey(a))
            .WithMessage(_ => Text.Of($"Action inconnue. Valeurs permises : {string.Join(", ", AuditLog.EventTypesOf.Keys)}.",
                                      $"Unknown action. Allowed values: {string.Join(", ", AuditLog.EventTypesOf.Keys)}."));
        RuleFor(x => x.Type).Must(t => t is null || Resolve<ContentTypes>().Named(t) is not null)
            .WithMessage(_ => Text.Of($"Type inconnu. Valeurs permises : {string.Join(", ", Resolve<ContentTypes>().Names)}.",
                                      $"Unknown type. Allowed values: {string.Join(", ", Resolve<ContentTypes>().Names)}."));
        RuleFor(x => x.To).Must((r, to) => r.From is null || to is null || r.From < to)
            .WithMessage(_ => Text.Of("« to » doit être après « from ».", "'to' must be after 'from'."));
    }
}

/// <summary>How events map to audit actions.</summary>
public static class AuditLog
{
    /// <summary>Each action by the Marten event type names (snake case of the event class) that record it.</summary>
    public static readonly IReadOnlyDictionary<string, string> EventTypesOf = new Dictionary<string, string>
    {
        ["created"] = "item_created",
        ["edited"] = "item_edited",
        ["submitted"] = "item_submitted",
        ["published"] = "item_published",
        ["unpublished"] = "item_unpublished",
        ["scheduled"] = "item_scheduled",
        ["deleted"] = "item_deleted",
        ["restored"] = "item_restored",
        ["erased"] = "item_erased",
        ["unscheduled"] = "item_unscheduled",
        ["draft_discarded"] = "item_draft_discarded",
        ["preview_links_revoked"] = "preview_links_revoked",
        ["api_key_created"] = "api_key_created",
        ["api_key_revoked"] = "api_key_revoked",
        ["user_created"] = "user_created",
        ["user_role_changed"] = "user_role_changed",
        ["user_suspended"] = "user_suspended",
        ["user_reactivated"] = "user_reactivated",
        ["user_password_reset_forced"] = "user_password_reset_forced",
        ["media_uploaded"] = "media_uploaded",
        ["media_edited"] = "media_edited",
        ["media_deleted"] = "media_deleted",
        ["webhook_created"] = "webhook_created",
        ["webhook_updated"] = "webhook_updated",
        ["webhook_secret_rotated"] = "webhook_secret_rotated",
        ["webhook_deleted"] = "webhook_deleted",
    };

    private static readonly Dictionary<string, string> ActionOf = EventTypesOf.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The action an event type records; a kind of event added later passes through under its own name.</summary>
    public static string Action(string eventType) => ActionOf.GetValueOrDefault(eventType, eventType);
}

/// <summary>
/// GET /api/v1/manage/audit: who did what and when, newest first. Read from Marten's event table, which is
/// append-only: every change to content appends its event in the same transaction as the change itself.
/// </summary>
public sealed class ListAudit(NpgsqlDataSource db, IDocumentStore store) : Endpoint<AuditRequest, Page<AuditEntry>>
{
    public override void Configure()
    {
        Get(ManagementRoutes.Prefix + "/audit");
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<EmptyRequest, Page<AuditEntry>>(200, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List the audit log: who did what, when";
            s.Description = "Every change to content, newest first, from the append-only event log; filter by user, " +
                            "item, action, type and time window, and page with the cursor.";
        });
    }

    public override async Task HandleAsync(AuditRequest request, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        string Next(object value, NpgsqlDbType? type = null)
        {
            var parameter = new NpgsqlParameter { Value = value };
            if (type is { } t) parameter.NpgsqlDbType = t;
            command.Parameters.Add(parameter);
            return "$" + command.Parameters.Count;
        }

        var table = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        var sql = new StringBuilder(
            $"select seq_id, id, stream_id, type, data ->> 'at', data ->> 'by', data ->> 'type', data ->> 'version' from {table} where true");
        if (!string.IsNullOrWhiteSpace(request.User)) sql.Append($" and data ->> 'by' = {Next(request.User.Trim())}");
        if (request.Item is { } item) sql.Append($" and stream_id = {Next(item)}");
        if (request.Action is { } action) sql.Append($" and type = {Next(AuditLog.EventTypesOf[action])}");
        if (request.Type is { } type) sql.Append($" and data ->> 'type' = {Next(type)}");
        if (request.From is { } from) sql.Append($" and (data ->> 'at')::timestamptz >= {Next(from.ToUniversalTime(), NpgsqlDbType.TimestampTz)}");
        if (request.To is { } to) sql.Append($" and (data ->> 'at')::timestamptz < {Next(to.ToUniversalTime(), NpgsqlDbType.TimestampTz)}");
        // The sequence number is the order events were appended in: newest first, and a stable keyset position.
        if (Cursor.TryDecode(request.Cursor, out var after)) sql.Append($" and seq_id < {Next(after.Value.Key)}");
        sql.Append($" order by seq_id desc limit {Next(request.Limit + 1)}");
        command.CommandText = sql.ToString();

        var entries = new List<AuditEntry>();
        Cursor? next = null;
        Cursor last = default;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (entries.Count == request.Limit)
                {
                    next = last;
                    break;
                }
                entries.Add(new AuditEntry
                {
                    At = reader.IsDBNull(4) ? default : DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                    By = reader.IsDBNull(5) ? "" : reader.GetString(5),
                    Action = AuditLog.Action(reader.GetString(3)),
                    Type = reader.IsDBNull(6) ? null : reader.GetString(6),
                    ItemId = reader.GetGuid(2),
                    Version = reader.IsDBNull(7) ? null : int.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture),
                });
                last = new Cursor(reader.GetInt64(0), reader.GetGuid(1));
            }
        }
        await Send.OkAsync(new Page<AuditEntry>(entries, next?.Encode()), ct);
    }
}
