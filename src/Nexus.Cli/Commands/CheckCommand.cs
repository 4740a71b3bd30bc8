using System.CommandLine;
using Nexus.Cli.Output;

namespace Nexus.Cli.Commands;

/// <summary><c>nexus check [--format text|json] FILE...</c>: every diagnostic of every file.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "NXML files to check" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text (like a compiler) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Check NXML files and report every diagnostic. Exit code 0: no errors; 1: some file has errors; 2: usage or I/O problem.")
        {
            files,
            format,
        };
        command.SetAction(result => Run(result.GetRequiredValue(files), result.GetRequiredValue(format), console));
        return command;
    }

    private static int Run(string[] paths, string format, CliConsole console)
    {
        var checkedFiles = new List<SourceFile>();
        var unreadable = false;
        foreach (var path in paths)
        {
            if (SourceFile.Load(path, console) is { } file)
            {
                checkedFiles.Add(file);
            }
            else
            {
                unreadable = true;
            }
        }

        if (format == "json")
        {
            console.Out.WriteLine(DiagnosticOutput.ToJson(checkedFiles));
        }
        else
        {
            foreach (var file in checkedFiles)
            {
                DiagnosticOutput.WriteText(console.Out, file.Path, file.Document);
            }

            var errors = checkedFiles.Sum(f => f.Document.Errors.Count());
            var warnings = checkedFiles.Sum(f => f.Document.Warnings.Count());
            console.Out.WriteLine($"{checkedFiles.Count} file(s) checked: {errors} error(s), {warnings} warning(s)");
        }

        if (unreadable)
        {
            return ExitCodes.Usage;
        }

        return checkedFiles.Any(f => !f.Document.IsValid) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
