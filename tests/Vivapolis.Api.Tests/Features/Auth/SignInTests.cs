using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Tests.Features.Auth;

public class SignInTests(ApiFactory api) : ApiTest(api)
{
    private const string SignIn = "/api/v1/auth/token";
    private const string Manage = "/api/v1/manage/articles";

    [Fact]
    public async Task The_right_password_gives_a_bearer_token_that_opens_management()
    {
        var response = await Api.CreateClient().PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password));

        var token = await response.ReadAsync<TokenResponse>();
        Assert.Equal("Bearer", token.TokenType);
        Assert.True(token.ExpiresIn > 0);
        Assert.Equal(ApiFactory.EditorEmail, token.User.Email);
        Assert.Equal(HttpStatusCode.OK, (await GetManagementAsync(token.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401_problem()
    {
        var client = Api.CreateClient();

        var wrongPassword = await client.PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, "not the password"));
        var unknownEmail = await client.PostJsonAsync(SignIn, new TokenRequest("nobody@example.org", ApiFactory.Password));

        var first = await wrongPassword.ProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first["title"]!.GetValue<string>(), second["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(first["detail"]?.GetValue<string>()));
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]?.GetValue<string>());
    }

    [Fact]
    public async Task Management_without_a_token_gets_a_401_problem()
    {
        var client = Api.CreateClient();

        await (await client.GetAsync(Manage)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync(Manage, new { title = "Sans jeton" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_is_refused()
    {
        var token = await IssueAsync(Api.Services.GetRequiredService<Tokens>());
        var (header, payload, signature) = Split(token);
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(payload))!.AsObject();
        claims["email"] = ApiFactory.AdminEmail;
        claims["role"] = Roles.Admin;

        var tampered = $"{header}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.{signature}";

        Assert.Equal(HttpStatusCode.OK, (await GetManagementAsync(token)).StatusCode);
        await (await GetManagementAsync(tampered)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var otherKey = new JwtSettings { Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) };

        var token = await IssueAsync(new Tokens(otherKey, Api.Clock));

        await (await GetManagementAsync(token)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var (_, payload, _) = Split(await IssueAsync(Api.Services.GetRequiredService<Tokens>()));

        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{payload}.";

        await (await GetManagementAsync(unsigned)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("someone-else", JwtSettings.Audience)]
    [InlineData(JwtSettings.Issuer, "another-audience")]
    public async Task A_token_from_another_issuer_or_for_another_audience_is_refused(string issuer, string audience)
    {
        var settings = Api.Services.GetRequiredService<JwtSettings>();
        var user = await EditorAsync();
        var now = Api.Clock.GetUtcNow().UtcDateTime;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", user.Id.ToString()), new("email", user.Email), new("role", user.Role)]),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
        });

        await (await GetManagementAsync(token)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await IssueAsync(Api.Services.GetRequiredService<Tokens>());
        Assert.Equal(HttpStatusCode.OK, (await GetManagementAsync(token)).StatusCode);

        Api.Clock.Advance(Api.Services.GetRequiredService<JwtSettings>().Lifetime + TimeSpan.FromMinutes(1));

        await (await GetManagementAsync(token)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_password_is_stored_hashed_and_the_hash_is_in_no_response()
    {
        var user = await EditorAsync();
        Assert.NotEqual(ApiFactory.Password, user.PasswordHash);
        Assert.DoesNotContain(ApiFactory.Password, user.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success,
            Api.Services.GetRequiredService<IPasswordHasher<User>>().VerifyHashedPassword(user, user.PasswordHash, ApiFactory.Password));

        var client = Api.CreateClient();
        var signedIn = await client.PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password));
        var refused = await client.PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, "not the password"));
        var token = (await signedIn.ReadAsync<TokenResponse>()).AccessToken;
        var managed = await GetManagementAsync(token);

        foreach (var response in new[] { signedIn, refused, managed })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(user.PasswordHash, body);
            Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ApiFactory.Password, body);
        }
        Assert.DoesNotContain(user.PasswordHash, Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(Split(token).Payload)));
    }

    private Task<HttpResponseMessage> GetManagementAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Manage);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Api.CreateClient().SendAsync(request);
    }

    /// <summary>A token for the editor's real sign-in session, signed by <paramref name="tokens"/>.</summary>
    private async Task<string> IssueAsync(Tokens tokens)
    {
        var signedIn = await (await Api.CreateClient().PostJsonAsync(SignIn, new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)))
            .ReadAsync<TokenResponse>();
        var sid = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(signedIn.AccessToken).Claims.First(c => c.Type == "sid").Value;
        return tokens.Issue(await EditorAsync(), Guid.Parse(sid)).Token;
    }

    private async Task<User> EditorAsync()
    {
        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<User>().SingleAsync(u => u.Email == ApiFactory.EditorEmail);
    }

    private static (string Header, string Payload, string Signature) Split(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        return (parts[0], parts[1], parts[2]);
    }
}
