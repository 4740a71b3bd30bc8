using System.CommandLine;
using Nexus.Server.Hosting;

namespace Nexus.Cli.Commands;

/// <summary>
/// <c>nexus serve [--urls URLS] [--data DIR]</c>: runs the Nexus server (the same composition as
/// <c>dotnet run --project src/Nexus.Server</c>) on embedded defaults until Ctrl+C. Further settings come from
/// <c>Nexus__*</c> environment variables or <c>--Nexus:Setting=value</c> arguments after <c>--</c>.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://localhost:5000)" };
        var data = new Option<string?>("--data") { Description = "The data directory (default ./data): platform database, workspaces, generated secrets" };
        var command = new Command("serve", "Run the Nexus server on embedded defaults (SQLite and folders in the data directory). Exit code 0 after a clean stop, 2 when it cannot start.")
        {
            urls,
            data,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) => ServeAsync(result.GetValue(urls), result.GetValue(data), [.. result.UnmatchedTokens], console));
        return command;
    }

    private static async Task<int> ServeAsync(string? urls, string? data, string[] extra, CliConsole console)
    {
        var args = new List<string>(extra);
        if (urls is not null)
        {
            args.Add("--urls=" + urls);
        }

        if (data is not null)
        {
            args.Add("--Nexus:DataDirectory=" + data);
        }

        try
        {
            await using var app = NexusServerApp.Build([.. args]);
            await app.RunAsync();
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or IOException or InvalidOperationException)
        {
            console.Error.WriteLine("nexus: the server could not start: " + ex.Message);
            return ExitCodes.Usage;
        }
    }
}
