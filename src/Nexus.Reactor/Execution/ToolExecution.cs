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
    private List<ReadOnlyView>? _views;
    private Dictionary<string, ReadOnlyView>? _latestViews;
    private List<PanelEvent>? _pendingEvents;
    private List<ViewUpdate>? _pendingViewUpdates;
    private List<PanelEvent>? _publishedEvents;
    private List<ViewUpdate>? _publishedViewUpdates;
    private int _hostCalls;
    private int _stateWrites;
    private int _events;

    public string Tool { get; } = tool;

    public long DeadlineTicks { get; } = deadlineTicks;

    /// <summary>Completed with the result when the execution ends.</summary>
    public TaskCompletionSource<ToolResult>? Completion { get; init; }

    /// <summary>Committed writes, one per key with its final value, in the order keys were first committed.</summary>
    public List<StateMutation> Mutations { get; } = [];

    public List<ComputedChange> ComputedChanges { get; } = [];

    /// <summary>Published events (most calls have none: the list is made by the first).</summary>
    public IReadOnlyList<PanelEvent> Events => (IReadOnlyList<PanelEvent>?)_publishedEvents ?? [];

    /// <summary>Published view updates (most calls have none: the list is made by the first).</summary>
    public IReadOnlyList<ViewUpdate> ViewUpdates => (IReadOnlyList<ViewUpdate>?)_publishedViewUpdates ?? [];

    /// <summary>Bytes allocated by the runs of script code so far (the memory limit is the execution's, §5).</summary>
    public long MemoryUsed { get; set; }

    /// <summary>Extension calls started and not yet settled.</summary>
    public int PendingHostCalls { get; set; }

    public bool Finished { get; set; }

    /// <summary>While a binding's items are found again: expressions get working copies of the states they read.</summary>
    public bool StageOnRead { get; set; }

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

    /// <summary>
    /// A state value as the handler sees it: its own writes, else a working copy of a list or object, else the
    /// committed value. Handlers that may write a key share its working copy (a nested tool sees the caller's
    /// changes); a handler that may not write it gets a copy of its own (see <see cref="ViewFor"/>).
    /// </summary>
    public JsValue Read(string key, bool writable)
    {
        if (runtime.Program.IsComputed(key))
        {
            return runtime.Computeds.Read(key, this);
        }

        var isStaged = _staged.TryGetValue(key, out var staged);
        if (!writable)
        {
            var current = isStaged ? staged.Value : runtime.Store.Get(key);
            return current.IsObject() ? ViewFor(key, current, isStaged) : current;
        }

        if (isStaged)
        {
            return staged.Value;
        }

        var committed = runtime.Store.Get(key);
        if (!StateTypes.IsMutable(runtime.Program.States[key].Type))
        {
            return committed;
        }

        var copy = JsGraph.Clone(runtime.Sandbox.Engine, committed);
        _staged[key] = new StagedValue(copy);
        return copy;
    }

    /// <summary>The copies handed to handlers that may not write their key; each commit checks they are unchanged.</summary>
    public IReadOnlyList<ReadOnlyView> ReadOnlyViews => (IReadOnlyList<ReadOnlyView>?)_views ?? [];

    /// <summary>
    /// A copy of a list or object for a handler that may not write it. Never the writers' working copy: through
    /// that shared copy, a reader called by a writer (or one whose alias outlived a writer's read) changed state
    /// it had no capability for. Reads of a committed value share one copy, as it cannot change before a commit
    /// replaces it; a value a writer staged is copied through JSON (so a value that is not JSON fails here, as its
    /// commit would).
    /// </summary>
    private JsValue ViewFor(string key, JsValue current, bool staged)
    {
        var engine = runtime.Sandbox.Engine;
        if (!staged)
        {
            _latestViews ??= new Dictionary<string, ReadOnlyView>(StringComparer.Ordinal);
            if (_latestViews.TryGetValue(key, out var latest) && ReferenceEquals(latest.Basis, current))
            {
                return latest.Copy;
            }

            var view = new ReadOnlyView(key, JsGraph.Clone(engine, current), current);
            _latestViews[key] = view;
            (_views ??= []).Add(view);
            return view.Copy;
        }

        var json = StagedJson(key, current);
        var copy = new ReadOnlyView(key, JsonValues.ToJs(json, engine, freeze: false), JsonValues.ToJs(json, engine, freeze: true, runtime.Sandbox.Freeze));
        (_views ??= []).Add(copy);
        return copy.Copy;
    }

    /// <summary>A frozen copy of a value a writer staged, for computeds evaluated over the handler's writes.</summary>
    public JsValue FrozenCopy(string key, JsValue staged) =>
        JsonValues.ToJs(StagedJson(key, staged), runtime.Sandbox.Engine, freeze: true, runtime.Sandbox.Freeze);

    /// <summary>A staged value as JSON; one that is not JSON fails here, as its commit would.</summary>
    private JsonNode? StagedJson(string key, JsValue staged) =>
        JsonValues.TryToJson(staged, runtime.Options.MemoryBytes, out var json, out var error)
            ? json
            : throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"state '{key}' would not be JSON: {error}");

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

        _staged[key] = new StagedValue(value);
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

        (_pendingEvents ??= []).Add(new PanelEvent(name, json));
    }

    public void UpdateView(string id, string kind, string name, JsValue value)
    {
        if (!JsonValues.TryToJson(value, runtime.Options.MemoryBytes, out var json, out var error))
        {
            throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"the value for {id}.{name} is not JSON: {error}");
        }

        (_pendingViewUpdates ??= []).Add(new ViewUpdate(id, kind, name, json));
    }

    /// <summary>Moves the events and view updates staged since the last commit point into the result (after a successful commit).</summary>
    public (IReadOnlyList<PanelEvent> Events, IReadOnlyList<ViewUpdate> ViewUpdates) TakePublished()
    {
        IReadOnlyList<PanelEvent> events = _pendingEvents is { Count: > 0 } pendingEvents ? [.. pendingEvents] : [];
        IReadOnlyList<ViewUpdate> views = _pendingViewUpdates is { Count: > 0 } pendingViews ? [.. pendingViews] : [];
        if (events.Count > 0)
        {
            (_publishedEvents ??= []).AddRange(events);
        }

        if (views.Count > 0)
        {
            (_publishedViewUpdates ??= []).AddRange(views);
        }

        _pendingEvents?.Clear();
        _pendingViewUpdates?.Clear();
        return (events, views);
    }

    /// <summary>
    /// After a commit, writes of strings, numbers and booleans are done; lists and objects stay staged: the
    /// handler keeps changing its working copy, and the next commit compares it again.
    /// </summary>
    public void ForgetCommittedPrimitives()
    {
        List<string>? done = null;
        foreach (var (key, staged) in _staged)
        {
            if (!staged.IsWorkingCopy)
            {
                (done ??= []).Add(key);
            }
        }

        if (done is not null)
        {
            foreach (var key in done)
            {
                _staged.Remove(key);
            }
        }
    }

    /// <summary>Records a committed write (one entry per key, with the final value).</summary>
    public void RecordMutation(string key, JsonNode? value)
    {
        for (var i = 0; i < Mutations.Count; i++)
        {
            if (Mutations[i].Key == key)
            {
                Mutations[i] = new StateMutation(key, value);
                return;
            }
        }

        Mutations.Add(new StateMutation(key, value));
    }

    public void RecordComputed(ComputedChange change)
    {
        for (var i = 0; i < ComputedChanges.Count; i++)
        {
            if (ComputedChanges[i].Key == change.Key)
            {
                ComputedChanges[i] = change;
                return;
            }
        }

        ComputedChanges.Add(change);
    }

    /// <summary>Forgets everything since the last commit point (the handler failed).</summary>
    public void Discard()
    {
        _staged.Clear();
        _pendingEvents?.Clear();
        _pendingViewUpdates?.Clear();
    }
}

/// <summary>A value staged for a state key by a handler that may write it.</summary>
internal readonly record struct StagedValue(JsValue Value)
{
    /// <summary>Lists and objects stay staged after a commit point: the handler keeps changing its working copy.</summary>
    public bool IsWorkingCopy => Value.IsObject();
}

/// <summary>A copy of a state handed to a handler that may not write it, and the value it must still equal.</summary>
internal readonly record struct ReadOnlyView(string Key, JsValue Copy, JsValue Basis);
