using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Nexus.Nxml;
using Nexus.Nxml.Diagnostics;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Workspace.Hosting;

/// <summary>Whether a panel runs.</summary>
public enum PanelStatus
{
    /// <summary>Mounted and answering tool calls.</summary>
    Running,

    /// <summary>Its source does not check clean (or it failed to start): kept with its diagnostics, not dropped.</summary>
    Failed,
}

/// <summary>
/// One panel of a workspace: its source, its running instance (replaced on hot reload) and its subscribers,
/// who stay subscribed across reloads. Every call that changes state returns only once the change is in the
/// journal (durable).
/// </summary>
public sealed class HostedPanel
{
    private readonly Lock _gate = new();
    private readonly Action<HostedPanel, StateCommitted> _committed;
    private ImmutableArray<PanelSubscription> _subscribers = [];
    private PanelInstance? _instance;
    private IDisposable? _instanceSubscription;
    private readonly int _subscriberCapacity;
    private readonly CallGate _calls = new();
    private long _lastSequence;

    internal HostedPanel(string panelId, NxmlDocument document, DateTimeOffset loadedAt, int subscriberCapacity, Action<HostedPanel, StateCommitted> committed)
    {
        _subscriberCapacity = subscriberCapacity;
        PanelId = panelId;
        Document = document;
        LoadedAt = loadedAt;
        _committed = committed;
    }

    public string PanelId { get; }

    public NxmlDocument Document { get; private set; }

    public string Source => Document.Source;

    public string? Title => Document.Panel?.Meta.Title;

    public PanelStatus Status => _instance is null ? PanelStatus.Failed : PanelStatus.Running;

    /// <summary>Why the panel is not running: the checker's errors, or the failure of its start.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Document.Diagnostics;

    public string? FailureReason { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The running instance (for view evaluation); null when the panel failed.</summary>
    public PanelInstance? Instance => _instance;

    public long Version => _instance?.Version ?? 0;

    /// <summary>Runs a tool; the result returns once its committed mutations are durable.</summary>
    public async Task<ToolResult> CallAsync(string tool, JsonNode? args = null)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await RunDurableAsync(instance => instance.CallAsync(tool, args)).ConfigureAwait(false);
        Observer?.ToolExecuted(PanelId, tool, result.Status, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>Told about every tool execution (set by the workspace from its options).</summary>
    internal IWorkspaceObserver? Observer { get; init; }

    /// <summary>A two-way binding write (<c>$state.x</c>), type-checked like a handler write; durable on return.</summary>
    public Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope? scope = null) =>
        RunDurableAsync(instance => instance.SetAsync(path, value, scope));

    /// <summary>
    /// Runs any work on the instance that may commit state, and waits until what it committed is durable. While the
    /// panel is being reloaded the work waits, then runs on the new instance: no change can land on an instance
    /// whose state has already been carried over.
    /// </summary>
    public async Task<T> RunDurableAsync<T>(Func<PanelInstance, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _calls.EnterAsync().ConfigureAwait(false);
        try
        {
            var result = await work(RunningInstance()).ConfigureAwait(false);
            await WhenDurableAsync().ConfigureAwait(false);
            return result;
        }
        finally
        {
            _calls.Exit();
        }
    }

    /// <summary>Holds new calls back and waits for the running ones; dispose the result to let calls in again.</summary>
    internal Task<IDisposable> PauseCallsAsync() => _calls.PauseAsync();

    /// <summary>State values and computeds; a failed panel has none.</summary>
    public Task<JsonObject> GetStateAsync() => _instance?.GetStateAsync() ?? Task.FromResult(new JsonObject());

    /// <summary>
    /// Starts hearing this panel's notifications. <paramref name="capacity"/>: how many may wait before the subscriber
    /// is dropped (default: the workspace's <see cref="WorkspaceOptions.SubscriberQueueCapacity"/>).
    /// </summary>
    public PanelSubscription Subscribe(int? capacity = null)
    {
        var size = capacity ?? _subscriberCapacity;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(capacity));
        var subscription = new PanelSubscription(PanelId, size, Detach);
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    public int SubscriberCount => _subscribers.Length;

    internal Func<Task>? WhenDurable { get; set; }

    internal long LastSequence => Volatile.Read(ref _lastSequence);

    internal void NoteSequence(long sequence) => Volatile.Write(ref _lastSequence, sequence);

    /// <summary>Puts a new instance in place (the caller disposes the old one, returned here).</summary>
    internal PanelInstance? Attach(NxmlDocument document, PanelInstance? instance, string? failure, DateTimeOffset now)
    {
        var old = _instance;
        _instanceSubscription?.Dispose();
        Document = document;
        FailureReason = failure;
        LoadedAt = now;
        _instance = instance;
        _instanceSubscription = instance?.Subscribe(OnNotification);
        return old;
    }

    internal void Broadcast(PanelNotification notification)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Deliver(notification);
        }
    }

    internal void CloseSubscribers()
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Dispose();
        }
    }

    private void OnNotification(PanelNotification notification)
    {
        if (notification is StateCommitted committed && committed.Mutations.Count > 0)
        {
            _committed(this, committed);
        }

        Broadcast(notification);
    }

    private async Task WhenDurableAsync()
    {
        if (WhenDurable is { } wait)
        {
            await wait().ConfigureAwait(false);
        }
    }

    private PanelInstance RunningInstance() =>
        _instance ?? throw new WorkspaceException(WorkspaceErrorCodes.PanelFailed,
            $"panel '{PanelId}' is not running: {FailureReason ?? "its source does not check clean"}", Diagnostics);

    private void Detach(PanelSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }
}
