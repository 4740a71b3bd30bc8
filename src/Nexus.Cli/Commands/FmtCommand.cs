using System.CommandLine;
using System.Text;
using Nexus.Nxml.Printing;
using Nexus.Nxml.Syntax;

namespace Nexus.Cli.Commands;

/// <summary><c>nexus fmt [--check] FILE...</c>: rewrites files in canonical form; never touches a file with errors.</summary>
public static class FmtCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "NXML files to format" };
        var check = new Option<bool>("--check") { Description = "Only report files that are not in canonical form (exit code 1), write nothing" };
        var command = new Command("fmt", "Rewrite NXML files in canonical form. Files with errors are never rewritten. Exit code 1 when a file has errors or, with --check, would change.")
        {
            files,
            check,
        };
        command.SetAction(result => Run(result.GetRequiredValue(files), result.GetValue(check), console));
        return command;
    }

    private static int Run(string[] paths, bool checkOnly, CliConsole console)
    {
        var exit = ExitCodes.Ok;
        foreach (var path in paths)
        {
            var outcome = Format(path, checkOnly, console);
            exit = Math.Max(exit, outcome);
        }

        return exit;
    }

    private static int Format(string path, bool checkOnly, CliConsole console)
    {
        if (SourceFile.LoadValid(path, console, "not formatted, it has errors", out var refused) is not { } file)
        {
            return refused;
        }

        if (CanonicalText(file, console) is not { } formatted)
        {
            return ExitCodes.Findings;
        }

        if (formatted == file.Document.Source)
        {
            return ExitCodes.Ok;
        }

        if (checkOnly)
        {
            console.Out.WriteLine($"{path}: would be reformatted");
            return ExitCodes.Findings;
        }

        return Write(path, formatted, console) ? ExitCodes.Ok : ExitCodes.Usage;
    }

    /// <summary>The canonical text, verified to read back as the same panel before anything is written.</summary>
    private static string? CanonicalText(SourceFile file, CliConsole console)
    {
        var panel = file.Document.Panel!;
        string formatted;
        try
        {
            formatted = NxmlPrinter.Print(panel);
        }
        catch (NotSupportedException ex)
        {
            console.Error.WriteLine($"{file.Path}: cannot be printed in canonical form: {ex.Message}");
            return null;
        }

        if (NxmlDocument.Check(formatted).Panel is not { } reread || !SyntaxEquivalence.AreEquivalent(reread, panel))
        {
            console.Error.WriteLine($"{file.Path}: not formatted: the canonical form would not read back as the same panel (please report this)");
            return null;
        }

        return formatted;
    }

    /// <summary>Writes through a temporary file renamed over the original, so a failure never leaves half a file.</summary>
    private static bool Write(string path, string content, CliConsole console)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
            console.Out.WriteLine($"formatted {path}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"nexus: cannot write {path}: {ex.Message}");
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original file is untouched either way.
        }
    }
}
