using System.Text.Json.Nodes;
using Nexus.Nxml;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Extensions;
using Nexus.Reactor.Program;
using Nexus.Reactor.Scheduling;

namespace Nexus.Reactor;

/// <summary>How to start a panel instance.</summary>
public sealed record PanelInstanceOptions
{
    /// <summary>The panel's id in its workspace (extension calls and logs name it). Default: the panel's meta id, else "panel".</summary>
    public string? PanelId { get; init; }

    /// <summary>A saved state, merged over the defaults before mount.</summary>
    public JsonObject? SavedState { get; init; }

    public ReactorOptions Limits { get; init; } = ReactorOptions.Default;

    public IExtensionHost Extensions { get; init; } = NoExtensions.Instance;
}

/// <summary>
/// One running panel: created from a checked document (documents with errors are refused) and an optional
/// saved state, mounted, then driven by tool calls. Thread-safe: calls run one at a time in arrival order;
/// different instances run in parallel. <see cref="DisposeAsync"/> runs the unmount lifecycle.
/// </summary>
public sealed partial class PanelInstance : IAsyncDisposable
{
    private readonly PanelActor _actor = new();
    private readonly PanelRuntime _runtime;
    private int _disposed;

    private PanelInstance(NxmlDocument document, PanelInstanceOptions options)
    {
        var program = PanelProgram.For(document);
        PanelId = options.PanelId ?? document.Panel!.Meta.Id ?? "panel";
        _runtime = new PanelRuntime(program, options.Limits, options.Extensions, PanelId, _actor);
        _actor.OnError = ex => _runtime.Log.Write(LogLevel.Error, "internal error: " + ex.Message);
        Document = document;
    }

    public string PanelId { get; }

    public NxmlDocument Document { get; }

    /// <summary>The panel's log (<c>$log</c> lines, failures, state repairs).</summary>
    public PanelLog Log => _runtime.Log;

    /// <summary>Transient view props set by handlers (<c>$view</c>).</summary>
    public ViewRegistry View => _runtime.View;

    /// <summary>The state version: one more with every committed change.</summary>
    public long Version => _runtime.Store.Version;

    /// <summary>Creates an instance: loads the state (saved state merged over the defaults) and runs the mount lifecycle.</summary>
    /// <exception cref="ArgumentException">The document is not valid (it has errors).</exception>
    public static async Task<PanelInstance> CreateAsync(NxmlDocument document, PanelInstanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var instance = new PanelInstance(document, options ?? new PanelInstanceOptions());
        await instance.OnActor(() => instance._runtime.LoadState(options?.SavedState)).ConfigureAwait(false);
        if (instance._runtime.Program.Lifecycles.ContainsKey("mount"))
        {
            await instance.RunAsync("mount", null, isLifecycle: true).ConfigureAwait(false);
        }

        return instance;
    }

    /// <summary>Runs a tool. A failing handler gives a result with <see cref="ToolResult.Succeeded"/> false, never an exception.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="args">An object (by Arg name), an array (by position), or null.</param>
    public Task<ToolResult> CallAsync(string tool, JsonNode? args = null)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return RunAsync(tool, args, isLifecycle: false);
    }

    /// <summary>The state values and the current computed values.</summary>
    public Task<JsonObject> GetStateAsync() => OnActor(_runtime.GetState);

    /// <summary>The State values only (no computeds): what a saved snapshot holds.</summary>
    public Task<JsonObject> GetStateValuesAsync() => OnActor(() => _runtime.Store.ToJson(_runtime.Program));

    /// <summary>Hears every committed change, event and view update (on the panel's thread: do not block).</summary>
    public IDisposable Subscribe(Action<PanelNotification> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _runtime.Notified += observer;
        return new Subscription(() => _runtime.Notified -= observer);
    }

    /// <summary>Runs the unmount lifecycle; later calls are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_runtime.Program.Lifecycles.ContainsKey("unmount"))
        {
            await RunAsync("unmount", null, isLifecycle: true).ConfigureAwait(false);
        }
    }

    internal PanelRuntime Runtime => _runtime;

    private Task<ToolResult> RunAsync(string name, JsonNode? args, bool isLifecycle)
    {
        var completion = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Post(new PendingCall(name, args?.DeepClone(), isLifecycle, completion) { Runtime = _runtime });
        return completion.Task;
    }

    internal Task<T> OnActor<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Post(() =>
        {
            try
            {
                completion.TrySetResult(work());
            }
#pragma warning disable CA1031 // The caller receives the failure through the task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                completion.TrySetException(ex);
            }
        });
        return completion.Task;
    }

    private Task<bool> OnActor(Action work) => OnActor(() =>
    {
        work();
        return true;
    });

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
