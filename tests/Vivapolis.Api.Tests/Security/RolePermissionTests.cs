using System.Net;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Api.Tests.Infrastructure.Contract;

namespace Vivapolis.Api.Tests.Security;

/// <summary>
/// The roles table of the README, operation by operation: every management operation of openapi.yaml is called
/// anonymously (401) and by each role (403, or a real success with valid fixtures). An operation missing from the
/// table fails, so a new endpoint cannot ship without deciding who may call it.
/// </summary>
public class RolePermissionTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] AdminOnly = [Roles.Admin];

    /// <summary>Who may call each management operation; everyone else gets 403.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Table = BuildTable();

    private static Dictionary<string, string[]> BuildTable()
    {
        var table = new Dictionary<string, string[]>();
        foreach (var kind in ContentKind.All)
        {
            var (one, many) = (kind.Singular, kind.Plural);
            var editorial = kind != ContentKind.AdvertiserContacts;
            string[] managers = editorial ? [Roles.Admin, Roles.Editor] : [Roles.Admin, Roles.Sales];
            string[] writers = editorial ? [Roles.Admin, Roles.Editor, Roles.Author] : managers;
            foreach (var id in new[] { $"Create{one}", $"List{many}", $"Get{one}", $"Update{one}", $"Submit{one}",
                                       $"List{one}Revisions", $"Get{one}Revision", $"Diff{one}Revisions", $"Preview{one}" })
                table[id] = writers;
            if (kind.Translatable)
                foreach (var id in new[] { $"Create{one}Translation", $"List{one}Translations", $"Unlink{one}Translation" })
                    table[id] = writers;
            foreach (var id in new[] { $"Publish{one}", $"Unpublish{one}", $"Delete{one}", $"Schedule{one}", $"Cancel{one}Schedule",
                                       $"Discard{one}Draft", $"Restore{one}Revision", $"Revoke{one}PreviewLinks" })
                table[id] = managers;
        }
        table["EraseAdvertiserContact"] = [Roles.Admin, Roles.Sales];
        table["ListColleagues"] = Roles.All;
        // The media library: the editorial desk; authors only change their own uploads (the recipes make them theirs).
        foreach (var id in new[] { "UploadMedia", "ListMedia", "GetMedia", "ListMediaUses", "UpdateMedia", "DeleteMedia" })
            table[id] = [Roles.Admin, Roles.Editor, Roles.Author];
        foreach (var id in new[] { "ListAudit", "ListUsers", "GetUser", "CreateUser", "ChangeUserRole", "SuspendUser",
                                   "ReactivateUser", "ForcePasswordReset", "CreateApiKey", "ListApiKeys", "GetApiKey", "RevokeApiKey",
                                   "CreateWebhook", "ListWebhooks", "GetWebhook", "UpdateWebhook", "DeleteWebhook", "RotateWebhookSecret",
                                   "PingWebhook", "ListWebhookDeliveries", "GetWebhookDelivery", "RedeliverWebhookDelivery" })
            table[id] = AdminOnly;
        return table;
    }

    public static TheoryData<string> ManagementOperations() =>
        new(OperationCatalog.All.Where(o => o.PathTemplate.StartsWith("/api/v1/manage/", StringComparison.Ordinal)).Select(o => o.OperationId));

    [Theory]
    [MemberData(nameof(ManagementOperations))]
    public async Task Each_role_gets_401_403_or_success_as_the_table_says(string operationId)
    {
        Assert.True(Table.TryGetValue(operationId, out var allowed),
            $"{operationId} is a management operation missing from RolePermissionTests.Table: decide who may call it.");
        var operation = OperationCatalog.Find(operationId);
        var admin = await Api.AdminAsync();

        var anonymous = await (await OperationRecipes.PrepareAsync(operation, admin)).SendAsync(Api.CreateClient());
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);

        foreach (var role in Roles.All)
        {
            var client = await Api.ClientForAsync(EmailOf(role));
            var may = allowed.Contains(role);
            // Authors may only touch their own drafts, so what they are allowed to act on, they make themselves.
            var fixtures = may && role == Roles.Author ? client : admin;
            var request = await OperationRecipes.PrepareAsync(operation, fixtures);
            var before = may ? null : await DatabaseSnapshot.TakeAsync(Api.Schema);

            var response = await request.SendAsync(client);

            if (may)
                Assert.True(response.IsSuccessStatusCode,
                    $"{role} may call {operation}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            else
            {
                await response.ProblemAsync(HttpStatusCode.Forbidden);
                Assert.Empty((await DatabaseSnapshot.TakeAsync(Api.Schema)).DifferencesFrom(before!));
            }
        }
    }

    [Fact]
    public void The_table_names_no_operation_the_contract_lacks()
    {
        var operations = OperationCatalog.All.Select(o => o.OperationId).ToHashSet();
        Assert.Empty(Table.Keys.Where(id => !operations.Contains(id)));
    }

    private static string EmailOf(string role) => role switch
    {
        Roles.Admin => ApiFactory.AdminEmail,
        Roles.Editor => ApiFactory.EditorEmail,
        Roles.Author => ApiFactory.AuthorEmail,
        _ => ApiFactory.SalesEmail,
    };
}
