namespace Nexus.Cli;

/// <summary>An NXML file read from disk and checked; I/O problems are reported, never thrown.</summary>
public sealed record SourceFile(string Path, NxmlDocument Document)
{
    /// <summary>
    /// Reads and checks a file that must be valid for what comes next; otherwise prints its diagnostics and
    /// <paramref name="refusal"/>, sets the exit code (2 when unreadable, 1 when it has errors) and returns null.
    /// </summary>
    public static SourceFile? LoadValid(string path, CliConsole console, string refusal, out int exitCode)
    {
        if (Load(path, console) is not { } file)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }

        if (!file.Document.IsValid)
        {
            Output.DiagnosticOutput.WriteText(console.Error, path, file.Document);
            console.Error.WriteLine($"{path}: {refusal}");
            exitCode = ExitCodes.Findings;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return file;
    }

    /// <summary>Reads and checks a file; returns null after telling the user why it could not be read.</summary>
    public static SourceFile? Load(string path, CliConsole console)
    {
        try
        {
            if (Directory.Exists(path))
            {
                console.Error.WriteLine($"nexus: {path} is a directory, not an NXML file");
                return null;
            }

            using var stream = File.OpenRead(path);
            return new SourceFile(path, NxmlDocument.Check(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"nexus: cannot read {path}: {ex.Message}");
            return null;
        }
    }
}
