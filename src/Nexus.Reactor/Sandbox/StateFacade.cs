using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Nexus.Nxml.Capabilities;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// <c>$state</c> as handler code or an expression sees it. A handler's facade carries that handler's
/// capabilities and routes every read and write through the running execution (staging, type checks,
/// limits); the expression facade is read-only. Keys that are not states or computeds read as
/// <c>undefined</c>.
/// </summary>
internal sealed class StateFacade : ObjectInstance
{
    private readonly PanelRuntime _runtime;
    private readonly CapabilitySet? _capabilities;

    /// <param name="runtime">The panel the facade belongs to.</param>
    /// <param name="capabilities">The handler's capabilities, or null for the read-only expression view.</param>
    public StateFacade(PanelRuntime runtime, CapabilitySet? capabilities)
        : base(runtime.Sandbox.Engine)
    {
        _runtime = runtime;
        _capabilities = capabilities;

        // The facade serves every call of its handler: not extensible, its prototype cannot be replaced and
        // carry something to the next call. (Handlers still cannot freeze it: see PreventExtensions.)
        base.PreventExtensions();
    }

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (!property.IsString())
        {
            return JsValue.Undefined;
        }

        var key = property.ToString();
        if (!_runtime.Program.IsState(key) && !_runtime.Program.IsComputed(key))
        {
            return JsValue.Undefined;
        }

        if (_capabilities is null)
        {
            return _runtime.ReadForExpression(key);
        }

        Require(CapabilityKind.StateRead, key, "state:read:" + key);
        return _runtime.Current(this).Read(key, _capabilities.Allows(CapabilityKind.StateWrite, key));
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver)
    {
        var key = property.ToString();
        if (_capabilities is null)
        {
            throw new JavaScriptException(_runtime.Sandbox.Engine.Intrinsics.TypeError, "expressions cannot change $state." + key);
        }

        if (_runtime.Program.IsComputed(key))
        {
            throw new SandboxAbort(RuntimeErrorCodes.ComputedNotWritable, $"'{key}' is a computed: it is read-only");
        }

        if (!_runtime.Program.IsState(key))
        {
            throw new JavaScriptException(_runtime.Sandbox.Engine.Intrinsics.TypeError, $"no State is named '{key}'");
        }

        Require(CapabilityKind.StateWrite, key, "state:write:" + key);
        _runtime.Current(this).Write(key, value);
        return true;
    }

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        var value = Get(property, this);
        return value.IsUndefined() && !IsKey(property)
            ? PropertyDescriptor.Undefined
            : new PropertyDescriptor(value, PropertyFlag.Enumerable | PropertyFlag.Writable | PropertyFlag.Configurable);
    }

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        var keys = new List<JsValue>();
        if ((types & Types.String) != 0)
        {
            foreach (var name in _runtime.Program.StateOrder)
            {
                keys.Add(name);
            }

            foreach (var name in _runtime.Program.ComputedOrder)
            {
                keys.Add(name);
            }
        }

        return keys;
    }

    public override bool HasProperty(JsValue property) => IsKey(property);

    public override bool Delete(JsValue property) =>
        throw new JavaScriptException(_runtime.Sandbox.Engine.Intrinsics.TypeError, "state keys cannot be deleted");

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc) =>
        desc.IsDataDescriptor() && desc.Value is not null
            ? Set(property, desc.Value, this)
            : throw new JavaScriptException(_runtime.Sandbox.Engine.Intrinsics.TypeError, "only values can be assigned to $state");

    public override bool PreventExtensions() => false;

    private bool IsKey(JsValue property) =>
        property.IsString() && (_runtime.Program.IsState(property.ToString()) || _runtime.Program.IsComputed(property.ToString()));

    private void Require(CapabilityKind kind, string key, string what)
    {
        if (!_capabilities!.Allows(kind, key))
        {
            throw SandboxAbort.PermissionDenied(what);
        }
    }
}
