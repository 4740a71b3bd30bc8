using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Nexus.Nxml.Capabilities;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Program;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// The globals one handler sees (§5), built once per handler and instance: <c>$state</c>, <c>$emit</c>,
/// <c>$log</c>, <c>$view</c>, <c>$ext</c> and <c>$tools</c>, each bound to that handler's capabilities. They
/// are passed to the handler function as parameters, so a tool called through <c>$tools</c> runs with its
/// own capabilities even when calls interleave across awaits. Every call counts against the host-call limit.
/// </summary>
internal sealed class HandlerGlobals
{
    private readonly PanelRuntime _runtime;
    private readonly CapabilitySet _capabilities;

    public HandlerGlobals(PanelRuntime runtime, HandlerSpec handler)
    {
        _runtime = runtime;
        _capabilities = handler.Capabilities;
        var engine = runtime.Sandbox.Engine;
        State = new StateFacade(runtime, handler.Capabilities);
        // The same function objects serve every call of the handler: frozen, they cannot carry anything from one call to the next.
        Emit = Frozen(runtime, new ClrFunction(engine, "$emit", EmitEvent, 2));
        Log = Frozen(runtime, new ClrFunction(engine, "$log", WriteLog, 0));
        View = new ViewFacade(runtime, this);
        Ext = new ExtFacade(runtime, this);
        Tools = new ToolsFacade(runtime, this);
    }

    public StateFacade State { get; }

    public ClrFunction Emit { get; }

    public ClrFunction Log { get; }

    public ObjectInstance View { get; }

    public ObjectInstance Ext { get; }

    public ObjectInstance Tools { get; }

    /// <summary>The arguments of the handler function, in <see cref="ScriptSource.HandlerParameters"/> order.</summary>
    public JsValue[] Arguments(JsValue args) => [args, State, Emit, Log, View, Ext, Tools];

    public void Require(CapabilityKind kind, string scope, string what)
    {
        if (!_capabilities.Allows(kind, scope))
        {
            throw SandboxAbort.PermissionDenied(what);
        }
    }

    /// <summary>A host function as handlers may hold it across calls: frozen.</summary>
    public static ClrFunction Frozen(PanelRuntime runtime, ClrFunction function)
    {
        runtime.Sandbox.Freeze(function);
        return function;
    }

    /// <summary>Counts a host call and returns the running execution.</summary>
    public ToolExecution HostCall() => _runtime.Current(State).CountHostCall();

    private JsValue EmitEvent(JsValue thisObject, JsValue[] arguments)
    {
        var execution = HostCall();
        var name = arguments.Length > 0 ? arguments[0] : JsValue.Undefined;
        if (!name.IsString())
        {
            throw new JavaScriptException(_runtime.Sandbox.Engine.Intrinsics.TypeError, "$emit(name, payload): the event name must be a string");
        }

        Require(CapabilityKind.EventsEmit, name.ToString(), "events:emit:" + name);
        execution.Emit(name.ToString(), arguments.Length > 1 ? arguments[1] : JsValue.Undefined);
        return JsValue.Undefined;
    }

    private JsValue WriteLog(JsValue thisObject, JsValue[] arguments)
    {
        HostCall();
        _runtime.Log.Write(LogLevel.Info, LogFormat.Join(arguments, _runtime.Options.MemoryBytes));
        return JsValue.Undefined;
    }
}

/// <summary>
/// Helpers for read-only facade objects: everything but reading is refused, the prototype included (a facade
/// lives as long as its handler, so whatever it carried would reach the handler's next call).
/// </summary>
internal abstract class HostObject : ObjectInstance
{
    protected HostObject(PanelRuntime runtime)
        : base(runtime.Sandbox.Engine)
    {
        Runtime = runtime;

        // Not extensible, so its prototype cannot be replaced either.
        PreventExtensions();
    }

    protected PanelRuntime Runtime { get; }

    public override bool Set(JsValue property, JsValue value, JsValue receiver) =>
        throw new JavaScriptException(Runtime.Sandbox.Engine.Intrinsics.TypeError, "this host object is read-only");

    public override bool Delete(JsValue property) => false;

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc) => false;

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        var value = Get(property, this);
        return value.IsUndefined() ? PropertyDescriptor.Undefined : new PropertyDescriptor(value, PropertyFlag.Enumerable);
    }
}
