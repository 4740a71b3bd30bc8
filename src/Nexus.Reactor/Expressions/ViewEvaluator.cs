using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Program;
using Nexus.Reactor.State;

namespace Nexus.Reactor.Expressions;

/// <summary>
/// Evaluates the view's compiled values against the committed state and a <see cref="ViewScope"/>: bindings
/// keep their JSON type, interpolations make strings, expression props give values. Expressions see only
/// <c>$state</c> (read-only) and <c>$scope</c>. An expression that fails or returns something that is not
/// JSON is <c>null</c> and logged; it never breaks the panel.
/// </summary>
internal sealed class ViewEvaluator(PanelRuntime runtime)
{
    public JsonNode? Evaluate(CompiledValue value, ViewScope scope) => value switch
    {
        LiteralValue literal => JsonValue.Create(literal.Text),
        BindingValue binding => Run(binding.Script, scope),
        ExpressionValue expression => Run(expression.Script, scope),
        InterpolatedValue interpolated => JsonValue.Create(Interpolate(interpolated, scope)),
        PathValue path => ReadPath(path.Path, scope),
        _ => null,
    };

    /// <summary>How a value reads inside text: strings as they are, numbers and booleans as JavaScript prints them, null as nothing, lists and objects as JSON.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsNumberText(v.GetValue<double>()),
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    private string Interpolate(InterpolatedValue value, ViewScope scope)
    {
        var text = new StringBuilder();
        foreach (var part in value.Parts)
        {
            text.Append(part is ScriptSource expression ? Display(Run(expression, scope)) : (string)part);
        }

        return text.ToString();
    }

    private JsonNode? ReadPath(string path, ViewScope scope)
    {
        var segments = path.Split('.');
        JsonNode? current = segments[0] switch
        {
            "$state" when segments.Length > 1 => runtime.Program.IsState(segments[1]) || runtime.Program.IsComputed(segments[1])
                ? JsonValues.TryToJson(runtime.ReadForExpression(segments[1]), runtime.Options.MemoryBytes, out var json, out _) ? json : null
                : null,
            "$scope" when segments.Length > 1 => scope.Find(segments[1])?.Item?.DeepClone(),
            _ => null,
        };
        foreach (var field in segments.Skip(2))
        {
            current = current is JsonObject obj ? obj[field]?.DeepClone() : null;
        }

        return current;
    }

    /// <summary>Runs one compiled expression of the view within the panel's time limit.</summary>
    public JsonNode? Run(ScriptSource expression, ViewScope scope)
    {
        if (RunToJs(expression, scope, out _) is not { } value)
        {
            return null;
        }

        try
        {
            return JsonValues.TryToJson(value, runtime.Options.MemoryBytes, out var json, out var error) ? json : Fail(expression, error);
        }
        catch (SandboxAbort abort)
        {
            return Fail(expression, abort.Message);
        }
    }

    /// <summary>Runs an expression and returns its sandbox value (or null after logging a failure).</summary>
    public JsValue? RunToJs(ScriptSource script, ViewScope scope, out string? error)
    {
        error = null;
        try
        {
            return runtime.RunExpression(() => runtime.Sandbox.Engine.Call(runtime.Sandbox.FunctionOf(script), JsValue.Undefined, [runtime.ExpressionState, ScopeObject(scope)]));
        }
#pragma warning disable CA1031 // A failing binding reads as null; the rest of the view keeps working.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex.Message;
            runtime.Log.Write(LogLevel.Warning, $"expression {script.Name} failed and reads as null: {ex.Message}");
            return null;
        }
    }

    /// <summary><c>$scope</c>: each enclosing Iterate's item under its <c>as</c> name, frozen.</summary>
    public JsValue ScopeObject(ViewScope scope, Func<ScopeEntry, JsValue>? item = null)
    {
        if (scope.Entries.IsEmpty)
        {
            return JsValue.Undefined;
        }

        var engine = runtime.Sandbox.Engine;
        var obj = new JsObject(engine);
        foreach (var entry in scope.Entries)
        {
            obj.FastSetDataProperty(entry.Name, item?.Invoke(entry) ?? JsonValues.ToJs(entry.Item, engine, freeze: true, runtime.Sandbox.Freeze));
        }

        return runtime.Sandbox.Freeze(obj);
    }

    private JsonNode? Fail(ScriptSource expression, string? error)
    {
        runtime.Log.Write(LogLevel.Warning, $"expression {expression.Name} is not JSON and reads as null: {error}");
        return null;
    }

    private static string JsNumberText(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e21
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
}
