namespace Nexus.Workspace.Git;

/// <summary>
/// The file paths the store accepts: repository-relative, separated by '/', with no empty, <c>.</c>, <c>..</c>
/// or <c>.git</c> component, no leading or trailing '/', no backslash and no control character.
/// </summary>
public static class RepositoryPath
{
    /// <summary>Returns null when the path is acceptable, else why it is not.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "the path is empty";
        }

        if (path[0] == '/' || path[^1] == '/')
        {
            return $"the path '{path}' must be repository-relative, without a leading or trailing '/'";
        }

        if (path.Contains('\\'))
        {
            return $"the path '{path}' must use '/' as its separator";
        }

        if (path.Any(char.IsControl))
        {
            return $"the path '{path}' contains a control character";
        }

        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part is "." or "..")
            {
                return $"the path '{path}' has an empty, '.' or '..' component";
            }

            if (part.Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                return $"the path '{path}' has a '.git' component";
            }
        }

        return null;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem when the path is not acceptable.</summary>
    public static string Validate(string? path, string parameterName = "path") =>
        Problem(path) is { } problem ? throw new ArgumentException(problem, parameterName) : path!;

    /// <summary>A directory: empty for the root, else a valid path (a trailing '/' is allowed and dropped).</summary>
    internal static string ValidateDirectory(string? directory)
    {
        var trimmed = (directory ?? string.Empty).TrimEnd('/');
        return trimmed.Length == 0 ? string.Empty : Validate(trimmed, nameof(directory));
    }
}
