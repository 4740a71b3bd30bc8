namespace Nexus.Workspace.Git;

/// <summary>
/// A request the store cannot carry out: not a repository, an unknown revision or branch, a branch that already
/// exists. Bad paths and names are <see cref="ArgumentException"/>s.
/// </summary>
public class GitStoreException : Exception
{
    public GitStoreException()
    {
    }

    public GitStoreException(string message)
        : base(message)
    {
    }

    public GitStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A revert or merge that no longer applies cleanly; nothing was written.</summary>
public sealed class GitConflictException : GitStoreException
{
    public GitConflictException()
        : this("the change conflicts with the branch", [])
    {
    }

    public GitConflictException(string message)
        : this(message, [])
    {
    }

    public GitConflictException(string message, Exception inner)
        : base(message, inner)
    {
        Paths = [];
    }

    public GitConflictException(string message, IReadOnlyList<string> paths)
        : base(message)
    {
        Paths = paths ?? [];
    }

    /// <summary>The paths that conflict.</summary>
    public IReadOnlyList<string> Paths { get; }
}
