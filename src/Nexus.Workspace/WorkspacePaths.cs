using System.Text.RegularExpressions;

namespace Nexus.Workspace;

/// <summary>Where things live, in the workspace's repository and in its folder on disk.</summary>
public static partial class WorkspacePaths
{
    public const string Manifest = "nexus.json";
    public const string Graph = "graph/nog.json";
    public const string PanelsDirectory = "panels";
    public const string StateDirectory = "state";
    public const string AssetsDirectory = "assets";

    /// <summary>The bare Git repository inside a workspace folder.</summary>
    public const string RepositoryFolder = "repo.git";

    /// <summary>The write-ahead journal's segments inside a workspace folder.</summary>
    public const string JournalFolder = "journal";

    public static string PanelSource(string panelId) => $"{PanelsDirectory}/{panelId}.nxml";

    public static string PanelState(string panelId) => $"{StateDirectory}/{panelId}.json";

    /// <summary>The panel a repository path belongs to (its source or its state), or null.</summary>
    public static string? PanelOf(string path)
    {
        foreach (var (directory, extension) in new[] { (PanelsDirectory, ".nxml"), (StateDirectory, ".json") })
        {
            if (path.StartsWith(directory + "/", StringComparison.Ordinal) && path.EndsWith(extension, StringComparison.Ordinal))
            {
                var id = path[(directory.Length + 1)..^extension.Length];
                return IsValidPanelId(id) ? id : null;
            }
        }

        return null;
    }

    /// <summary><c>^[a-z0-9][a-z0-9-]{0,62}$</c>, as the API says.</summary>
    public static bool IsValidPanelId(string? id) => id is not null && PanelIdPattern().IsMatch(id);

    /// <summary>A valid panel id made from any text (a meta id or a title): lower case, dashes, at most 63 characters.</summary>
    public static string Slug(string? text)
    {
        var chars = new List<char>();
        foreach (var c in (text ?? "").ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                chars.Add(c);
            }
            else if (chars.Count > 0 && chars[^1] != '-')
            {
                chars.Add('-');
            }
        }

        var slug = new string([.. chars]).Trim('-');
        if (slug.Length > 63)
        {
            slug = slug[..63].TrimEnd('-');
        }

        return slug.Length == 0 ? "panel" : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PanelIdPattern();
}
