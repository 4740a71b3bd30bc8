using System.Text;
using LibGit2Sharp;

namespace Nexus.Workspace.Git;

/// <summary>
/// A workspace repository: a bare Git repository whose commits are written straight to the object database
/// (blob → tree → commit → ref update), so a crash never leaves half a change on a branch. Thread-safe: one
/// libgit2 repository guarded by a lock; commits, merges and reverts serialize.
/// </summary>
public sealed partial class GitStore : IDisposable
{
    /// <summary>The branch the workspace lives on.</summary>
    public const string MainBranch = "main";

    private const string BranchPrefix = "refs/heads/";

    // libgit2 repositories are not thread-safe: every use of _repository holds this lock.
    private readonly Lock _gate = new();
    private readonly Repository _repository;
    private readonly GitIdentity _identity;
    private bool _disposed;

    private GitStore(Repository repository, string path, GitIdentity? identity)
    {
        _repository = repository;
        _identity = identity ?? GitIdentity.Default;
        Path = path;
    }

    /// <summary>The repository's directory.</summary>
    public string Path { get; }

    /// <summary>Creates an empty bare repository whose HEAD names <c>main</c>; the first commit creates the branch.</summary>
    /// <exception cref="GitStoreException">The directory already holds a repository or cannot be written.</exception>
    public static GitStore Create(string path, GitIdentity? identity = null)
    {
        var full = FullPath(path);
        if (Repository.IsValid(full))
        {
            throw new GitStoreException($"'{full}' already holds a Git repository");
        }

        try
        {
            Repository.Init(full, isBare: true);
            var repository = new Repository(full);
            repository.Refs.UpdateTarget("HEAD", BranchPrefix + MainBranch);
            return new GitStore(repository, full, identity);
        }
        catch (LibGit2SharpException ex)
        {
            throw new GitStoreException($"cannot create a repository at '{full}': {ex.Message}", ex);
        }
    }

    /// <summary>Opens an existing repository.</summary>
    /// <exception cref="GitStoreException">The directory is not a Git repository.</exception>
    public static GitStore Open(string path, GitIdentity? identity = null)
    {
        var full = FullPath(path);
        if (!Repository.IsValid(full))
        {
            throw new GitStoreException($"'{full}' is not a Git repository");
        }

        return new GitStore(new Repository(full), full, identity);
    }

    /// <summary>
    /// Clones a repository into a new bare one with its full history: every branch and the Nexus metadata refs
    /// (<c>refs/nexus/*</c>, where proposal records live) are copied under their own names.
    /// </summary>
    /// <exception cref="GitStoreException">The source is not a repository or the target cannot be written.</exception>
    public static GitStore Clone(string sourcePath, string targetPath, GitIdentity? identity = null)
    {
        var source = FullPath(sourcePath, nameof(sourcePath));
        var target = FullPath(targetPath, nameof(targetPath));
        if (!Repository.IsValid(source))
        {
            throw new GitStoreException($"'{source}' is not a Git repository");
        }

        try
        {
            Repository.Clone(source, target, new CloneOptions { IsBare = true });
            var repository = new Repository(target);
            Commands.Fetch(repository, "origin", ["+refs/heads/*:refs/heads/*", "+refs/nexus/*:refs/nexus/*"], new FetchOptions(), "clone");
            repository.Refs.UpdateTarget("HEAD", BranchPrefix + MainBranch);
            return new GitStore(repository, target, identity);
        }
        catch (LibGit2SharpException ex)
        {
            throw new GitStoreException($"cannot clone '{source}' into '{target}': {ex.Message}", ex);
        }
    }

    /// <summary>The sha of a branch's newest commit; null when the branch has no commit (or does not exist).</summary>
    public string? HeadSha(string branch = MainBranch)
    {
        var reference = BranchReference(branch);
        lock (_gate)
        {
            ThrowIfDisposed();
            return TipOf(reference)?.Sha;
        }
    }

