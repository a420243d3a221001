using System.Diagnostics;
using System.Text.Json;
using FluentValidation.Results;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Vivapolis.Api.Infrastructure;

/// <summary>A failure an endpoint reports on purpose; the exception handler turns it into a problem response.</summary>
public class ProblemException(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null,
    int? retryAfterSeconds = null)
    : Exception(detail ?? title)
{
    /// <summary>Sent as Retry-After (a 429 or 503 that knows when to come back).</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static ProblemException NotFound() =>
        new(StatusCodes.Status404NotFound, Text.Of("Ressource introuvable", "Not found"));

    /// <summary>412: the client acted on an older version; <paramref name="currentVersion"/> tells it which to reload.</summary>
    public static ProblemException Stale(int currentVersion) =>
        new(StatusCodes.Status412PreconditionFailed, Problems.Title(412), Problems.StaleDetail,
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static ProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, Problems.Title(403), detail);

    public static ProblemException Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, Text.Of("Conflit", "Conflict"), detail);
}

public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IServiceCollection AddVivapolisProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            // Replace the framework's English default titles; keep the ones our own code chose.
            if (problem.Status is { } status &&
                (problem.Title is null || status >= 500 || problem.Title == ReasonPhrases.GetReasonPhrase(status)))
                problem.Title = Title(status);
            problem.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>The shape FastEndpoints' validation failures take: RFC 9457 with <c>errors: { field: [messages] }</c>.</summary>
    public static HttpValidationProblemDetails ValidationProblem(IEnumerable<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => FriendlyMessage(f)).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = Text.Of("La requête contient des erreurs", "The request has validation errors"),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Instance = http.Request.Path,
            Extensions = { ["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier },
        };
    }

    /// <summary>Prefix of the messages we give FastEndpoints for query and route values it cannot bind.</summary>
    public const char BindingMark = '\u2063';

    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    // Failures without an error code come from FastEndpoints, not from a validator: either a value it could not
    // bind (our own message, marked) or JSON it could not read, whose text is the serializer's, in English and
    // about .NET types. Those get a plain sentence instead.
    private static string FriendlyMessage(ValidationFailure failure)
    {
        if (!string.IsNullOrEmpty(failure.ErrorCode)) return failure.ErrorMessage;
        if (failure.ErrorMessage.StartsWith(BindingMark)) return failure.ErrorMessage[1..];
        return Text.Of("Valeur illisible : le JSON est mal formé ou ce champ n'a pas le bon type.",
                       "Unreadable value: the JSON is malformed or this field has the wrong type.");
    }

    /// <summary>What a 412 says, whether an If-Match or Marten's own version check found the conflict.</summary>
    public static string StaleDetail => Text.Of(
        "Quelqu'un d'autre a modifié cet élément entre-temps : rechargez-le avant d'enregistrer.",
        "Someone else changed this item in the meantime: reload it before saving.");

    public static string Title(int status) => status switch
    {
        400 => Text.Of("Requête invalide", "Bad request"),
        401 => Text.Of("Authentification requise", "Authentication required"),
        403 => Text.Of("Accès refusé", "Forbidden"),
        404 => Text.Of("Ressource introuvable", "Not found"),
        405 => Text.Of("Méthode non autorisée", "Method not allowed"),
        409 => Text.Of("Conflit", "Conflict"),
        412 => Text.Of("Version périmée", "Precondition failed"),
        413 => Text.Of("Requête trop volumineuse", "Request too large"),
        415 => Text.Of("Type de contenu non pris en charge", "Unsupported media type"),
        428 => Text.Of("En-tête If-Match requis", "If-Match header required"),
        429 => Text.Of("Trop de requêtes", "Too many requests"),
        503 => Text.Of("Service momentanément indisponible", "Service unavailable"),
        _ when status >= 500 => Text.Of("Erreur interne du serveur", "Internal server error"),
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

}

/// <summary>The one place where exceptions become problem responses; endpoints do not catch.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ProblemException p => new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Detail },
            FluentValidation.ValidationException v => Problems.ValidationProblem(v.Errors, http, 400),
            // Checked before the concurrency cases: Marten reports a unique index violation on a stored document
            // as "already exists", but a slug held by another item is a conflict, not a stale version.
            _ when UniqueViolation(exception) is { ConstraintName: { } name } && name.Contains("slug") => new ProblemDetails
            {
                Status = 409,
                Detail = Text.Of("Ce slug est déjà utilisé dans cette langue, ou encore occupé par la version publiée d'un autre élément.",
                                 "This slug is already taken in this language, or still held by another item's published version."),
            },
            ConcurrencyException or DocumentAlreadyExistsException => Stale(),
            // Marten reports every failed operation of a batch: a lost race fails the item's version check and the
            // insert of the revision with that version together.
            AggregateException { InnerExceptions: var all } when all.All(e => e is ConcurrencyException or DocumentAlreadyExistsException) => Stale(),
            MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                new ProblemDetails { Status = 409, Detail = Text.Of("Cette valeur est déjà utilisée.", "This value is already taken.") },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode },
            _ when DatabaseOutage.Is(exception) => Unavailable(http),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails { Status = 500 };
        }
        if (exception is ProblemException pe)
        {
            foreach (var (key, value) in pe.Extensions) problem.Extensions[key] = value;
            if (pe.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static PostgresException? UniqueViolation(Exception? e) => e switch
    {
        null => null,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg,
        AggregateException all => all.InnerExceptions.Select(UniqueViolation).FirstOrDefault(p => p is not null),
        _ => UniqueViolation(e.InnerException),
    };

    private static ProblemDetails Stale() => new() { Status = 412, Detail = Problems.StaleDetail };

    private ProblemDetails Unavailable(HttpContext http)
    {
        // Each request during an outage: one line, not a stack trace per request.
        log.LogWarning("PostgreSQL unavailable on {Method} {Path}: answered 503", http.Request.Method, http.Request.Path);
        DatabaseOutage.ForgetDeadConnections(http.RequestServices);
        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = DatabaseOutage.Detail };
    }
}
