using System.Text;

namespace Nexus.Workspace.Git;

/// <summary>One change of a commit: a file written with new content, or deleted (<see cref="Content"/> null).</summary>
public sealed record FileChange(string Path, byte[]? Content)
{
    public bool IsDelete => Content is null;

    /// <summary>Writes text as UTF-8 (no BOM).</summary>
    public static FileChange Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FileChange(path, Encoding.UTF8.GetBytes(text));
    }

    public static FileChange Write(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new FileChange(path, bytes);
    }

    public static FileChange Delete(string path) => new(path, null);
}

/// <summary>
/// One file of a diff: its path (the new path of a rename), what happened to it (<c>added</c>, <c>modified</c>,
/// <c>deleted</c> or <c>renamed</c>) and its unified diff.
/// </summary>
public sealed record FileDiff(string Path, string Status, string Patch)
{
    /// <summary>The path before a rename; null otherwise.</summary>
    public string? OldPath { get; init; }
}

/// <summary>
/// A commit as the store reports it. <see cref="Files"/> are the paths changed against the first parent (every
/// file for a root commit); <see cref="Parents"/> are the parent shas, two for a merge commit.
/// </summary>
public sealed record CommitInfo(
    string Sha,
    string Message,
    string Author,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Parents);

/// <summary>Who commits: the author and committer of the store's commits. Default "Nexus" &lt;nexus@localhost&gt;.</summary>
public sealed record GitIdentity(string Name, string Email)
{
    public static readonly GitIdentity Default = new("Nexus", "nexus@localhost");
}

/// <summary>How a merge ended.</summary>
public enum MergeKind
{
    /// <summary>The target already contains the source: nothing was written.</summary>
    UpToDate,

    /// <summary>The target moved forward to the source's commit.</summary>
    FastForward,

    /// <summary>A merge commit with both tips as parents was written on the target.</summary>
    Merged,

    /// <summary>The branches change the same lines: nothing was written, the target is untouched.</summary>
    Conflict,
}

/// <summary>The outcome of <see cref="GitStore.Merge"/>: the target's new sha (null on conflict) and the conflicting paths.</summary>
public sealed record MergeOutcome(MergeKind Kind, string? Sha, IReadOnlyList<string> ConflictingPaths);
