using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nexus.Server.Operations;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Hosting;

/// <summary>
/// The open workspaces of this server, by id. A workspace lives in <c>&lt;data&gt;/workspaces/&lt;id&gt;</c> and is
/// opened on first use; concurrent requests for the same id share one open instance. On graceful shutdown
/// (<see cref="StopAsync"/>) every open workspace is disposed, which commits its pending state.
/// </summary>
/// <remarks>
/// Create, clone and remove are serialised by one lock; opening is not (each id opens at most once). A request that
/// races a removal of the same workspace may see WORKSPACE_NOT_FOUND or WORKSPACE_LOCKED.
/// </remarks>
public sealed partial class WorkspaceHost : IHostedService, IAsyncDisposable
{
    /// <summary>The error code of a request that arrives after shutdown began.</summary>
    public const string ShuttingDownCode = "SHUTTING_DOWN";

    private readonly ConcurrentDictionary<string, Lazy<Task<NexusWorkspace>>> _open = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _structure = new(1, 1);
    private readonly WorkspaceOptions _workspaceOptions;
    private readonly ILogger<WorkspaceHost> _logger;
    private readonly Lock _stopGate = new();
    private Task? _stop;
    private volatile bool _started;
    private volatile bool _stopping;

    public WorkspaceHost(IOptions<NexusServerOptions> options, WorkspaceOptions workspaceOptions, NexusMetrics metrics, ILogger<WorkspaceHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.TrackWorkspaces(this);
        WorkspacesDirectory = options.Value.WorkspacesDirectory;
        _workspaceOptions = workspaceOptions;
        _logger = logger;
    }

    /// <summary>The folder holding one sub-folder per workspace.</summary>
    public string WorkspacesDirectory { get; }

    /// <summary>Whether the host has started and is not shutting down (the readiness probe asks this).</summary>
    public bool IsAccepting => _started && !_stopping;

    /// <summary>How many workspaces are open now.</summary>
    public int OpenWorkspaceCount => OpenWorkspaces().Count;

    /// <summary>The workspaces open now (for periodic work such as expiring proposals).</summary>
    public IReadOnlyList<NexusWorkspace> OpenNow() => OpenWorkspaces();

    /// <summary>How many panels of the open workspaces are running (failed panels not counted).</summary>
    public int ActivePanelCount => OpenWorkspaces().Sum(w => w.Panels.Count(p => p.Status == PanelStatus.Running));

    /// <summary>Whether a workspace with this id exists on disk (open or not).</summary>
    public bool Exists(string id) =>
        WorkspaceIds.IsValid(id) && Directory.Exists(Path.Combine(FolderOf(id), WorkspacePaths.RepositoryFolder));

    /// <summary>The ids of every workspace on disk.</summary>
    public IReadOnlyList<string> ListIds() =>
        Directory.Exists(WorkspacesDirectory)
            ? [.. Directory.EnumerateDirectories(WorkspacesDirectory).Select(Path.GetFileName).OfType<string>().Where(Exists).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The open workspace <paramref name="id"/>, opening it on first use (WORKSPACE_NOT_FOUND when there is none).</summary>
    public async Task<NexusWorkspace> GetAsync(string id)
    {
        EnsureAccepting();
        WorkspaceIds.Validate(id);
        var entry = _open.GetOrAdd(id, key => new Lazy<Task<NexusWorkspace>>(() => NexusWorkspace.OpenAsync(FolderOf(key), _workspaceOptions)));
        return await AwaitEntryAsync(id, entry).ConfigureAwait(false);
    }

    /// <summary>Creates workspace <paramref name="id"/> named <paramref name="name"/> and keeps it open (WORKSPACE_EXISTS when taken).</summary>
    public async Task<NexusWorkspace> CreateAsync(string id, string name)
    {
        EnsureAccepting();
        WorkspaceIds.Validate(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Exists(id) || _open.ContainsKey(id))
            {
                throw new WorkspaceException(WorkspaceErrorCodes.Exists, $"workspace '{id}' already exists");
            }

            var workspace = await NexusWorkspace.CreateAsync(FolderOf(id), name, _workspaceOptions).ConfigureAwait(false);
            _open[id] = new Lazy<Task<NexusWorkspace>>(Task.FromResult(workspace));
            return workspace;
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Copies workspace <paramref name="sourceId"/> with its whole history as <paramref name="targetId"/>, named <paramref name="name"/>.</summary>
    public async Task<NexusWorkspace> CloneAsync(string sourceId, string targetId, string name)
    {
        WorkspaceIds.Validate(targetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var source = await GetAsync(sourceId).ConfigureAwait(false);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Exists(targetId) || _open.ContainsKey(targetId))
            {
                throw new WorkspaceException(WorkspaceErrorCodes.Exists, $"workspace '{targetId}' already exists");
            }

            var clone = await source.CloneAsync(FolderOf(targetId), name, _workspaceOptions).ConfigureAwait(false);
            _open[targetId] = new Lazy<Task<NexusWorkspace>>(Task.FromResult(clone));
            return clone;
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Closes workspace <paramref name="id"/> (committing its state) and deletes its folder.</summary>
    public async Task RemoveAsync(string id)
    {
        EnsureAccepting();
        WorkspaceIds.Validate(id);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!Exists(id))
            {
                throw new WorkspaceException(WorkspaceErrorCodes.NotFound, $"no workspace '{id}'");
            }

            await CloseAsync(id).ConfigureAwait(false);
            Directory.Delete(FolderOf(id), recursive: true);
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Closes workspace <paramref name="id"/> if it is open (its state is committed); the next request reopens it.</summary>
    public async Task CloseAsync(string id)
    {
        if (_open.TryRemove(id, out var entry) && await TryGetAsync(entry).ConfigureAwait(false) is { } workspace)
        {
            await workspace.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(WorkspacesDirectory);
        _started = true;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Graceful shutdown: refuses new work and disposes (flushes) every open workspace. Every caller waits for the
    /// same shutdown to finish (the host and the container may both ask), so none returns while a workspace is
    /// still being flushed. A workspace that fails to close is logged and does not keep the others from closing.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            _stopping = true;
            return _stop ??= CloseAllAsync();
        }
    }

    /// <summary>Disposes whatever is still open (when the host was not stopped gracefully).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _structure.Dispose();
    }

    private async Task CloseAllAsync()
    {
        foreach (var id in _open.Keys.ToList())
        {
            try
            {
                await CloseAsync(id).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One workspace that fails to flush must not keep the others open at shutdown.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCloseFailed(_logger, ex, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workspace {WorkspaceId} did not close cleanly at shutdown")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string workspaceId);

    private string FolderOf(string id) => Path.Combine(WorkspacesDirectory, id);

    private void EnsureAccepting()
    {
        if (_stopping)
        {
            throw new WorkspaceException(ShuttingDownCode, "the server is shutting down");
        }
    }

    private async Task<NexusWorkspace> AwaitEntryAsync(string id, Lazy<Task<NexusWorkspace>> entry)
    {
        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed open must not stick: the next request tries again (only this entry is removed, not a newer one).
            _open.TryRemove(new KeyValuePair<string, Lazy<Task<NexusWorkspace>>>(id, entry));
            throw;
        }
    }

    private static async Task<NexusWorkspace?> TryGetAsync(Lazy<Task<NexusWorkspace>> entry)
    {
        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever made the open fail was reported to its caller; closing has nothing to do.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private List<NexusWorkspace> OpenWorkspaces() =>
        [.. _open.Values.Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully).Select(e => e.Value.Result)];
}
