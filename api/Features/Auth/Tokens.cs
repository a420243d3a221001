using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vivapolis.Api.Features.Auth;

public sealed class JwtSettings
{
    public const string Issuer = "vivapolis";
    public const string Audience = "vivapolis-manage";

    public required SymmetricSecurityKey Key { get; init; }
    /// <summary>Of an access token: short, so that a suspension or a role change applies within minutes.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Of a sign-in session, whatever the refreshes: then the password is asked again.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(7);
}

/// <summary>Issues and checks the bearer tokens of the management API.</summary>
public sealed class Tokens(JwtSettings settings, TimeProvider clock)
{
    /// <summary>An access token for <paramref name="user"/> within the sign-in session <paramref name="sessionId"/> (claim <c>sid</c>).</summary>
    public (string Token, int ExpiresIn) Issue(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSettings.Issuer,
            Audience = JwtSettings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.Lifetime,
            Subject = new ClaimsIdentity([
                new Claim("sub", user.Id.ToString()),
                new Claim("email", user.Email),
                new Claim("name", user.DisplayName),
                new Claim("role", user.Role),
                new Claim("sid", sessionId.ToString()),
            ]),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)settings.Lifetime.TotalSeconds);
    }
}

public static class AuthSetup
{
    public const string KeySetting = "Vivapolis:Jwt:SigningKey";

    public static IServiceCollection AddVivapolisAuth(this IServiceCollection services, IConfiguration config)
    {
        // Resolved on first use, so that commands which sign nobody in (openapi) run without a key.
        services.AddSingleton(_ =>
        {
            var secret = config[KeySetting];
            if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < 32)
                throw new InvalidOperationException(
                    $"{KeySetting} must be set to at least 32 random characters (environment variable Vivapolis__Jwt__SigningKey).");
            return new JwtSettings { Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) };
        });
        services.AddSingleton<Tokens>();
        services.AddScoped<Accounts>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignInThrottle>();
        services.ConfigureMarten(o =>
        {
            // Optimistic concurrency: a sign-in or a password change cannot write back a copy an administrator just changed.
            o.Schema.For<User>().UniqueIndex(u => u.Email).UseOptimisticConcurrency(true);
            o.Schema.For<RefreshSession>().UseNumericRevisions(true).Index(s => s.UserId);
            o.Schema.For<SignInFailures>();
        });
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<User>, Microsoft.AspNetCore.Identity.PasswordHasher<User>>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtSettings, TimeProvider>((o, settings, clock) =>
            {
                o.MapInboundClaims = false;
                // The account and the sign-in session are read again on every signed-in request (two primary-key
                // lookups; delivery is anonymous and never pays them): a suspension, a forced reset, a role change, a
                // logout or a password change stops the access tokens already issued at once, so nobody can use the
                // minutes left (a demoted administrator to undo it, a thief after the owner signed out).
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var principal = context.Principal!;
                        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
                        var ct = context.HttpContext.RequestAborted;
                        var user = Guid.TryParse(principal.FindFirst("sub")?.Value, out var id) ? await session.LoadAsync<User>(id, ct) : null;
                        var signIn = Guid.TryParse(principal.FindFirst("sid")?.Value, out var sid) ? await session.LoadAsync<RefreshSession>(sid, ct) : null;
                        if (user is null || !user.MaySignIn || user.Role != principal.FindFirst("role")?.Value)
                            context.Fail("The account was suspended, reset or given another role since the token was issued.");
                        else if (signIn is null || signIn.UserId != user.Id || signIn.RevokedAt is not null)
                            context.Fail("The sign-in session of this token has ended.");
                    },
                };
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtSettings.Issuer,
                    ValidAudience = JwtSettings.Audience,
                    IssuerSigningKey = settings.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "email",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetimes are judged by the app's clock, the one that issued them, not the machine's.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return expires is not null
                               && (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                               && expires.Value >= now - parameters.ClockSkew;
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }
}
