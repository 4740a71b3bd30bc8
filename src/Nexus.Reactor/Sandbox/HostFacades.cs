using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Nexus.Nxml.Capabilities;

namespace Nexus.Reactor.Sandbox;

/// <summary><c>$view.getElementById(id)</c>: a handle with <c>setProp(name, value)</c> and <c>call(method, ...args)</c>.</summary>
internal sealed class ViewFacade(PanelRuntime runtime, HandlerGlobals globals) : HostObject(runtime)
{
    private ClrFunction? _getElementById;

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (property.IsString() && property.ToString() == "getElementById")
        {
            return _getElementById ??= HandlerGlobals.Frozen(Runtime, new ClrFunction(Runtime.Sandbox.Engine, "getElementById", GetElementById, 1));
        }

        return JsValue.Undefined;
    }

    private JsObject GetElementById(JsValue thisObject, JsValue[] arguments)
    {
        globals.HostCall();
        var id = arguments.Length > 0 && arguments[0].IsString()
            ? arguments[0].ToString()
            : throw new JavaScriptException(Runtime.Sandbox.Engine.Intrinsics.TypeError, "getElementById(id): the id must be a string");
        var engine = Runtime.Sandbox.Engine;
        var handle = new JsObject(engine);
        handle.FastSetDataProperty("id", id);
        handle.FastSetDataProperty("setProp", new ClrFunction(engine, "setProp", (_, args) => Update(id, "prop", args), 2));
        handle.FastSetDataProperty("call", new ClrFunction(engine, "call", (_, args) => Update(id, "call", args), 1));
        return handle;
    }

    private JsValue Update(string id, string kind, JsValue[] arguments)
    {
        var execution = globals.HostCall();
        globals.Require(CapabilityKind.ViewUpdate, id, "view:update:" + id);
        var name = arguments.Length > 0 && arguments[0].IsString()
            ? arguments[0].ToString()
            : throw new JavaScriptException(Runtime.Sandbox.Engine.Intrinsics.TypeError, $"{kind}(name, ...): the name must be a string");
        JsValue value = kind == "prop"
            ? arguments.Length > 1 ? arguments[1] : JsValue.Undefined
            : new JsArray(Runtime.Sandbox.Engine, arguments.Length > 1 ? arguments[1..] : []);
        execution.UpdateView(id, kind, name, value);
        return JsValue.Undefined;
    }
}

/// <summary><c>$ext.&lt;alias&gt;</c>: the declared extensions; their methods return promises.</summary>
internal sealed class ExtFacade(PanelRuntime runtime, HandlerGlobals globals) : HostObject(runtime)
{
    private readonly Dictionary<string, ExtensionFacade> _extensions = new(StringComparer.Ordinal);

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (!property.IsString() || !Runtime.Program.Extensions.TryGetValue(property.ToString(), out var name))
        {
            return JsValue.Undefined;
        }

        var alias = property.ToString();
        globals.Require(CapabilityKind.Ext, alias, "ext:" + alias);
        if (!_extensions.TryGetValue(alias, out var extension))
        {
            extension = new ExtensionFacade(Runtime, globals, name);
            _extensions[alias] = extension;
        }

        return extension;
    }
}

/// <summary>One extension: any method name is a function that calls the host and returns a promise.</summary>
internal sealed class ExtensionFacade(PanelRuntime runtime, HandlerGlobals globals, string extension) : HostObject(runtime)
{
    private readonly Dictionary<string, ClrFunction> _methods = new(StringComparer.Ordinal);

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (!property.IsString() || property.ToString() is "then" or "constructor" or "toJSON")
        {
            return JsValue.Undefined;
        }

        var method = property.ToString();
        if (!_methods.TryGetValue(method, out var function))
        {
            function = HandlerGlobals.Frozen(Runtime, new ClrFunction(Runtime.Sandbox.Engine, method, (_, args) => Runtime.CallExtension(globals.HostCall(), extension, method, args)));
            _methods[method] = function;
        }

        return function;
    }
}

/// <summary><c>$tools.&lt;name&gt;(args)</c>: runs another tool of the panel inline, returning a promise of its result.</summary>
internal sealed class ToolsFacade(PanelRuntime runtime, HandlerGlobals globals) : HostObject(runtime)
{
    private readonly Dictionary<string, ClrFunction> _tools = new(StringComparer.Ordinal);

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (!property.IsString() || !Runtime.Program.Tools.TryGetValue(property.ToString(), out var tool))
        {
            return JsValue.Undefined;
        }

        if (!_tools.TryGetValue(tool.Name, out var function))
        {
            function = HandlerGlobals.Frozen(Runtime, new ClrFunction(Runtime.Sandbox.Engine, tool.Name, (_, args) => Runtime.CallToolInline(globals.HostCall(), tool, args.Length > 0 ? args[0] : JsValue.Undefined), 1));
            _tools[tool.Name] = function;
        }

        return function;
    }
}
