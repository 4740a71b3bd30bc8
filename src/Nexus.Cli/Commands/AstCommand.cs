using System.CommandLine;
using Nexus.Cli.Output;
using Nexus.Nxml.Json;

namespace Nexus.Cli.Commands;

/// <summary><c>nexus ast FILE</c>: the panel's JSON AST (§8), after the checker and the layout pass.</summary>
public static class AstCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The NXML file" };
        var noLocations = new Option<bool>("--no-locations") { Description = "Leave out the source locations (loc) of the nodes" };
        var command = new Command("ast", "Print the JSON AST of a panel. Diagnostics go to standard error; exit code 1 when the file has errors.")
        {
            file,
            noLocations,
        };
        command.SetAction(result => Run(result.GetRequiredValue(file), result.GetValue(noLocations), console));
        return command;
    }

    private static int Run(string path, bool noLocations, CliConsole console)
    {
        if (SourceFile.Load(path, console) is not { } source)
        {
            return ExitCodes.Usage;
        }

        DiagnosticOutput.WriteText(console.Error, path, source.Document);
        if (source.Document.Panel is not { } panel)
        {
            return ExitCodes.Findings;
        }

        console.Out.WriteLine(NxmlJson.Serialize(panel, new NxmlJsonOptions { IncludeLocations = !noLocations, Indented = true }));
        return source.Document.IsValid ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
