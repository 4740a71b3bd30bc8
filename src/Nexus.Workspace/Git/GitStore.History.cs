using LibGit2Sharp;

namespace Nexus.Workspace.Git;

public sealed partial class GitStore
{
    /// <summary>
    /// A branch's commits, newest first (topological, then by time), merge commits included. With a path (a file
    /// or a directory), only the commits whose content there differs from their first parent's: a merge that
    /// brought a change in is listed along with the side commit that made it. At most <paramref name="limit"/>
    /// (positive) commits are returned.
    /// </summary>
    public IReadOnlyList<CommitInfo> History(string? path = null, int limit = 100, string branch = MainBranch) =>
        History(path is null ? null : [path], limit, branch);

    /// <summary>As <see cref="History(string?, int, string)"/>, keeping the commits that touch any of the paths (one walk, one order).</summary>
    public IReadOnlyList<CommitInfo> History(IReadOnlyCollection<string>? paths, int limit = 100, string branch = MainBranch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var filter = paths?.Select(path => RepositoryPath.Validate(path.TrimEnd('/'), nameof(paths))).ToList();
        var reference = BranchReference(branch);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (TipOf(reference) is not { } tip)
            {
                return [];
            }

            var walk = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
            var commits = new List<CommitInfo>();
            foreach (var commit in _repository.Commits.QueryBy(walk))
            {
                if (filter is null || filter.Exists(path => Touches(commit, path)))
                {
                    commits.Add(Describe(commit));
                    if (commits.Count == limit)
                    {
                        break;
                    }
                }
            }

            return commits;
        }
    }

    /// <summary>The unified diff of a commit against its first parent (against the empty tree for a root commit).</summary>
    /// <exception cref="GitStoreException">The commit does not exist.</exception>
    public string Diff(string sha)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        lock (_gate)
        {
            ThrowIfDisposed();
            var commit = ResolveCommit(sha);
            using var patch = _repository.Diff.Compare<Patch>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree);
            return patch.Content;
        }
    }

    /// <summary>Per-file unified diffs from one revision to another (renames detected).</summary>
    /// <exception cref="GitStoreException">A revision does not exist.</exception>
    public IReadOnlyList<FileDiff> DiffFiles(string fromRevision, string toRevision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromRevision);
        return DiffFilesFrom(fromRevision, toRevision);
    }

    /// <summary>Like <see cref="DiffFiles"/>; a null <paramref name="fromRevision"/> is the empty tree.</summary>
    internal IReadOnlyList<FileDiff> DiffFilesFrom(string? fromRevision, string toRevision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toRevision);
        lock (_gate)
        {
            ThrowIfDisposed();
            var from = fromRevision is null ? null : Resolve(fromRevision)?.Tree;
            var to = Resolve(toRevision)?.Tree;
            var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
            using var patch = _repository.Diff.Compare<Patch>(from, to, options);
            return patch.Select(entry => new FileDiff(entry.Path, StatusName(entry.Status), entry.Patch)
            {
                OldPath = entry.Status == ChangeKind.Renamed ? entry.OldPath : null,
            }).ToList();
        }
    }

    private static string StatusName(ChangeKind kind) => kind switch
    {
        ChangeKind.Added or ChangeKind.Copied => "added",
        ChangeKind.Deleted => "deleted",
        ChangeKind.Renamed => "renamed",
        _ => "modified",
    };

    private static ObjectId? EntryId(Commit commit, string path) => commit[path]?.Target.Id;

    private static bool Touches(Commit commit, string path)
    {
        var first = commit.Parents.FirstOrDefault();
        var here = EntryId(commit, path);
        return first is null ? here is not null : here != EntryId(first, path);
    }

    private CommitInfo Describe(Commit commit)
    {
        using var changes = _repository.Diff.Compare<TreeChanges>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree);
        var files = changes.Select(change => change.Path).ToList();
        return new CommitInfo(
            commit.Sha,
            commit.Message.TrimEnd('\n'),
            commit.Author.Name,
            commit.Author.When,
            files,
            commit.Parents.Select(parent => parent.Sha).ToList());
    }
}
