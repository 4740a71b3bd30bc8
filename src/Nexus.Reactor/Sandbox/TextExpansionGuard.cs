using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// Guards the built-ins that turn a value into text in one native loop: <c>JSON.stringify</c>,
/// <c>Array.prototype.join</c>, <c>toString</c> and <c>toLocaleString</c>. Jint checks the clock and the memory
/// limit between statements, never inside such a loop, and a value that shares its parts
/// (<c>x = new Array(100).fill(x)</c>, six times over) is a few kilobytes in the sandbox but terabytes as
/// text: the call ran for minutes and took gigabytes before any limit was checked. Each guarded built-in
/// first takes a <see cref="TextMeasure"/> of what it will build against what the run may still allocate.
/// What the measure cannot see runs panel code, and panel code runs under the usual limits, which also see
/// the memory the built-in has taken so far.
/// </summary>
internal sealed class TextExpansionGuard(IRunBudget budget)
{
    /// <summary>
    /// The arrays a running join measured and found free of panel code: the joins it makes of their nested
    /// arrays were measured with it and need no measure of their own (else a deeply nested array would be
    /// measured once per level). Nothing but the built-ins runs while it is set, so nothing can change them.
    /// </summary>
    private HashSet<ObjectInstance>? _measured;

    private ObjectInstance _arrayPrototype = null!;

    /// <summary>Replaces the guarded built-ins of <paramref name="engine"/>'s realm with measuring wrappers.</summary>
    public void Install(Engine engine)
    {
        _arrayPrototype = engine.GetValue("Array").AsObject().Get("prototype").AsObject();
        var json = engine.GetValue("JSON").AsObject();
        Wrap(engine, json, "stringify", 3, (_, args, call) =>
        {
            MeasureJson(At(args, 0), At(args, 1));
            return call();
        });
        Wrap(engine, _arrayPrototype, "join", 1, (self, args, call) => Join(self, At(args, 0), call));
        Wrap(engine, _arrayPrototype, "toString", 0, (self, _, call) => Join(self, JsValue.Undefined, call));
        Wrap(engine, _arrayPrototype, "toLocaleString", 0, (self, _, call) => Join(self, JsValue.Undefined, call));
    }

    private static void Wrap(Engine engine, ObjectInstance owner, string name, int length, Func<JsValue, JsValue[], Func<JsValue>, JsValue> guarded)
    {
        var original = owner.Get(name);
        var wrapper = new ClrFunction(engine, name, (self, args) => guarded(self, args, () => engine.Call(original, self, args)), length, PropertyFlag.Configurable);
        owner.DefineOwnProperty(name, new PropertyDescriptor(wrapper, writable: true, enumerable: false, configurable: true));
    }

    private JsValue Join(JsValue self, JsValue separator, Func<JsValue> call)
    {
        if (self is not ObjectInstance obj || _measured?.Contains(obj) == true)
        {
            return call();
        }

        var measure = Measure(m => m.Join(obj, separator.IsUndefined() ? 1 : TextMeasure.TextLength(separator)));
        if (measure.Opaque)
        {
            // Panel code will run: it could change what was measured.
            _measured?.Clear();
            return call();
        }

        if (_measured is not null)
        {
            _measured.UnionWith(measure.Visited);
            return call();
        }

        _measured = new HashSet<ObjectInstance>(measure.Visited, ReferenceEqualityComparer.Instance);
        try
        {
            return call();
        }
        finally
        {
            _measured = null;
        }
    }

    private void MeasureJson(JsValue value, JsValue replacer)
    {
        if (replacer.IsCallable())
        {
            return; // the replacer is panel code and runs under the usual limits
        }

        var allowed = replacer is JsArray list ? AllowedKeys(list) : null;
        Measure(m => m.Json(value, allowed));
    }

    /// <summary>Runs a measure against what the run may still allocate; the measure's own garbage is not charged.</summary>
    private TextMeasure Measure(Action<TextMeasure> walk)
    {
        var start = GC.GetAllocatedBytesForCurrentThread();
        var measure = new TextMeasure(_arrayPrototype, budget.RemainingBytes(), budget.CheckDeadline);
        try
        {
            walk(measure);
        }
        finally
        {
            budget.Forgive(GC.GetAllocatedBytesForCurrentThread() - start);
        }

        return measure;
    }

    private static HashSet<string> AllowedKeys(JsArray list)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0u; i < list.Length; i++)
        {
            var property = list.GetOwnProperty(i);
            if (property.IsDataDescriptor() && property.Value is JsString or JsNumber)
            {
                keys.Add(property.Value.ToString());
            }
        }

        return keys;
    }

    private static JsValue At(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;
}

/// <summary>What a run of script code may still use, as the guard sees it.</summary>
internal interface IRunBudget
{
    long RemainingBytes();

    /// <summary>Throws the timeout when the run's time is over.</summary>
    void CheckDeadline();

    /// <summary>Does not charge the run for <paramref name="bytes"/> the host allocated on its behalf and dropped.</summary>
    void Forgive(long bytes);
}
