namespace Nexus.Cli;

/// <summary>An NXML file read from disk and checked; I/O problems are reported, never thrown.</summary>
public sealed record SourceFile(string Path, NxmlDocument Document)
{
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
