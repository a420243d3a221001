using System.Net;
using System.Net.Http.Headers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Tests.Features.Auth;

/// <summary>Short access tokens, rotating refresh tokens, and what ends a session.</summary>
public class SessionTests(ApiFactory api) : ApiTest(api)
{
    private const string Manage = "/api/v1/manage/articles";

    private async Task<TokenResponse> SignInAsync(string email = ApiFactory.EditorEmail, string password = ApiFactory.Password) =>
        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(email, password))).ReadAsync<TokenResponse>();

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Api.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(refreshToken));

    private async Task<HttpStatusCode> ManageWithAsync(string accessToken)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.GetAsync(Manage)).StatusCode;
    }

    [Fact]
    public async Task Sign_in_gives_a_15_minute_access_token_and_a_refresh_token_that_renews_it()
    {
        var first = await SignInAsync();
        Assert.Equal(15 * 60, first.ExpiresIn);
        Assert.Equal(7 * 24 * 3600, first.RefreshExpiresIn);

        Api.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, await ManageWithAsync(first.AccessToken));

        var renewed = await (await RefreshAsync(first.RefreshToken)).ReadAsync<TokenResponse>();
        Assert.NotEqual(first.RefreshToken, renewed.RefreshToken);
        Assert.Equal(ApiFactory.EditorEmail, renewed.User.Email);
        Assert.Equal(HttpStatusCode.OK, await ManageWithAsync(renewed.AccessToken));
        Assert.True(renewed.RefreshExpiresIn < first.RefreshExpiresIn, "the session's end does not move with refreshes");
    }

    [Fact]
    public async Task A_spent_refresh_token_is_refused_and_ends_the_whole_session()
    {
        var first = await SignInAsync();
        var second = await (await RefreshAsync(first.RefreshToken)).ReadAsync<TokenResponse>();

        await (await RefreshAsync(first.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);

        // The replay may come from a thief who refreshed first: the legitimate holder's newer token dies too.
        await (await RefreshAsync(second.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_give_exactly_one_new_pair()
    {
        var first = await SignInAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RefreshAsync(first.RefreshToken)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task Logout_ends_the_session_and_answers_204_even_for_a_spent_or_made_up_token()
    {
        var session = await SignInAsync();
        var other = await SignInAsync();
        var client = Api.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new RefreshRequest(session.RefreshToken))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new RefreshRequest(session.RefreshToken))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new RefreshRequest(Guid.NewGuid().ToString("N") + "." + new string('x', 43)))).StatusCode);

        await (await RefreshAsync(session.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await ManageWithAsync(session.AccessToken)); // its access token too, at once
        Assert.Equal(HttpStatusCode.OK, await ManageWithAsync(other.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(other.RefreshToken)).StatusCode); // other sessions live on
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_and_the_old_password_stops_working()
    {
        var laptop = await SignInAsync();
        var phone = await SignInAsync();
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", laptop.AccessToken);

        var wrong = await client.PostJsonAsync("/api/v1/auth/password", new PasswordChangeRequest("not the password", "a brand new long password"));
        Assert.NotEmpty((await wrong.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("currentPassword"));
        var tooShort = await client.PostJsonAsync("/api/v1/auth/password", new PasswordChangeRequest(ApiFactory.Password, "short"));
        Assert.NotEmpty((await tooShort.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("newPassword"));
        phone = await (await RefreshAsync(phone.RefreshToken)).ReadAsync<TokenResponse>(); // alive before the change

        var changed = await client.PostJsonAsync("/api/v1/auth/password", new PasswordChangeRequest(ApiFactory.Password, "a brand new long password"));

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await (await RefreshAsync(laptop.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(phone.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await ManageWithAsync(phone.AccessToken));
        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(ApiFactory.EditorEmail, (await SignInAsync(password: "a brand new long password")).User.Email);
    }

    [Fact]
    public async Task A_suspended_user_is_refused_at_the_next_refresh_and_at_sign_in()
    {
        var editor = await SignInAsync();
        var admin = await Api.AdminAsync();
        var id = editor.User.Id;

        (await admin.PostAsync($"/api/v1/manage/users/{id}/suspend", null)).EnsureSuccessStatusCode();

        await (await RefreshAsync(editor.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/v1/manage/users/{id}/reactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(ApiFactory.EditorEmail, (await SignInAsync()).User.Email);
        await (await RefreshAsync(editor.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized); // suspension ended that session for good
    }

    [Fact]
    public async Task Suspension_a_forced_reset_or_a_role_change_stop_the_access_tokens_already_issued_at_once()
    {
        var admin = await Api.AdminAsync();
        var suspended = await SignInAsync(ApiFactory.EditorEmail);
        var reset = await SignInAsync(ApiFactory.AuthorEmail);
        var demoted = await SignInAsync(ApiFactory.SalesEmail);
        Assert.Equal(HttpStatusCode.OK, await ManageWithAsync(suspended.AccessToken));

        (await admin.PostAsync($"/api/v1/manage/users/{suspended.User.Id}/suspend", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/v1/manage/users/{reset.User.Id}/password-reset", null)).EnsureSuccessStatusCode();
        (await admin.PutAsync($"/api/v1/manage/users/{demoted.User.Id}/role", JsonContent(new ChangeRoleRequest(UserRole.Author)))).EnsureSuccessStatusCode();

        foreach (var token in new[] { suspended, reset, demoted })
        {
            var client = Api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            await (await client.GetAsync(Manage)).ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_role_change_is_in_the_token_of_the_next_refresh()
    {
        var editor = await SignInAsync();
        var admin = await Api.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, await ManageWithAsync(editor.AccessToken));

        (await admin.PutAsync($"/api/v1/manage/users/{editor.User.Id}/role", JsonContent(new ChangeRoleRequest(UserRole.Sales)))).EnsureSuccessStatusCode();
        var renewed = await (await RefreshAsync(editor.RefreshToken)).ReadAsync<TokenResponse>();

        Assert.Equal("sales", renewed.User.Role);
        Assert.Equal(HttpStatusCode.Forbidden, await ManageWithAsync(renewed.AccessToken));
    }

    [Fact]
    public async Task A_malformed_refresh_token_is_a_400_and_an_unknown_one_a_401()
    {
        // Well formed but issued by nobody: looked up, and refused.
        await (await RefreshAsync(new string('a', 32) + "." + new string('b', 43))).ProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var token in new[] { "", "x", "not.a.token", "../../etc/passwd", "' OR 1=1 --", new string('a', 5000) })
            Assert.NotEmpty((await (await RefreshAsync(token)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("refreshToken"));
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        var session = await SignInAsync();
        var secret = session.RefreshToken.Split('.')[1];

        await using var connection = new Npgsql.NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select count(*) from {Api.Schema}.mt_doc_refreshsession where data::text like '%' || @s || '%'", connection);
        command.Parameters.AddWithValue("s", secret);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
        await using var all = new Npgsql.NpgsqlCommand($"select count(*) from {Api.Schema}.mt_doc_refreshsession", connection);
        Assert.Equal(1L, await all.ExecuteScalarAsync());
    }

    private static HttpContent JsonContent<T>(T value) => System.Net.Http.Json.JsonContent.Create(value, options: HttpAssertions.JsonOptions);
}
