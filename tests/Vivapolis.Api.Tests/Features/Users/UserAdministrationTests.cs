using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Auth;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Tests.Features.Users;

/// <summary>Administrators create accounts, change roles, suspend, reactivate and force password resets.</summary>
public class UserAdministrationTests(ApiFactory api) : ApiTest(api)
{
    private const string Users = "/api/v1/manage/users";

    private static HttpContent Body<T>(T value) => JsonContent.Create(value, options: HttpAssertions.JsonOptions);

    private async Task<List<UserAccount>> ListAsync(HttpClient admin) => await (await admin.GetAsync(Users)).ReadAsync<List<UserAccount>>();

    private async Task<Guid> IdOfAsync(HttpClient admin, string email) => (await ListAsync(admin)).Single(u => u.Email == email).Id;

    [Fact]
    public async Task A_new_account_has_no_password_until_its_owner_uses_the_reset_token_once()
    {
        var admin = await Api.AdminAsync();

        var response = await admin.PostAsync(Users, Body(new CreateUserRequest("  Nora.Auteur@Example.org ", "Nora Auteur", UserRole.Author)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedUser>();
        Assert.Equal("nora.auteur@example.org", created.User.Email);
        Assert.Equal(UserRole.Author, created.User.Role);
        Assert.True(created.User.PasswordResetRequired);
        Assert.Equal($"{Users}/{created.User.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(Api.Clock.GetUtcNow().AddHours(72), created.PasswordReset.ExpiresAt);
        Assert.DoesNotContain(created.PasswordReset.ResetToken, await (await admin.GetAsync(Users)).Content.ReadAsStringAsync());

        var anonymous = Api.CreateClient();
        await (await anonymous.PostJsonAsync("/api/v1/auth/token", new TokenRequest("nora.auteur@example.org", ""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostJsonAsync("/api/v1/auth/password-reset",
            new PasswordResetRequest(created.PasswordReset.ResetToken, "mon mot de passe à moi"))).StatusCode);
        await (await anonymous.PostJsonAsync("/api/v1/auth/password-reset",
            new PasswordResetRequest(created.PasswordReset.ResetToken, "un autre mot de passe"))).ProblemAsync(HttpStatusCode.Unauthorized);

        var token = await (await anonymous.PostJsonAsync("/api/v1/auth/token", new TokenRequest("nora.auteur@example.org", "mon mot de passe à moi")))
            .ReadAsync<TokenResponse>();
        Assert.Equal("author", token.User.Role);
        Assert.False((await ListAsync(admin)).Single(u => u.Id == created.User.Id).PasswordResetRequired);
    }

    [Fact]
    public async Task A_reset_token_expires_after_72_hours()
    {
        var admin = await Api.AdminAsync();
        var created = await (await admin.PostAsync(Users, Body(new CreateUserRequest("late@example.org", "En retard", UserRole.Editor)))).ReadAsync<CreatedUser>();

        Api.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));

        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset",
            new PasswordResetRequest(created.PasswordReset.ResetToken, "mon mot de passe à moi"))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forced_reset_ends_the_password_and_the_sessions_and_gives_a_new_token()
    {
        var admin = await Api.AdminAsync();
        var editor = await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)))
            .ReadAsync<TokenResponse>();

        var ticket = await (await admin.PostAsync($"{Users}/{editor.User.Id}/password-reset", null)).ReadAsync<PasswordResetTicket>();

