namespace Nexus.Workspace.Extensions.Fs;

/// <summary>
/// Maps the relative paths panels give <c>nexus.fs</c> onto the disk under the assets root, refusing anything that
/// could lead elsewhere: <c>..</c> and <c>.</c> segments, absolute, rooted and drive paths, backslashes, NUL and
/// other control characters, <c>:</c>, empty segments, <c>.git</c>, and any path through a symbolic link or other
/// reparse point (the root included), since a link committed to the repository could point anywhere.
/// </summary>
internal sealed class AssetPaths
{
    private readonly int _maxPathLength;

    public AssetPaths(string root, int maxPathLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException($"the assets root must be an absolute path, got '{root}'", nameof(root));
        }

        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _maxPathLength = maxPathLength;
    }

    public string Root { get; }

    /// <summary>
    /// The full path of <paramref name="relative"/> after checking its shape and that no existing part of it (nor the
    /// root) is a link; a refusal is <paramref name="error"/>'s exception. An empty path is the root itself when
    /// <paramref name="allowRoot"/>.
    /// </summary>
    public string Resolve(string relative, bool allowRoot, Func<string, Exception> error)
    {
        if (ShapeProblem(relative, allowRoot) is { } problem)
        {
            throw error($"'{Printable(relative)}' {problem}");
        }

        var segments = relative.Length == 0 ? [] : relative.Split('/');
        var current = Root;
        EnsureNotLink(current, relative, error);
        foreach (var segment in segments)
        {
            current = Path.Join(current, segment);
            EnsureNotLink(current, relative, error);
        }

        return current;
    }

    /// <summary>The path as panels see it: relative to the root, with '/'.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private string? ShapeProblem(string path, bool allowRoot)
    {
        if (path.Length == 0)
        {
            return allowRoot ? null : "is empty: give a path relative to assets/";
        }

        if (path.Length > _maxPathLength)
        {
            return $"is longer than {_maxPathLength} characters";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "contains a backslash: separate folders with '/'";
        }

        if (path.Any(char.IsControl))
        {
            return "contains a control character";
        }

        if (path[0] == '/' || path.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(path))
        {
            return "is absolute: give a path relative to assets/";
        }

        foreach (var segment in path.Split('/'))
        {
            var problem = segment switch
            {
                "" => "has an empty segment",
                "." or ".." => $"contains '{segment}': paths may not leave or re-enter folders",
                _ when segment.Equals(".git", StringComparison.OrdinalIgnoreCase) => "names a .git folder",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static void EnsureNotLink(string fullPath, string relative, Func<string, Exception> error)
    {
        // LinkTarget reads the entry itself (not what it points to), so a dangling link is caught too.
        FileSystemInfo info = Directory.Exists(fullPath) ? new DirectoryInfo(fullPath) : new FileInfo(fullPath);
        if (info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
        {
            throw error($"'{relative}' goes through a link, which nexus.fs does not follow");
        }
    }

    private static string Printable(string path) => new([.. path.Take(120).Select(c => char.IsControl(c) ? '?' : c)]);
}
