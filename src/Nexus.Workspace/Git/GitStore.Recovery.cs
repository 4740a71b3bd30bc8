namespace Nexus.Workspace.Git;

public sealed partial class GitStore
{
    /// <summary>
    /// Deletes the <c>*.lock</c> files in a repository (refs, HEAD, packed-refs, config). Git leaves them when a
    /// process dies in the middle of an update, and refuses further updates until they are gone. Only call this
    /// while holding exclusive ownership of the repository (no other writer can exist); returns how many were removed.
    /// </summary>
    public static int RemoveStaleLocks(string path)
    {
        if (!Directory.Exists(path))
        {
            return 0;
        }

        var removed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(path, "*.lock", options))
        {
            if (!file.Contains(System.IO.Path.DirectorySeparatorChar + "objects" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }
}