        var anonymous = Api.CreateClient();
        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(editor.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True((await ListAsync(admin)).Single(u => u.Id == editor.User.Id).PasswordResetRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostJsonAsync("/api/v1/auth/password-reset",
            new PasswordResetRequest(ticket.ResetToken, "nouveau mot de passe solide"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostJsonAsync("/api/v1/auth/token",
            new TokenRequest(ApiFactory.EditorEmail, "nouveau mot de passe solide"))).StatusCode);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_suspended()
    {
        var admin = await Api.AdminAsync();
        var adminId = await IdOfAsync(admin, ApiFactory.AdminEmail);

        await (await admin.PutAsync($"{Users}/{adminId}/role", Body(new ChangeRoleRequest(UserRole.Editor)))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"{Users}/{adminId}/suspend", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(UserRole.Admin, (await ListAsync(admin)).Single(u => u.Id == adminId).Role);

        // With a second administrator, the first may step down.
        var editorId = await IdOfAsync(admin, ApiFactory.EditorEmail);
        (await admin.PutAsync($"{Users}/{editorId}/role", Body(new ChangeRoleRequest(UserRole.Admin)))).EnsureSuccessStatusCode();
        Assert.Equal(UserRole.Editor, (await (await admin.PutAsync($"{Users}/{adminId}/role", Body(new ChangeRoleRequest(UserRole.Editor))))
            .ReadAsync<UserAccount>()).Role);
    }

    [Fact]
    public async Task An_admin_who_cannot_sign_in_yet_does_not_count_and_the_last_one_cannot_be_reset()
    {
        var admin = await Api.AdminAsync();
        var adminId = await IdOfAsync(admin, ApiFactory.AdminEmail);
        // A second administrator who has not used their reset token yet.
        (await admin.PostAsync(Users, Body(new CreateUserRequest("futur.admin@example.org", "Futur", UserRole.Admin)))).EnsureSuccessStatusCode();

        await (await admin.PutAsync($"{Users}/{adminId}/role", Body(new ChangeRoleRequest(UserRole.Editor)))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"{Users}/{adminId}/password-reset", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"{Users}/{adminId}/suspend", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Users)).StatusCode);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        var admin = await Api.AdminAsync();
        var adminId = await IdOfAsync(admin, ApiFactory.AdminEmail);
        var editorId = await IdOfAsync(admin, ApiFactory.EditorEmail);
        (await admin.PutAsync($"{Users}/{editorId}/role", Body(new ChangeRoleRequest(UserRole.Admin)))).EnsureSuccessStatusCode();
        var second = await Api.EditorAsync(); // now an administrator

        var results = await Task.WhenAll(
            admin.PutAsync($"{Users}/{editorId}/role", Body(new ChangeRoleRequest(UserRole.Editor))),
            second.PutAsync($"{Users}/{adminId}/role", Body(new ChangeRoleRequest(UserRole.Editor))));

        // One wins. The other is refused either by the last-admin rule (409), or, when the winner committed before
        // the loser's request was even let in, because the loser is no longer an administrator (its account is
        // read again on every request: 401 or 403). Which one depends on timing; one admin is left either way.
        var statuses = results.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(statuses[1], new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        await using var session = Api.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        Assert.Equal(1, await Marten.QueryableExtensions.CountAsync(
            session.Query<Vivapolis.Api.Features.Auth.User>().Where(u => u.Role == "admin"), default));
    }

    [Fact]
    public async Task Every_account_change_is_in_the_audit_log_with_who_did_it_and_no_secret()
    {
        var admin = await Api.AdminAsync();
        var created = await (await admin.PostAsync(Users, Body(new CreateUserRequest("suivi@example.org", "Suivi", UserRole.Author)))).ReadAsync<CreatedUser>();
        var id = created.User.Id;
        (await admin.PutAsync($"{Users}/{id}/role", Body(new ChangeRoleRequest(UserRole.Editor)))).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Users}/{id}/suspend", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Users}/{id}/reactivate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Users}/{id}/password-reset", null)).EnsureSuccessStatusCode();

        var response = await admin.GetAsync($"/api/v1/manage/audit?item={id}");
        var body = await response.Content.ReadAsStringAsync();
        var entries = (await response.ReadAsync<Contracts.Common.Page<Contracts.Audit.AuditEntry>>()).Items;

        Assert.Equal(["user_password_reset_forced", "user_reactivated", "user_suspended", "user_role_changed", "user_created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(ApiFactory.AdminEmail, e.By));
        Assert.DoesNotContain(created.PasswordReset.ResetToken.Split('.')[1], body);
    }

    [Fact]
    public async Task Only_admins_manage_users()
    {
        foreach (var client in new[] { await Api.EditorAsync(), await Api.AuthorAsync(), await Api.SalesAsync() })
        {
            await (await client.GetAsync(Users)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync(Users, Body(new CreateUserRequest("x@example.org", "X", UserRole.Admin)))).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await Api.CreateClient().GetAsync(Users)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(4, (await ListAsync(await Api.AdminAsync())).Count);
    }

    [Fact]
    public async Task Bad_requests_are_400_naming_the_field_and_create_nothing()
    {
        var admin = await Api.AdminAsync();

        var badEmail = await admin.PostAsync(Users, Body(new CreateUserRequest("not an email", "X", UserRole.Editor)));
        Assert.NotEmpty((await badEmail.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("email"));
        var noName = await admin.PostAsync(Users, Body(new CreateUserRequest("x@example.org", " ", UserRole.Editor)));
        Assert.NotEmpty((await noName.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("displayName"));
        var badRole = await admin.PostAsync(Users, new StringContent("""{"email":"x@example.org","displayName":"X","role":"superuser"}""",
            System.Text.Encoding.UTF8, "application/json"));
        await badRole.ProblemAsync(HttpStatusCode.BadRequest);
        var taken = await admin.PostAsync(Users, Body(new CreateUserRequest(ApiFactory.EditorEmail.ToUpperInvariant(), "Double", UserRole.Editor)));
        await taken.ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.GetAsync($"{Users}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(4, (await ListAsync(admin)).Count);
    }

    [Fact]
    public async Task No_password_hash_or_reset_secret_leaves_through_the_user_endpoints()
    {
        var admin = await Api.AdminAsync();
        await admin.PostAsync(Users, Body(new CreateUserRequest("secret@example.org", "Secret", UserRole.Sales)));

        var list = await (await admin.GetAsync(Users)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("passwordHash", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", list); // the PasswordHasher v3 format prefix
        Assert.DoesNotContain("passwordResetHash", list, StringComparison.OrdinalIgnoreCase);
    }
}
