using FluentValidation;
using Marten;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Auth;

/// <summary>
/// <c>create-admin EMAIL [DISPLAY NAME]</c>: the first administrator of a production database. The password is read
/// from standard input (typed without echo at a terminal, or piped by a deployment script), so none is ever
/// built in, passed on a command line or left in shell history.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || !new EmailRule().Validate(new Address(args[1])).IsValid)
        {
            await error.WriteLineAsync("Usage: create-admin EMAIL [DISPLAY NAME]   (the password is read from standard input)");
            return 2;
        }
        var email = Accounts.Normalized(args[1]);
        var displayName = args.Length > 2 ? string.Join(' ', args[2..]).Trim() : email;

        var password = ReadPassword(input, output);
        if (password.Length is < Passwords.MinLength or > Passwords.MaxLength)
        {
            await error.WriteLineAsync($"The password must have {Passwords.MinLength} to {Passwords.MaxLength} characters; nothing was created.");
            return 1;
        }

        await services.GetRequiredService<DatabasePreparation>().EnsureAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Accounts>()
            .EnsureAsync(email, displayName, Roles.Admin, password, CancellationToken.None);
        if (!created)
        {
            await error.WriteLineAsync($"An account {email} already exists; nothing was changed.");
            return 1;
        }
        await output.WriteLineAsync($"created administrator {email}");
        return 0;
    }

    private static string ReadPassword(TextReader input, TextWriter output)
    {
        if (input != Console.In || Console.IsInputRedirected) return input.ReadLine() ?? "";
        output.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        output.WriteLine();
        return password.ToString();
    }

    private sealed record Address(string Value);

    private sealed class EmailRule : AbstractValidator<Address>
    {
        public EmailRule() => RuleFor(a => a.Value).NotEmpty().MaximumLength(254).EmailAddress();
    }
}
