using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Nexus.Reactor.State;

namespace Nexus.Reactor.Execution;

/// <summary>
/// One top-level tool (or lifecycle) call while it runs: the writes staged since the last commit point, the
/// working copies of list and object states handed to the handler, the counters of §5's limits, and what the
/// result will report. Nested <c>$tools</c> calls share it.
/// </summary>
internal sealed class ToolExecution(PanelRuntime runtime, string tool, long deadlineTicks)
{
    private readonly Dictionary<string, StagedValue> _staged = new(StringComparer.Ordinal);
    private readonly List<PanelEvent> _pendingEvents = [];
    private readonly List<ViewUpdate> _pendingViewUpdates = [];
    private int _hostCalls;
    private int _stateWrites;
    private int _events;

    public string Tool { get; } = tool;

    public long DeadlineTicks { get; } = deadlineTicks;

    public TaskCompletionSource<ToolResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Committed writes, one per key with its final value, in the order keys were first committed.</summary>
    public Dictionary<string, JsonNode?> Mutations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode?> ComputedChanges { get; } = new(StringComparer.Ordinal);

    public List<PanelEvent> Events { get; } = [];

    public List<ViewUpdate> ViewUpdates { get; } = [];

    /// <summary>Extension calls started and not yet settled.</summary>
    public int PendingHostCalls { get; set; }

    public bool Finished { get; set; }

    private Timer? _deadline;
    private CancellationTokenSource? _cancellation;

    /// <summary>Cancelled when the execution ends: extension calls still running are told to stop.</summary>
    public CancellationToken Cancellation => (_cancellation ??= new CancellationTokenSource()).Token;

    /// <summary>Calls <paramref name="onExpiry"/> when the deadline passes while the handler waits on extensions.</summary>
    public void ArmDeadline(Action onExpiry)
    {
        _deadline ??= new Timer(_ => onExpiry(), null, Math.Max(0, DeadlineTicks - Environment.TickCount64), System.Threading.Timeout.Infinite);
    }

    public void DisarmDeadline()
    {
        _deadline?.Dispose();
        _cancellation?.Cancel();
        _cancellation?.Dispose();
    }

    public IReadOnlyDictionary<string, StagedValue> Staged => _staged;

    public ToolExecution CountHostCall()
    {
        if (++_hostCalls > runtime.Options.MaxHostCalls)
        {
            throw new SandboxAbort(RuntimeErrorCodes.ResourceLimit, $"more than {runtime.Options.MaxHostCalls:N0} host calls in one execution");
        }

        return this;
    }

    /// <summary>A state value as the handler sees it: its own writes, else a working copy of a list or object, else the committed value.</summary>
    public JsValue Read(string key, bool writable)
    {
        if (runtime.Program.IsComputed(key))
        {
            return runtime.Computeds.Read(key, this);
        }

        if (_staged.TryGetValue(key, out var staged))
        {
            if (writable && !staged.WriteAllowed)
            {
                _staged[key] = staged with { WriteAllowed = true };
            }

            return staged.Value;
        }

        var committed = runtime.Store.Get(key);
        if (!StateTypes.IsMutable(runtime.Program.States[key].Type))
        {
            return committed;
        }

        var copy = JsGraph.Clone(runtime.Sandbox.Engine, committed);
        _staged[key] = new StagedValue(copy, writable);
        return copy;
    }

    public void Write(string key, JsValue value)
    {
        if (++_stateWrites > runtime.Options.MaxStateWrites)
        {
            throw new SandboxAbort(RuntimeErrorCodes.ResourceLimit, $"more than {runtime.Options.MaxStateWrites:N0} state writes in one execution");
        }

        var type = runtime.Program.States[key].Type;
        if (!StateTypes.Fits(type, value))
        {
            throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"state '{key}' is a {type}; {StateTypes.Describe(value)} cannot be assigned to it");
        }

        _staged[key] = new StagedValue(value, WriteAllowed: true);
    }

    public void Emit(string name, JsValue payload)
    {
        if (++_events > runtime.Options.MaxEvents)
        {
            throw new SandboxAbort(RuntimeErrorCodes.ResourceLimit, $"more than {runtime.Options.MaxEvents:N0} events in one execution");
        }

        if (!JsonValues.TryToJson(payload, runtime.Options.MemoryBytes, out var json, out var error))
        {
            throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"the payload of event '{name}' is not JSON: {error}");
        }

        _pendingEvents.Add(new PanelEvent(name, json));
    }

    public void UpdateView(string id, string kind, string name, JsValue value)
    {
        if (!JsonValues.TryToJson(value, runtime.Options.MemoryBytes, out var json, out var error))
        {
            throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"the value for {id}.{name} is not JSON: {error}");
        }

        _pendingViewUpdates.Add(new ViewUpdate(id, kind, name, json));
    }

    /// <summary>Moves what was staged since the last commit point into the result (after a successful commit).</summary>
    public (IReadOnlyList<PanelEvent> Events, IReadOnlyList<ViewUpdate> ViewUpdates) TakePublished()
    {
        var events = _pendingEvents.ToArray();
        var views = _pendingViewUpdates.ToArray();
        Events.AddRange(events);
        ViewUpdates.AddRange(views);
        _pendingEvents.Clear();
        _pendingViewUpdates.Clear();
        foreach (var key in _staged.Where(s => !s.Value.IsWorkingCopy).Select(s => s.Key).ToList())
        {
            _staged.Remove(key);
        }

        return (events, views);
    }

    /// <summary>Forgets everything since the last commit point (the handler failed).</summary>
    public void Discard()
    {
        _staged.Clear();
        _pendingEvents.Clear();
        _pendingViewUpdates.Clear();
    }
}

/// <summary>A value staged for a state key, and whether a handler that may write the key has seen it.</summary>
internal readonly record struct StagedValue(JsValue Value, bool WriteAllowed)
{
    /// <summary>Lists and objects stay staged after a commit point: the handler keeps changing its working copy.</summary>
    public bool IsWorkingCopy => Value.IsObject();
}