    /// <summary>The sha a full reference name points at (e.g. a metadata ref); null when it does not exist.</summary>
    internal string? ReferenceSha(string canonicalReference)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return TipOf(canonicalReference)?.Sha;
        }
    }

    /// <summary>
    /// Commits the changes on a branch in one step (the branch is created when it has no commit yet). Writing a
    /// file creates its directories; deleting the last file of a directory removes it; deleting a missing file
    /// changes nothing.
    /// </summary>
    /// <returns>The new commit's sha, or null when the changes leave the tree as it was (no commit).</returns>
    /// <exception cref="ArgumentException">A path is invalid or appears twice, or the message is empty.</exception>
    public string? Commit(IReadOnlyList<FileChange> changes, string message, string branch = MainBranch, GitIdentity? author = null) =>
        CommitToReference(BranchReference(branch), changes, message, author);

    /// <summary>Commits on any reference (e.g. a metadata ref that is no branch); see <see cref="Commit"/>.</summary>
    internal string? CommitToReference(string canonicalReference, IReadOnlyList<FileChange> changes, string message, GitIdentity? author = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ValidateChanges(changes);
        lock (_gate)
        {
            ThrowIfDisposed();
            var parent = TipOf(canonicalReference);
            var definition = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
            foreach (var change in changes)
            {
                if (change.Content is null)
                {
                    RemoveFile(definition, change.Path);
                }
                else
                {
                    var blob = _repository.ObjectDatabase.Write<Blob>(change.Content);
                    definition.Add(change.Path, blob, Mode.NonExecutableFile);
                }
            }

            var tree = _repository.ObjectDatabase.CreateTree(definition);
            if (parent is null ? tree.Count == 0 : tree.Id == parent.Tree.Id)
            {
                return null;
            }

            return WriteCommit(canonicalReference, message, tree, parent is null ? [] : [parent], author).Sha;
        }
    }

    /// <summary>A file's bytes at a revision (a sha, a branch or a full ref name; null means main); null when absent.</summary>
    /// <exception cref="GitStoreException">The revision does not exist.</exception>
    public byte[]? ReadFile(string path, string? revision = null)
    {
        RepositoryPath.Validate(path);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (Resolve(revision)?[path] is not { TargetType: TreeEntryTargetType.Blob } entry)
            {
                return null;
            }

            var blob = (Blob)entry.Target;
            using var content = blob.GetContentStream();
            var bytes = new byte[blob.Size];
            content.ReadExactly(bytes);
            return bytes;
        }
    }

    /// <summary>A file's text (UTF-8) at a revision; null when absent. See <see cref="ReadFile"/>.</summary>
    public string? ReadText(string path, string? revision = null) =>
        ReadFile(path, revision) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>
    /// Every file under a directory (empty for the whole repository), recursively, as repository-relative paths
    /// with '/', in tree order. A missing directory has no files.
    /// </summary>
    /// <exception cref="GitStoreException">The revision does not exist.</exception>
    public IReadOnlyList<string> ListFiles(string directory = "", string? revision = null)
    {
        var root = RepositoryPath.ValidateDirectory(directory);
        lock (_gate)
        {
            ThrowIfDisposed();
            var commit = Resolve(revision);
            var tree = commit is null ? null : root.Length == 0 ? commit.Tree : commit[root]?.Target as Tree;
            var files = new List<string>();
            if (tree is not null)
            {
                CollectFiles(tree, root.Length == 0 ? string.Empty : root + "/", files);
            }

            return files;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _repository.Dispose();
            }
        }
    }

    private static void CollectFiles(Tree tree, string prefix, List<string> files)
    {
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                CollectFiles((Tree)entry.Target, prefix + entry.Name + "/", files);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                files.Add(prefix + entry.Name);
            }
        }
    }

    /// <summary>Deletes a file; a directory is refused, so a stray delete never takes a whole folder with it.</summary>
    private static void RemoveFile(TreeDefinition definition, string path)
    {
        switch (definition[path]?.TargetType)
        {
            case null:
                return;
            case TreeEntryTargetType.Tree:
                throw new ArgumentException($"'{path}' is a directory: delete its files instead", nameof(path));
            default:
                definition.Remove(path);
                return;
        }
    }

    private static void ValidateChanges(IReadOnlyList<FileChange> changes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            RepositoryPath.Validate(change.Path, nameof(changes));
            if (!seen.Add(change.Path))
            {
                throw new ArgumentException($"the path '{change.Path}' is changed twice in one commit", nameof(changes));
            }
        }
    }

    private static string FullPath(string path, string parameterName = "path")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, parameterName);
        return System.IO.Path.GetFullPath(path);
    }

    /// <summary>The full ref name of a branch; an <see cref="ArgumentException"/> for names Git refuses.</summary>
    private static string BranchReference(string branch, string parameterName = "branch")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch, parameterName);
        var reference = BranchPrefix + branch;
        return Reference.IsValidName(reference) ? reference : throw new ArgumentException($"'{branch}' is not a valid branch name", parameterName);
    }

    /// <summary>Raised after every commit this store writes, on any branch (merges and reverts included).</summary>
    public event Action? Committed;

    private Commit WriteCommit(string canonicalReference, string message, Tree tree, IEnumerable<Commit> parents, GitIdentity? author)
    {
        var identity = author ?? _identity;
        var signature = new Signature(identity.Name, identity.Email, DateTimeOffset.Now);
        var commit = _repository.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: true);
        MoveReference(canonicalReference, commit);
        Committed?.Invoke();
        return commit;
    }

    private void MoveReference(string canonicalReference, Commit commit) =>
        _repository.Refs.Add(canonicalReference, commit.Id, logMessage: null, allowOverwrite: true);

    /// <summary>The commit a reference points at; null when it does not exist (an unborn branch).</summary>
    private Commit? TipOf(string canonicalReference) =>
        _repository.Refs[canonicalReference]?.ResolveToDirectReference()?.Target as Commit;

    /// <summary>
    /// The commit of a revision: a branch, a full ref name or a sha (null means main). Null only for a branch
    /// without a commit yet.
    /// </summary>
    private Commit? Resolve(string? revision)
    {
        revision ??= MainBranch;
        ArgumentException.ThrowIfNullOrWhiteSpace(revision, nameof(revision));
        if (revision == MainBranch)
        {
            return TipOf(BranchPrefix + MainBranch);
        }

        if (Reference.IsValidName(BranchPrefix + revision) && TipOf(BranchPrefix + revision) is { } branchTip)
        {
            return branchTip;
        }

        if (revision.StartsWith("refs/", StringComparison.Ordinal) && Reference.IsValidName(revision))
        {
            return TipOf(revision);
        }

        return ResolveCommit(revision);
    }

    /// <summary>A commit by sha (or any revision Git understands); a <see cref="GitStoreException"/> when unknown.</summary>
    private Commit ResolveCommit(string revision)
    {
        try
        {
            if (_repository.Lookup<Commit>(revision) is { } commit)
            {
                return commit;
            }
        }
        catch (LibGit2SharpException)
        {
            // An ambiguous or malformed revision is just as unknown as a missing one.
        }

        throw new GitStoreException($"unknown revision '{revision}'");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
