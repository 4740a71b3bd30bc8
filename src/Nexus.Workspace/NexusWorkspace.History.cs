using Nexus.Workspace.Git;
using Nexus.Workspace.Manifest;

namespace Nexus.Workspace;

public sealed partial class NexusWorkspace
{
    /// <summary>The workspace's commits, newest first (merge commits included), optionally only those touching a path.</summary>
    public IReadOnlyList<CommitInfo> History(string? path = null, int limit = 100) => Git.History(path, limit);

    /// <summary>The commits touching a panel's source or state, newest first.</summary>
    public IReadOnlyList<CommitInfo> PanelHistory(string panelId, int limit = 100) =>
        Git.History([WorkspacePaths.PanelSource(panelId), WorkspacePaths.PanelState(panelId)], limit);

    /// <summary>
    /// The unified diff of one of the workspace's commits against its first parent. Only hex shas are looked up, so
    /// branch names and revision expressions (<c>HEAD~1</c>) are not commits here: COMMIT_NOT_FOUND for anything else.
    /// </summary>
    public string Diff(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        if (sha.Length is < 4 or > 64 || !sha.All(char.IsAsciiHexDigit))
        {
            throw CommitNotFound();
        }

        try
        {
            return Git.Diff(sha);
        }
        catch (GitStoreException)
        {
            throw CommitNotFound();
        }
    }

    /// <summary>
    /// Commits the inverse of a commit on main; the panels it touches reload from the result (their state becomes
    /// the reverted state). COMMIT_NOT_FOUND for a sha that is not a commit of the workspace (as <see cref="Diff"/>);
    /// CONFLICT when it no longer applies or main already lacks its changes (nothing changes then).
    /// </summary>
    public async Task<string> RevertAsync(string sha)
    {
        Diff(sha);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            await _persister.FlushAsync().ConfigureAwait(false);
            string revert;
            try
            {
                revert = Git.Revert(sha);
            }
            catch (GitConflictException ex)
            {
                throw new WorkspaceException(WorkspaceErrorCodes.Conflict, "the commit no longer reverts cleanly: " + string.Join(", ", ex.Paths));
            }
            catch (GitStoreException)
            {
                // The commit exists (checked above), so this is "main already lacks its changes".
                throw new WorkspaceException(WorkspaceErrorCodes.Conflict, "there is nothing left to revert in this commit");
            }

            var changed = Git.History(limit: 1) is [var head] && head.Sha == revert ? head.Files : [];
            await ApplyMainChangesAsync(changed).ConfigureAwait(false);
            return revert;
        }
        finally
        {
            _structure.Release();
        }
    }

    private static WorkspaceException CommitNotFound() => new(WorkspaceErrorCodes.CommitNotFound, "no such commit");

    /// <summary>Copies the workspace (its whole history) into a new folder and opens the copy under a new name.</summary>
    public async Task<NexusWorkspace> CloneAsync(string targetDirectory, string name, WorkspaceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        targetDirectory = Path.GetFullPath(targetDirectory);
        if (System.IO.Directory.Exists(targetDirectory) && System.IO.Directory.EnumerateFileSystemEntries(targetDirectory).Any())
        {
            throw new WorkspaceException(WorkspaceErrorCodes.Exists, "the target folder is not empty");
        }

        await FlushAsync().ConfigureAwait(false);
        using (var clone = GitStore.Clone(Git.Path, Path.Combine(targetDirectory, WorkspacePaths.RepositoryFolder), (options ?? _options).Committer))
        {
            var manifest = WorkspaceManifest.Parse(clone.ReadText(WorkspacePaths.Manifest)!) with { Name = name.Trim() };
            clone.Commit([FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson())], $"Clone of {Name} as {manifest.Name}");
        }

        return await OpenAsync(targetDirectory, options ?? _options).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the live workspace in line with main after main changed underneath it (revert, accepted proposal):
    /// the manifest is re-read, panels whose files changed reload (state from main when its file changed, else
    /// carried over), removed panels stop, new ones start, assets are checked out. Called with the structure lock held.
    /// </summary>
    private async Task ApplyMainChangesAsync(IReadOnlyList<string> changedPaths)
    {
        if (changedPaths.Contains(WorkspacePaths.Manifest))
        {
            var before = Manifest.Panels;
            Manifest = WorkspaceManifest.Parse(Git.ReadText(WorkspacePaths.Manifest) ?? Manifest.ToJson());
            if (!before.SequenceEqual(Manifest.Panels))
            {
                RaisePanelsArranged();
            }
        }

        if (changedPaths.Contains(WorkspacePaths.Graph))
        {
            _nog.LoadAuthored(Git.ReadText(WorkspacePaths.Graph));
        }

        if (changedPaths.Any(p => p.StartsWith(WorkspacePaths.AssetsDirectory + "/", StringComparison.Ordinal)))
        {
            _assets.CheckOut(Git);
        }

        var stateChanged = changedPaths.Where(p => p.StartsWith(WorkspacePaths.StateDirectory + "/", StringComparison.Ordinal)).Select(WorkspacePaths.PanelOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var panelId in changedPaths.Select(WorkspacePaths.PanelOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            await ReloadFromMainAsync(panelId, stateFromMain: stateChanged.Contains(panelId)).ConfigureAwait(false);
        }

        // The journal may hold writes made before main changed: a snapshot now makes them obsolete.
        await _persister.FlushAsync().ConfigureAwait(false);
    }

    private async Task ReloadFromMainAsync(string panelId, bool stateFromMain)
    {
        var source = Git.ReadText(WorkspacePaths.PanelSource(panelId));
        var panel = FindPanel(panelId);
        if (source is null)
        {
            if (panel is not null)
            {
                await StopAsync(panel).ConfigureAwait(false);
            }

            return;
        }

        if (panel is null)
        {
            var saved = ParseState(Git.ReadText(WorkspacePaths.PanelState(panelId)));
            _panels = _panels.SetItem(panelId, await StartPanelAsync(panelId, source, saved).ConfigureAwait(false));
            RaisePanelsChanged(panelId);
            return;
        }

        using (await panel.PauseCallsAsync().ConfigureAwait(false))
        {
            var carried = !stateFromMain && panel.Instance is { } running
                ? await running.GetStateValuesAsync().ConfigureAwait(false)
                : ParseState(Git.ReadText(WorkspacePaths.PanelState(panelId)));
            var document = Nexus.Nxml.NxmlDocument.Check(source);
            var (instance, failure) = await TryStartAsync(panelId, document, carried).ConfigureAwait(false);
            await SwapAsync(panel, document, instance, failure).ConfigureAwait(false);
        }
    }
}
