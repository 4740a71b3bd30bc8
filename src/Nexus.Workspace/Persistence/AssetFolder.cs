using Nexus.Workspace.Extensions.Fs;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Persistence;

/// <summary>
/// The workspace's <c>assets/</c> folder on disk (what <c>nexus.fs</c> reads and writes) and its mirror in the
/// repository: changes on disk are committed by the state writer; a checkout (load of a clone, revert, accepted
/// proposal) writes the repository's assets back to disk.
/// </summary>
internal sealed class AssetFolder(string root)
{
    public string Root { get; } = root;

    /// <summary>The file changes that make the repository's <c>assets/</c> equal to the folder on disk.</summary>
    public IEnumerable<FileChange> ChangesAgainst(GitStore git)
    {
        var committed = git.ListFiles(WorkspacePaths.AssetsDirectory).ToHashSet(StringComparer.Ordinal);
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            var path = WorkspacePaths.AssetsDirectory + "/" + Path.GetRelativePath(Root, file).Replace('\\', '/');
            onDisk.Add(path);
            var bytes = File.ReadAllBytes(file);
            if (!committed.Contains(path) || !bytes.AsSpan().SequenceEqual(git.ReadFile(path)))
            {
                yield return FileChange.Write(path, bytes);
            }
        }

        foreach (var path in committed.Where(p => !onDisk.Contains(p)))
        {
            yield return FileChange.Delete(path);
        }
    }

    /// <summary>Writes the repository's assets (at main) to disk and removes files it does not have.</summary>
    public void CheckOut(GitStore git)
    {
        Directory.CreateDirectory(Root);
        var committed = git.ListFiles(WorkspacePaths.AssetsDirectory);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in committed)
        {
            var target = Path.Combine(Root, path[(WorkspacePaths.AssetsDirectory.Length + 1)..]);
            keep.Add(Path.GetFullPath(target));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = Path.Combine(Path.GetDirectoryName(target)!, FsExtension.TempPrefix + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(temporary, git.ReadFile(path) ?? []);
            File.Move(temporary, target, overwrite: true);
        }

        foreach (var file in Files().Where(f => !keep.Contains(Path.GetFullPath(f))))
        {
            File.Delete(file);
        }
    }

    private IEnumerable<string> Files()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        // Links are never followed or committed: nexus.fs refuses them, and a link planted by hand must not leak
        // what it points to into the repository.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(Root, "*", options).Where(f => !Path.GetFileName(f).StartsWith(FsExtension.TempPrefix, StringComparison.Ordinal));
    }
}
