using System.Text.RegularExpressions;
using Nexus.Workspace;

namespace Nexus.Server.Hosting;

/// <summary>
/// Workspace ids: <c>^[a-z0-9][a-z0-9-]{0,62}$</c>, the same rule as panel ids. A lowercase GUID ("D" format)
/// matches it too, so generated ids and readable slugs share one rule. The id is the folder name under
/// <c>&lt;data&gt;/workspaces/</c>, so the rule also keeps paths inside that folder.
/// </summary>
public static partial class WorkspaceIds
{
    /// <summary>The error code of an id that does not match the rule.</summary>
    public const string InvalidCode = "INVALID_WORKSPACE_ID";

    /// <summary>Whether <paramref name="id"/> is a valid workspace id.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>A new random id (a lowercase GUID).</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>Returns <paramref name="id"/>, or throws INVALID_WORKSPACE_ID.</summary>
    public static string Validate(string? id) =>
        IsValid(id)
            ? id!
            : throw new WorkspaceException(InvalidCode, "a workspace id is 1 to 63 lowercase letters, digits or '-', starting with a letter or digit");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
