using Vivapolis.Api.Features.Auth;

namespace Vivapolis.Api.Demo;

/// <summary>The demo accounts named in the README and the demo content; loading twice changes nothing.</summary>
public sealed class DemoData(Accounts accounts, DemoArticles articles)
{
    public static readonly (string Email, string Name, string Role, string Password)[] DemoAccounts =
    [
        ("admin@example.org", "Camille Admin", Roles.Admin, "vivapolis-admin-demo"),
        ("editor@example.org", "Élise Rédaction", Roles.Editor, "vivapolis-editor-demo"),
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var (email, name, role, password) in DemoAccounts)
            if (await accounts.EnsureAsync(email, name, role, password, ct))
                Console.WriteLine($"created demo account {email} ({role})");
        var created = await articles.LoadAsync(ct);
        Console.WriteLine($"demo articles: {created} created");
    }
}
