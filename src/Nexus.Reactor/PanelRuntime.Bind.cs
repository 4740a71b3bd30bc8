using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Native.Object;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Expressions;
using Nexus.Reactor.Program;
using Nexus.Reactor.State;

namespace Nexus.Reactor;

internal sealed partial class PanelRuntime
{
    private ViewEvaluator? _view;

    public ViewEvaluator ViewEvaluator => _view ??= new ViewEvaluator(this);

    /// <summary>
    /// A two-way binding write (<c>bind="$state.draft"</c>, <c>bind="$scope.item.done"</c>): staged like a
    /// handler write, with the same type checks, then committed. A <c>$scope</c> path re-evaluates the
    /// enclosing Iterates' items on working copies of the state, so the item written is the state's own.
    /// </summary>
    public JsValue Bind(ToolExecution execution, string path, JsonNode? value, ViewScope scope)
    {
        var segments = path.Split('.');
        var newValue = JsonValues.ToJs(value, Sandbox.Engine, freeze: false);
        if (segments.Length < 2 || segments[0] is not ("$state" or "$scope"))
        {
            throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"'{path}' is not a binding path ($state.key... or $scope.<as>.field...)");
        }

        if (segments[0] == "$state")
        {
            var key = segments[1];
            if (Program.IsComputed(key))
            {
                throw new SandboxAbort(RuntimeErrorCodes.ComputedNotWritable, $"'{key}' is a computed: it is read-only");
            }

            if (!Program.IsState(key))
            {
                throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"no State is named '{key}'");
            }

            if (segments.Length == 2)
            {
                execution.Write(key, newValue);
                return JsValue.Undefined;
            }

            SetField(execution.Read(key, writable: true), segments.AsSpan(2), newValue, path);
            return JsValue.Undefined;
        }

        var entry = scope.Find(segments[1]) ?? throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"'{path}': no enclosing Iterate has as=\"{segments[1]}\"");
        if (segments.Length < 3)
        {
            throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"'{path}': a $scope binding writes a field of the item ($scope.{segments[1]}.field)");
        }

        var item = WorkingItem(execution, scope, entry);
        var before = FieldOf(item, segments.AsSpan(2));
        SetField(item, segments.AsSpan(2), newValue, path);
        var changedState = execution.Staged.Any(s => !JsGraph.SameJson(s.Value.Value, Store.Get(s.Key)));
        if (!changedState && !JsGraph.SameJson(newValue, before))
        {
            throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"'{path}' does not write the panel's state: the items of this Iterate are not taken from a State");
        }

        return JsValue.Undefined;
    }

    /// <summary>The item of an Iterate, found again on working copies of the state (outer Iterates first).</summary>
    private JsValue WorkingItem(ToolExecution execution, ViewScope scope, ScopeEntry target)
    {
        var engine = Sandbox.Engine;
        var outer = new JsObject(engine);
        foreach (var entry in scope.Entries)
        {
            var items = entry.Iterate.Attribute("items") ?? entry.Iterate.Attribute("over");
            if (items is null || Program.Expressions.Of(items) is not ExpressionValue expression)
            {
                throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"the Iterate of '{entry.Name}' has no items expression");
            }

            var previous = ExpressionOverlay;
            ExpressionOverlay = execution;
            execution.StageOnRead = true;
            JsValue list;
            try
            {
                list = engine.Call(Sandbox.FunctionOf(expression.Script), JsValue.Undefined, [ExpressionState, outer]);
            }
            finally
            {
                ExpressionOverlay = previous;
                execution.StageOnRead = false;
            }

            var item = list is JsArray array && entry.Index >= 0 && entry.Index < array.Length
                ? array.Get((uint)entry.Index)
                : throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"item {entry.Index} of '{entry.Name}' no longer exists");
            if (ReferenceEquals(entry, target))
            {
                return item;
            }

            outer.FastSetDataProperty(entry.Name, item);
        }

        throw new SandboxAbort(RuntimeErrorCodes.InvalidArgs, $"'{target.Name}' is not in scope");
    }

    private static JsValue FieldOf(JsValue target, ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            target = target is ObjectInstance obj ? obj.Get(field) : JsValue.Undefined;
        }

        return target;
    }

    private static void SetField(JsValue target, ReadOnlySpan<string> fields, JsValue value, string path)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (target is not ObjectInstance obj || target is JsArray || !JsonValues.IsPlainObject(obj))
            {
                throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"'{path}': '{fields[i]}' is not a field of an object");
            }

            if (i == fields.Length - 1)
            {
                obj.Set(fields[i], value);
                return;
            }

            target = obj.Get(fields[i]);
        }
    }
}
