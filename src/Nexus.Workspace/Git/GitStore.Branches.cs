using LibGit2Sharp;

namespace Nexus.Workspace.Git;

public sealed partial class GitStore
{
    /// <summary>Creates a branch at a revision.</summary>
    /// <exception cref="GitStoreException">The branch exists, or the revision does not (or has no commit).</exception>
    public void CreateBranch(string name, string fromRevision = MainBranch)
    {
        var reference = BranchReference(name, nameof(name));
        ArgumentException.ThrowIfNullOrWhiteSpace(fromRevision);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_repository.Refs[reference] is not null)
            {
                throw new GitStoreException($"the branch '{name}' already exists");
            }

            var start = Resolve(fromRevision) ?? throw new GitStoreException($"'{fromRevision}' has no commit to branch from");
            MoveReference(reference, start);
        }
    }

    /// <summary>Deletes a branch (its commits stay in the object database); a missing branch is no error. Main cannot be deleted.</summary>
    public void DeleteBranch(string name)
    {
        var reference = BranchReference(name, nameof(name));
        if (name == MainBranch)
        {
            throw new ArgumentException("the main branch cannot be deleted", nameof(name));
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            if (_repository.Refs[reference] is not null)
            {
                _repository.Refs.Remove(reference);
            }
        }
    }

    /// <summary>True when the branch exists and has a commit.</summary>
    public bool BranchExists(string name)
    {
        var reference = BranchReference(name, nameof(name));
        lock (_gate)
        {
            ThrowIfDisposed();
            return TipOf(reference) is not null;
        }
    }

    /// <summary>Every branch with a commit, by name.</summary>
    public IReadOnlyList<string> Branches()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return _repository.Refs.FromGlob(BranchPrefix + "*")
                .Select(reference => reference.CanonicalName[BranchPrefix.Length..])
                .Order(StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>
    /// Merges a branch into another: a fast-forward when the target is behind, else a three-way merge commit
    /// computed in memory. On conflict nothing is written and the target is untouched. An unborn main is
    /// fast-forwarded to the source.
    /// </summary>
    /// <exception cref="GitStoreException">The source branch (or a target other than an unborn main) does not exist.</exception>
    public MergeOutcome Merge(string sourceBranch, string targetBranch, string message)
    {
        var sourceReference = BranchReference(sourceBranch, nameof(sourceBranch));
        var targetReference = BranchReference(targetBranch, nameof(targetBranch));
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        lock (_gate)
        {
            ThrowIfDisposed();
            var source = TipOf(sourceReference) ?? throw new GitStoreException($"unknown branch '{sourceBranch}'");
            var target = TipOf(targetReference);
            if (target is null && targetBranch != MainBranch)
            {
                throw new GitStoreException($"unknown branch '{targetBranch}'");
            }

            var mergeBase = target is null ? null : _repository.ObjectDatabase.FindMergeBase(source, target);
            if (target is not null && (target.Id == source.Id || mergeBase?.Id == source.Id))
            {
                return new MergeOutcome(MergeKind.UpToDate, target.Sha, []);
            }

            if (target is null || mergeBase?.Id == target.Id)
            {
                MoveReference(targetReference, source);
                return new MergeOutcome(MergeKind.FastForward, source.Sha, []);
            }

            var merged = _repository.ObjectDatabase.MergeCommits(target, source, new MergeTreeOptions());
            if (merged.Status == MergeTreeStatus.Conflicts)
            {
                return new MergeOutcome(MergeKind.Conflict, null, ConflictPaths(merged));
            }

            var commit = WriteCommit(targetReference, message, merged.Tree, [target, source], author: null);
            return new MergeOutcome(MergeKind.Merged, commit.Sha, []);
        }
    }

    /// <summary>
    /// Writes a new commit on main that undoes a commit (a merge commit is undone against its first parent),
    /// computed in memory.
    /// </summary>
    /// <returns>The sha of the new commit.</returns>
    /// <exception cref="GitConflictException">The change no longer applies; main is untouched.</exception>
    /// <exception cref="GitStoreException">The commit does not exist, main has no commit, or main already lacks the change.</exception>
    public string Revert(string sha, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        lock (_gate)
        {
            ThrowIfDisposed();
            var commit = ResolveCommit(sha);
            var mainReference = BranchPrefix + MainBranch;
            var main = TipOf(mainReference) ?? throw new GitStoreException("main has no commit to revert on");
            var mainline = commit.Parents.Skip(1).Any() ? 1 : 0;
            var reverted = _repository.ObjectDatabase.RevertCommit(commit, main, mainline, new MergeTreeOptions());
            if (reverted.Status == MergeTreeStatus.Conflicts)
            {
                var paths = ConflictPaths(reverted);
                throw new GitConflictException($"commit {commit.Sha} no longer reverts cleanly: {string.Join(", ", paths)}", paths);
            }

            if (reverted.Tree.Id == main.Tree.Id)
            {
                throw new GitStoreException($"main already lacks the changes of commit {commit.Sha}: nothing to revert");
            }

            message ??= $"Revert \"{commit.MessageShort}\"\n\nThis reverts commit {commit.Sha}.";
            return WriteCommit(mainReference, message, reverted.Tree, [main], author: null).Sha;
        }
    }

    private static List<string> ConflictPaths(MergeTreeResult result) =>
        result.Conflicts
            .Select(conflict => (conflict.Ours ?? conflict.Theirs ?? conflict.Ancestor).Path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
