using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Features.ApiKeys;

/// <summary>The names partners' keys are known by: the scheme, the header, the claims and the policies.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The key's id; rate limits are partitioned on it.</summary>
    public const string KeyIdClaim = "api_key_id";

    public const string NameClaim = "name";

    /// <summary>One claim per scope of the key.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Policies an endpoint names (with <c>AuthSchemes(Scheme)</c>) to require a key with that scope.</summary>
    public static class Policies
    {
        public const string SyncRead = "api-key:" + ApiKeyScopes.SyncRead;
        public const string PreviewRead = "api-key:" + ApiKeyScopes.PreviewRead;

        /// <summary>The scope a policy requires (for the contract), or null when it is not one of these.</summary>
        public static string? ScopeOf(string? policy) =>
            policy?.StartsWith("api-key:", StringComparison.Ordinal) == true ? policy["api-key:".Length..] : null;
    }

    /// <summary>
    /// The "ApiKey" scheme beside the bearer one, which stays the default: only endpoints that name this scheme
    /// read the header, so a key opens nothing under /api/v1/manage.
    /// </summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.ConfigureMarten(o => o.Schema.For<ApiKey>()
            .UniqueIndex(UniqueIndexType.DuplicatedField, k => k.Hash)
            .Duplicate(k => k.CreatedAt));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SyncRead, p => RequireScope(p, ApiKeyScopes.SyncRead))
            .AddPolicy(Policies.PreviewRead, p => RequireScope(p, ApiKeyScopes.PreviewRead));
        return services;
    }

    private static void RequireScope(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, string scope) =>
        policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ScopeClaim, scope);
}

/// <summary>
/// Reads <c>X-Api-Key</c> and finds the key by its hash on every request, without a cache, so a revoked key is
/// refused from the very next request on every node. No header: no result (another scheme may apply). A header
/// that is not a key, or an unknown or revoked key: a failure, answered with a 401 problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IQuerySession session, IDocumentStore store, NpgsqlDataSource db, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may get: it costs one write per key per minute, not one per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    // Failure messages are for the logs; the problem's detail is chosen from them in the reader's language.
    private const string Malformed = "The X-Api-Key header does not hold an API key.";
    private const string UnknownOrRevoked = "Unknown or revoked API key.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthentication.Header, out var values)) return AuthenticateResult.NoResult();
        if (values.Count != 1 || !ApiKeySecrets.IsWellFormed(values[0]!)) return AuthenticateResult.Fail(Malformed);

        // Found by hash, not compared: timing tells nothing of a secret whose SHA-256 is all the database holds.
        var hash = ApiKeySecrets.Hash(values[0]!);
        var key = await session.Query<ApiKey>().FirstOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null) return AuthenticateResult.Fail(UnknownOrRevoked);

        await RecordUseAsync(key);
        Claim[] claims =
        [
            new(ApiKeyAuthentication.KeyIdClaim, key.Id.ToString()),
            new(ApiKeyAuthentication.NameClaim, key.Name),
            .. key.Scopes.Select(s => new Claim(ApiKeyAuthentication.ScopeClaim, s)),
        ];
        var identity = new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme, ApiKeyAuthentication.NameClaim, "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    /// <summary>
    /// Sets the last use when the stored one is more than a minute old: skipped without a write otherwise, and the
    /// UPDATE's own condition keeps nodes racing on the same key to one write. A failure here is logged, never the
    /// request's failure.
    /// </summary>
    private async Task RecordUseAsync(ApiKey key)
    {
        var now = clock.Now();
        var threshold = now - LastUseResolution;
        if (key.LastUsedAt is { } last && last >= threshold) return;
        try
        {
            var table = store.Options.FindOrResolveDocumentType(typeof(ApiKey)).TableName.QualifiedName;
            await using var command = db.CreateCommand(
                $"update {table} set data = jsonb_set(data, '{{lastUsedAt}}', $2::jsonb) " +
                "where id = $1 and (data ->> 'lastUsedAt' is null or (data ->> 'lastUsedAt')::timestamptz < $3)");
            command.Parameters.Add(new NpgsqlParameter { Value = key.Id });
            // As Marten writes the value in the document's JSON, so the document reads back the same.
            command.Parameters.Add(new NpgsqlParameter { Value = store.Options.Serializer().ToJson(now) });
            command.Parameters.Add(new NpgsqlParameter { Value = threshold });
            await command.ExecuteNonQueryAsync(Context.RequestAborted);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Logger.LogWarning(e, "The last use of API key {KeyId} could not be recorded", key.Id);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message switch
        {
            null => Text.Of($"Une clé d'API est requise dans l'en-tête {ApiKeyAuthentication.Header}.",
                            $"An API key is required in the {ApiKeyAuthentication.Header} header."),
            Malformed => Text.Of($"L'en-tête {ApiKeyAuthentication.Header} ne contient pas une clé d'API.",
                                 $"The {ApiKeyAuthentication.Header} header does not hold an API key."),
            _ => Text.Of("Cette clé d'API est inconnue ou a été révoquée.", "This API key is unknown or has been revoked."),
        };
        Response.Headers.WWWAuthenticate = ApiKeyAuthentication.Scheme;
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, Text.Of(
            "Cette clé d'API n'a pas la portée (scope) que demande cette opération.",
            "This API key does not have the scope this operation requires."));

    private async Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = Problems.Title(status), Detail = detail },
        });
    }
}
