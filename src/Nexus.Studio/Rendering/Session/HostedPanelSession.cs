using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Workspace.Hosting;

namespace Nexus.Studio.Rendering.Session;

/// <summary>
/// A live panel of a workspace as the renderer sees it. It subscribes to the <see cref="HostedPanel"/>, so a
/// change made anywhere (another tab, the HTTP API, MCP, a revert, a hot reload) reaches the view; writes go
/// through the hosted panel, so they are durable and type-checked exactly as every other client's.
/// </summary>
public sealed class HostedPanelSession : IPanelSession, IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoProps = new Dictionary<string, JsonNode?>();

    private readonly HostedPanel _panel;
    private readonly PanelSessionOptions _options;
    private readonly ActivityFeed _activity;
    private readonly ProgressTracker _progress;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly Lock _gate = new();
    private PanelSubscription _subscription;
    private PanelInstance? _loggedInstance;
    private readonly Task _pump;

    public HostedPanelSession(HostedPanel panel, PanelSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        _panel = panel;
        _options = options ?? PanelSessionOptions.Default;
        _activity = new ActivityFeed(_options.ActivityCapacity);
        _progress = new ProgressTracker(_options.ExecutionLimit, _options.Time);
        // Subscribe before anything is read, so no change can fall between the first render and the stream.
        _subscription = panel.Subscribe(_options.SubscriberCapacity);
        FollowLog();
        _pump = Task.Run(PumpAsync);
    }

    public string PanelId => _panel.PanelId;

    public string? Title => _panel.Title;

    public ComponentNode? ViewRoot => _panel.Instance is null ? null : _panel.Document.Panel?.View?.Root;

    public string? FailureReason => _panel.Instance is null ? _panel.FailureReason ?? "the panel's source does not check clean" : null;

    public IReadOnlyCollection<string> ToolsInProgress => _progress.Running;

    public event Action<PanelChange>? Changed;

    public event Action<PanelEvent>? Emitted;

    public Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope) =>
        _panel.Instance?.EvaluateAsync(component, prop, scope) ?? Task.FromResult<JsonNode?>(null);

    public Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope) =>
        _panel.Instance?.EvaluateTextAsync(component, scope) ?? Task.FromResult<string?>(null);

    public Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope) =>
        _panel.RunDurableAsync(instance => instance.TriggerAsync(component, scope));

    public Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope) => _panel.SetAsync(path, value, scope);

    public IReadOnlyDictionary<string, JsonNode?> TransientProps(string elementId) =>
        _panel.Instance?.View.PropsOf(elementId) ?? NoProps;

    public IReadOnlyList<ActivityEntry> Activity(int limit) => _activity.Recent(limit);

    /// <summary>Stops following the panel; a second call (a page that syncs twice over one removal) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _subscription.Dispose();
        }

        FollowLog(stop: true);

        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var subscription = _subscription;
            var reader = subscription.Reader;
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                var change = PanelChange.None;
                while (reader.TryRead(out var notification))
                {
                    change |= Apply(notification);
                }

                Raise(change);
            }

            if (!subscription.Dropped)
            {
                // The panel was removed (the view shows that it no longer runs), or this session stopped.
                if (!_stop.IsCancellationRequested)
                {
                    Raise(PanelChange.All);
                }

                return;
            }

            // This session fell behind: hear the panel again and let the view read everything afresh.
            lock (_gate)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                _subscription = _panel.Subscribe(_options.SubscriberCapacity);
            }

            Raise(PanelChange.All);
        }
    }

    private PanelChange Apply(PanelNotification notification)
    {
        switch (notification)
        {
            case StateCommitted committed:
                return PanelChange.State | (_progress.Apply(committed) ? PanelChange.Progress : PanelChange.None);
            case ViewChanged:
                return PanelChange.View;
            case EventEmitted emitted:
                return OnEvent(emitted.Event);
            case PanelReloaded:
                FollowLog();
                return PanelChange.All;
            default:
                return PanelChange.None;
        }
    }

    private PanelChange OnEvent(PanelEvent panelEvent)
    {
        Notify(Emitted, panelEvent);
        if (panelEvent.Name == "system:error")
        {
            // The runtime logs every failure itself; here it only ends the tool's progress.
            var tool = (panelEvent.Payload as JsonObject)?["tool"]?.GetValue<string>();
            return tool is not null && _progress.Stop(tool) ? PanelChange.Progress : PanelChange.None;
        }

        if (panelEvent.Name == "toast")
        {
            return PanelChange.None;
        }

        var payload = panelEvent.Payload is null ? string.Empty : " " + ViewValues.Display(panelEvent.Payload);
        _activity.Add(new ActivityEntry(_options.Time.GetUtcNow(), "event", panelEvent.Name + payload));
        return PanelChange.Activity;
    }

    /// <summary>Hears the log of the instance that runs now (a reload replaces it, and with it the log).</summary>
    private void FollowLog(bool stop = false)
    {
        var instance = stop ? null : _panel.Instance;
        lock (_gate)
        {
            if (ReferenceEquals(instance, _loggedInstance))
            {
                return;
            }

            if (_loggedInstance is not null)
            {
                _loggedInstance.Log.Written -= OnLogWritten;
            }

            _loggedInstance = instance;
            if (instance is null)
            {
                return;
            }

            foreach (var entry in instance.Log.Recent(_options.ActivityCapacity))
            {
                _activity.Add(ToActivity(entry));
            }

            instance.Log.Written += OnLogWritten;
        }
    }

    private void OnLogWritten(LogEntry entry)
    {
        _activity.Add(ToActivity(entry));
        Raise(PanelChange.Activity);
    }

    private static ActivityEntry ToActivity(LogEntry entry) =>
        new(entry.Time, entry.Level.ToString().ToLowerInvariant(), entry.Message);

    private void Raise(PanelChange change)
    {
        if (change != PanelChange.None)
        {
            Notify(Changed, change);
        }
    }

    /// <summary>Calls every listener; one that throws (a view torn down mid-call) must not stop the others or the stream.</summary>
    private static void Notify<T>(Action<T>? listeners, T value)
    {
        foreach (var listener in listeners?.GetInvocationList().Cast<Action<T>>() ?? [])
        {
            try
            {
                listener(value);
            }
#pragma warning disable CA1031 // A listener's failure is its own; the session goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
