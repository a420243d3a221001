using System.Net;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Users;

namespace Vivapolis.Api.Tests.Features.Users;

/// <summary>The names the editor shows for the e-mails items and histories record.</summary>
public class ColleagueTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Every_role_reads_the_newsroom_names_and_nothing_else_about_the_accounts()
    {
        var author = await Api.AuthorAsync();

        var response = await author.GetAsync("/api/v1/manage/colleagues");
        var colleagues = await response.ReadAsync<List<Colleague>>();
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains(new Colleague(ApiFactory.EditorEmail, "Élise Rédaction"), colleagues);
        Assert.Equal(4, colleagues.Count);
        Assert.DoesNotContain("role", json);
        Assert.DoesNotContain("suspended", json);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        await (await Api.CreateClient().GetAsync("/api/v1/manage/colleagues")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
