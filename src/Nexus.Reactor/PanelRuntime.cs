using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Nexus.Reactor.Computeds;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Extensions;
using Nexus.Reactor.Program;
using Nexus.Reactor.Sandbox;
using Nexus.Reactor.Scheduling;
using Nexus.Reactor.State;

namespace Nexus.Reactor;

/// <summary>
/// The running core of one panel instance: its sandbox engine, committed state, computeds, log and view
/// registry, and the execution of tools one at a time. Every member runs on the instance's actor (never two
/// at once); <see cref="PanelInstance"/> is the thread-safe door to it.
/// </summary>
internal sealed partial class PanelRuntime
{
    private readonly Dictionary<HandlerSpec, HandlerGlobals> _globals = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<PendingCall> _pending = new();
    private readonly IExtensionHost _extensions;
    private ToolExecution? _current;
    private SandboxEngine? _sandbox;
    private StateFacade? _expressionState;

    /// <summary>Set when script code ran without its promise jobs being processed to the end; see <see cref="Sandbox.SandboxEngine.DiscardPendingJobs"/>.</summary>
    private bool _jobsMayRemain;

    public PanelRuntime(PanelProgram program, ReactorOptions options, IExtensionHost extensions, string panelId, PanelActor actor)
    {
        Program = program;
        Options = options;
        PanelId = panelId;
        Actor = actor;
        _extensions = extensions;
        Store = new StateStore();
        Computeds = new ComputedCache(this);
        Log = new PanelLog(options.LogCapacity, options.MaxLogLineLength);
        View = new ViewRegistry();
        Errors = new ErrorMapper(program);
    }

    public PanelProgram Program { get; }

    public ReactorOptions Options { get; }

    public string PanelId { get; }

    public PanelActor Actor { get; }

    /// <summary>
    /// The panel's engine, created when code first has to run (a mounted panel nobody uses costs no engine):
    /// the committed state is then made into sandbox values on demand, and every computed gets its first
    /// value, so that results and notifications can report each change.
    /// </summary>
    public SandboxEngine Sandbox
    {
        get
        {
            if (_sandbox is null)
            {
                _sandbox = new SandboxEngine(Options);
                Store.Materialize = json => JsonValues.ToJs(json, _sandbox.Engine, freeze: true, _sandbox.Freeze);
                _expressionState = new StateFacade(this, capabilities: null);
                foreach (var name in Program.ComputedOrder)
                {
                    ComputedJson(name);
                }
            }

            return _sandbox;
        }
    }

    public StateStore Store { get; }

    public ComputedCache Computeds { get; }

    public PanelLog Log { get; }

    public ViewRegistry View { get; }

    public ErrorMapper Errors { get; }

    /// <summary>The read-only <c>$state</c> of computeds and view expressions (it exists with the sandbox).</summary>
    public StateFacade ExpressionState
    {
        get
        {
            _ = Sandbox;
            return _expressionState!;
        }
    }

    /// <summary>While a computed is evaluated inside a handler: the execution whose uncommitted writes it sees.</summary>
    public ToolExecution? ExpressionOverlay { get; set; }

    public event Action<PanelNotification>? Notified;

    /// <summary>The execution a handler's facade belongs to; handler code never runs without one.</summary>
    public ToolExecution Current(StateFacade facade) =>
        _current ?? throw new InvalidOperationException("handler code ran outside an execution");

    /// <summary>A key as computeds and expressions read it: committed, or the handler's writes while a handler evaluates a computed.</summary>
    public JsValue ReadForExpression(string key)
    {
        if (Program.IsComputed(key))
        {
            return Computeds.Read(key, ExpressionOverlay);
        }

        Computeds.TrackState(key);
        if (ExpressionOverlay is { } overlay)
        {
            // A binding's items found again: the working copies themselves, so the item written is the state's own.
            if (overlay.StageOnRead)
            {
                return overlay.Read(key, writable: true);
            }

            // A frozen copy, as committed values are: the working copy itself let a computed change state.
            if (overlay.Staged.TryGetValue(key, out var staged))
            {
                return staged.Value.IsObject() ? overlay.FrozenCopy(key, staged.Value) : staged.Value;
            }
        }

        // A bind path is read without running code; the committed values become sandbox values only once a sandbox exists.
        _ = Sandbox;
        return Store.Get(key);
    }

    /// <summary>Loads the initial state: defaults, with a saved state merged over them (unknown keys dropped, wrong types replaced and logged).</summary>
    public void LoadState(JsonObject? saved)
    {
        foreach (var key in Program.StateOrder)
        {
            var spec = Program.States[key];
            JsonNode? value = System.Text.Json.JsonSerializer.SerializeToNode(spec.Initial, JsonContext.Default.JsonElement);
            if (saved is not null && saved.TryGetPropertyValue(key, out var savedValue))
            {
                if (StateTypes.Fits(spec.Type, savedValue))
                {
                    // A private, normalised copy: the caller keeps its object, numbers read as numbers.
                    value = JsonNode.Parse(savedValue!.ToJsonString());
                }
                else
                {
                    Log.Write(LogLevel.Warning, $"saved state '{key}' is not a {spec.Type}; the default is used instead");
                }
            }

            Store.Load(key, value);
        }

        foreach (var (key, _) in saved ?? [])
        {
            if (!Program.IsState(key))
            {
                Log.Write(LogLevel.Info, $"saved state '{key}' is not a State of this panel any more and was dropped");
            }
        }
    }

    /// <summary>The state values and the current computed values, as JSON.</summary>
    public JsonObject GetState()
    {
        var state = Store.ToJson(Program);
        if (Program.ComputedOrder.Count > 0)
        {
            _ = Sandbox;
        }

        foreach (var name in Program.ComputedOrder)
        {
            state[name] = ComputedJson(name);
        }

        return state;
    }

    private JsonNode? ComputedJson(string name)
    {
        try
        {
            return RunExpression(() => Computeds.Json(name));
        }
#pragma warning disable CA1031 // A computed that exhausts its limits reads as null; it must not break getState.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.Write(LogLevel.Warning, $"computed '{name}' could not be evaluated: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Runs one expression or computed outside a tool call, with the panel's full limits. The promise jobs it
    /// queues run when it has completed, within the same limits, so the next call has nothing to discard. When
    /// jobs were left before it (they belong to a failed run) or it fails, its own are left for the next call
    /// to discard with them.
    /// </summary>
    internal T RunExpression<T>(Func<T> evaluate)
    {
        var queueWasEmpty = !_jobsMayRemain;
        _jobsMayRemain = true;
        Sandbox.Enter(Environment.TickCount64 + (long)Options.Timeout.TotalMilliseconds, Options.MemoryBytes);
        try
        {
            var result = evaluate();
            if (queueWasEmpty)
            {
                Sandbox.Engine.Advanced.ProcessTasks();
                _jobsMayRemain = false;
            }

            return result;
        }
        finally
        {
            Sandbox.Leave();
        }
    }

    private HandlerGlobals GlobalsOf(HandlerSpec handler)
    {
        if (!_globals.TryGetValue(handler, out var globals))
        {
            globals = new HandlerGlobals(this, handler);
            _globals[handler] = globals;
        }

        return globals;
    }

    private bool HasSubscribers => Notified is not null;

    private void Notify(PanelNotification notification)
    {
        var handlers = Notified;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<PanelNotification>>())
        {
            try
            {
                handler(notification);
            }
#pragma warning disable CA1031 // A failing subscriber must not fail the panel or the other subscribers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.Write(LogLevel.Warning, "a subscriber failed: " + ex.Message);
            }
        }
    }
}
