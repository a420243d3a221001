using System.Net;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Auth;

namespace Vivapolis.Api.Tests.Features.Auth;

/// <summary>The production path to a first administrator: no built-in password, the operator types one.</summary>
public class CreateAdminCommandTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(Api.Services, ["create-admin", .. args], new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_an_administrator_with_the_password_read_from_standard_input()
    {
        var (exit, output, _) = await RunAsync("une phrase de passe solide\n", "Chef@Example.org", "Cheffe", "de", "projet");

        Assert.Equal(0, exit);
        Assert.Contains("chef@example.org", output);
        Assert.DoesNotContain("une phrase de passe solide", output);
        var token = await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest("chef@example.org", "une phrase de passe solide")))
            .ReadAsync<TokenResponse>();
        Assert.Equal("admin", token.User.Role);
        Assert.Equal("Cheffe de projet", token.User.DisplayName);
    }

    [Fact]
    public async Task Refuses_a_short_or_missing_password_a_bad_address_and_an_existing_account()
    {
        Assert.Equal(1, (await RunAsync("", "chef@example.org")).Exit);
        Assert.Equal(1, (await RunAsync("court\n", "chef@example.org")).Exit);
        Assert.Equal(2, (await RunAsync("une phrase de passe solide\n", "pas-une-adresse")).Exit);
        Assert.Equal(2, (await RunAsync("une phrase de passe solide\n")).Exit);
        var existing = await RunAsync("une phrase de passe solide\n", ApiFactory.EditorEmail);
        Assert.Equal(1, existing.Exit);
        Assert.Contains("already exists", existing.Error);

        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest("chef@example.org", "court")))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        // The existing editor kept its password and role.
        var editor = await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/token", new TokenRequest(ApiFactory.EditorEmail, ApiFactory.Password)))
            .ReadAsync<TokenResponse>();
        Assert.Equal("editor", editor.User.Role);
    }
}
