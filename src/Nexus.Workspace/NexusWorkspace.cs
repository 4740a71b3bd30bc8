using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Reactor;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Nexus.Workspace.Extensions;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Manifest;
using Nexus.Workspace.Nog;
using Nexus.Workspace.Persistence;
using Nexus.Workspace.Proposals;

namespace Nexus.Workspace;

/// <summary>
/// A workspace: a Git repository plus the live panels running from it. Panels are loaded from the repository
/// with their saved state (plus whatever the journal holds that was not committed yet); every acknowledged
/// mutation is journaled before its result returns, and a debounced writer commits the dirty panels' state in
/// one commit per burst. Structural changes (add, edit, remove, revert, accept) are one commit each.
/// </summary>
/// <remarks>
/// On disk a workspace is a folder holding <c>repo.git</c> (a bare repository: the workspace's history),
/// <c>journal/</c> (the write-ahead journal) and <c>assets/</c> (the files of <c>nexus.fs</c>, committed to the
/// repository's <c>assets/</c>).
/// </remarks>
public sealed partial class NexusWorkspace : IAsyncDisposable
{
    /// <summary><c>nexus.kv</c>'s default store: one in-process cache, so session state outlives a workspace reopen.</summary>
    private static readonly Lazy<IDistributedCache> ProcessSessionCache = new(() => new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));

    private readonly SemaphoreSlim _structure = new(1, 1);
    private readonly WorkspaceOptions _options;
    private readonly ILogger _logger;
    private readonly StateJournal _journal;
    private readonly StatePersister _persister;
    private readonly Debouncer _writer;
    private readonly AssetFolder _assets;
    private readonly WorkspaceLock _ownership;
    private readonly WorkspaceExtensionHost _extensions;
    private readonly WorkspaceNog _nog = new();
    private readonly ProposalService _proposals;
    private ImmutableDictionary<string, HostedPanel> _panels = ImmutableDictionary.Create<string, HostedPanel>(StringComparer.Ordinal);
    private int _disposed;

    private NexusWorkspace(string directory, GitStore git, WorkspaceManifest manifest, WorkspaceOptions options, WorkspaceLock ownership)
    {
        _ownership = ownership;
        _proposals = new ProposalService(git, options.Time, options.Proposals);
        Directory = directory;
        Git = git;
        if (options.Observer is { } observer)
        {
            git.Committed += observer.Committed;
        }

        Manifest = manifest;
        _options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<NexusWorkspace>();
        _assets = new AssetFolder(Path.Combine(directory, WorkspacePaths.AssetsDirectory));
        _journal = new StateJournal(Path.Combine(directory, WorkspacePaths.JournalFolder), options.Durability);
        _persister = new StatePersister(git, _journal, FindPanel, _assets);
        _writer = new Debouncer(FlushLockedAsync, options.PersistDebounce, options.Time, ex => WorkspaceLog.SaveFailed(_logger, ex, Name));
        _extensions = WorkspaceExtensionHost.CreateBuiltIn(
            new BuiltInExtensionContext(Path.GetFileName(directory), _assets.Root, MarkAssetsChanged) { Cache = options.SessionCache ?? ProcessSessionCache.Value },
            ExtensionSettingsOf(manifest),
            _logger);
    }

    /// <summary>The workspace's folder.</summary>
    public string Directory { get; }

    public string Name => Manifest.Name;

    public WorkspaceManifest Manifest { get; private set; }

    /// <summary>The workspace's repository.</summary>
    public GitStore Git { get; }

    /// <summary>Raised after a panel was added, edited, reloaded or removed (for example to announce tools/list_changed).</summary>
    public event Action<string>? PanelsChanged;

    /// <summary>Raised after the panels' order or placement in the manifest changed (arranged, or a revert of it).</summary>
    public event Action? PanelsArranged;

    /// <summary>The extensions enabled by the manifest (<c>nexus.fs</c> and <c>nexus.kv</c> unless it says otherwise).</summary>
    public IReadOnlyCollection<string> EnabledExtensions => _extensions.Enabled;

    /// <summary>Creates a workspace in an empty (or new) folder: a repository on <c>main</c> with its manifest.</summary>
    public static async Task<NexusWorkspace> CreateAsync(string directory, string name, WorkspaceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        directory = Path.GetFullPath(directory);
        if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new WorkspaceException(WorkspaceErrorCodes.Exists, "the workspace folder is not empty");
        }

        System.IO.Directory.CreateDirectory(directory);
        var options1 = options ?? WorkspaceOptions.Default;
        using (var git = GitStore.Create(Path.Combine(directory, WorkspacePaths.RepositoryFolder), options1.Committer))
        {
            var manifest = new WorkspaceManifest { Name = name.Trim() };
            git.Commit([FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson())], $"Create workspace {manifest.Name}");
        }

        return await OpenAsync(directory, options1).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a workspace folder and starts its panels. Journal entries newer than the last commit are replayed and
    /// committed. A panel whose source does not check clean is loaded as failed, with its diagnostics.
    /// </summary>
    public static async Task<NexusWorkspace> OpenAsync(string directory, WorkspaceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        directory = Path.GetFullPath(directory);
        var repository = Path.Combine(directory, WorkspacePaths.RepositoryFolder);
        if (!System.IO.Directory.Exists(repository))
        {
            throw new WorkspaceException(WorkspaceErrorCodes.NotFound, "no workspace in that folder");
        }

        options ??= WorkspaceOptions.Default;
        var ownership = WorkspaceLock.Acquire(directory);
        GitStore? git = null;
        try
        {
            GitStore.RemoveStaleLocks(repository); // we own the folder: a lock file in it was left by a killed process
            git = GitStore.Open(repository, options.Committer);
            var manifest = WorkspaceManifest.Parse(git.ReadText(WorkspacePaths.Manifest)
                ?? throw new WorkspaceException(WorkspaceErrorCodes.Failed, "the workspace has no nexus.json"));
            var recovered = JournalRecord.ReadAll(Path.Combine(directory, WorkspacePaths.JournalFolder));
            var workspace = new NexusWorkspace(directory, git, manifest, options, ownership);
            try
            {
                await workspace.LoadAsync(recovered).ConfigureAwait(false);
            }
            catch
            {
                await workspace.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return workspace;
        }
        catch
        {
            git?.Dispose();
            ownership.Dispose();
            throw;
        }
    }

    /// <summary>The panels in display order (the manifest's order, then any others by id).</summary>
    public IReadOnlyList<HostedPanel> Panels
    {
        get
        {
            var panels = _panels;
            var order = Manifest.Panels.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            return [.. panels.Values.OrderBy(p => order.GetValueOrDefault(p.PanelId, int.MaxValue)).ThenBy(p => p.PanelId, StringComparer.Ordinal)];
        }
    }

    /// <summary>A panel, or a PANEL_NOT_FOUND error.</summary>
    public HostedPanel GetPanel(string panelId) =>
        FindPanel(panelId) ?? throw new WorkspaceException(WorkspaceErrorCodes.PanelNotFound, $"no panel '{panelId}' in this workspace");

    public HostedPanel? FindPanel(string panelId) => _panels.GetValueOrDefault(panelId);

    /// <summary>Commits every dirty panel's state now (and the assets); returns the commit, or null when nothing changed.</summary>
    public async Task<string?> FlushAsync()
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            return await _persister.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Tells the writer that files under <c>assets/</c> changed on disk.</summary>
    public void MarkAssetsChanged()
    {
        _persister.MarkAssetsDirty();
        _writer.Signal();
    }

    /// <summary>Flushes everything, unmounts every panel and closes the repository.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var panel in _panels.Values)
            {
                if (panel.Instance is { } instance)
                {
                    await instance.DisposeAsync().ConfigureAwait(false);
                    _persister.MarkDirty(panel.PanelId);
                }
            }

            await _persister.FlushAsync().ConfigureAwait(false);
            foreach (var panel in _panels.Values)
            {
                panel.CloseSubscribers();
            }
        }
        finally
        {
            await _journal.DisposeAsync().ConfigureAwait(false);
            Git.Dispose();
            _extensions.Dispose();
            _ownership.Dispose();
            _structure.Release();
        }
    }

    private async Task FlushLockedAsync()
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            await _persister.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _structure.Release();
        }
    }

    private void OnCommitted(HostedPanel panel, StateCommitted committed)
    {
        panel.NoteSequence(_journal.Append(panel.PanelId, committed.Version, committed.Mutations));
        _persister.MarkDirty(panel.PanelId);
        _writer.Signal();
    }

    private void RaisePanelsChanged(string panelId) => PanelsChanged?.Invoke(panelId);

    private void RaisePanelsArranged() => PanelsArranged?.Invoke();

    /// <summary>
    /// The manifest's extension settings. Settings that do not validate leave every extension disabled (deny by
    /// default) and are logged, so a bad edit of <c>nexus.json</c> cannot keep the workspace from opening.
    /// </summary>
    private ExtensionSettings ExtensionSettingsOf(WorkspaceManifest manifest)
    {
        if (manifest.Extensions is null)
        {
            return ExtensionSettings.Default;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ExtensionSettings>(manifest.Extensions) ?? ExtensionSettings.Default;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or NotSupportedException)
        {
            WorkspaceLog.BadExtensionSettings(_logger, ex, Path.GetFileName(Directory));
            return new ExtensionSettings { Enabled = [] };
        }
    }

    private static JsonObject? ParseState(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
