using System.Runtime.CompilerServices;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// Measures, without running panel code, at least how much text <c>join</c> or <c>JSON.stringify</c> will
/// build from a value: it reads own data properties of plain objects and arrays only, and counts nothing for
/// what it would have to run panel code to know (getters, proxies, <c>toJSON</c>, custom <c>toString</c>).
/// It throws <c>MEMORY_LIMIT</c> as soon as the text exceeds <paramref name="limitBytes"/> and lets
/// <paramref name="checkDeadline"/> look at the clock every few thousand values.
/// </summary>
internal sealed class TextMeasure(ObjectInstance arrayPrototype, double limitBytes, Action checkDeadline)
{
    /// <summary>How many values are measured between two looks at the clock.</summary>
    private const int ClockInterval = 4096;

    private readonly HashSet<ObjectInstance> _path = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The text each array or object measured so far makes, so that one shared many times over (the attack's
    /// whole point) is read once. Each entry is a fraction of what the handler paid to make the object.
    /// </summary>
    private readonly Dictionary<ObjectInstance, double> _sizes = new(ReferenceEqualityComparer.Instance);

    private double _characters;
    private int _untilClock = ClockInterval;

    /// <summary>Every array the join measure read.</summary>
    public List<ObjectInstance> Visited { get; } = [];

    /// <summary>Whether joining the value will run panel code (an element that is not a primitive or a plain array).</summary>
    public bool Opaque { get; private set; }

    /// <summary>Measures <c>obj.join(separator)</c>; a value nested too deep to follow ends the measure early.</summary>
    public void Join(ObjectInstance obj, long separatorLength) => Guarded(() => JoinText(obj, separatorLength));

    /// <summary>Measures <c>JSON.stringify(value, allowed)</c> without indentation and escapes.</summary>
    public void Json(JsValue value, HashSet<string>? allowed) => Guarded(() => JsonText(value, allowed));

    /// <summary>The text length of a primitive that <c>join</c> or a separator makes.</summary>
    public static long TextLength(JsValue primitive) => primitive switch
    {
        JsString text => text.Length,
        JsNumber or JsBoolean => TypeConverter.ToString(primitive).Length,
        _ => 0,
    };

    private static void Guarded(Action walk)
    {
        try
        {
            walk();
        }
        catch (InsufficientExecutionStackException)
        {
            // Nested deeper than the measure can follow: the built-in meets the same depth and reports it. What
            // was not read is not in Visited, so the built-in's joins there take measures of their own.
        }
    }

    private void JoinText(ObjectInstance obj, long separatorLength)
    {
        if (obj is not (JsObject or JsArray))
        {
            Opaque = true; // a proxy's traps are panel code
            return;
        }

        if (_sizes.TryGetValue(obj, out var known))
        {
            Charge(known);
            return;
        }

        if (!_path.Add(obj))
        {
            return; // a cycle joins as an empty string
        }

        var before = _characters;
        Visited.Add(obj);
        var length = LengthOf(obj);
        Charge(Math.Max(0, length - 1) * (double)separatorLength);
        for (var i = 0L; i < length; i++)
        {
            Tick();
            var element = OwnData(obj, JsNumber.Create(i));
            if (element is JsArray nested && JoinsWithBuiltIns(nested))
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                JoinText(nested, 1);
            }
            else if (element is ObjectInstance)
            {
                Opaque = true;
            }
            else
            {
                Charge(TextLength(element));
            }
        }

        _path.Remove(obj);
        _sizes[obj] = _characters - before;
    }

    private void JsonText(JsValue value, HashSet<string>? allowed)
    {
        Tick();
        if (value is JsString text)
        {
            Charge(text.Length + 2);
        }
        else if (value is JsBoolean or JsNumber)
        {
            Charge(TextLength(value));
        }
        else if (value.IsNull())
        {
            Charge(4);
        }
        else if (value is JsObject or JsArray && !HasToJson((ObjectInstance)value))
        {
            // toJSON runs panel code and a cycle is the built-in's TypeError: neither is measured.
            var obj = (ObjectInstance)value;
            if (_sizes.TryGetValue(obj, out var known))
            {
                Charge(known);
            }
            else if (_path.Add(obj))
            {
                var before = _characters;
                RuntimeHelpers.EnsureSufficientExecutionStack();
                if (obj is JsArray array)
                {
                    JsonArray(array, allowed);
                }
                else
                {
                    JsonObject(obj, allowed);
                }

                _path.Remove(obj);
                _sizes[obj] = _characters - before;
            }
        }
    }

    private void JsonArray(JsArray array, HashSet<string>? allowed)
    {
        var length = LengthOf(array);
        Charge(length + 1);
        for (var i = 0L; i < length; i++)
        {
            var element = OwnData(array, JsNumber.Create(i));
            if (element.IsUndefined())
            {
                Charge(4);
            }
            else
            {
                JsonText(element, allowed);
            }
        }
    }

    private void JsonObject(ObjectInstance obj, HashSet<string>? allowed)
    {
        Charge(2);
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var name = key.ToString();
            if (allowed?.Contains(name) == false)
            {
                continue;
            }

            var property = obj.GetOwnProperty(key);
            if (property.Enumerable && property.IsDataDescriptor() && property.Value is { } value && !value.IsUndefined())
            {
                Charge(name.Length + 4);
                JsonText(value, allowed);
            }
        }
    }

    /// <summary>Whether an element array reads as text through the realm's (frozen) join, not through panel code.</summary>
    private bool JoinsWithBuiltIns(JsArray array) =>
        array.Prototype == arrayPrototype
        && array.GetOwnProperty("join") == PropertyDescriptor.Undefined
        && array.GetOwnProperty("toString") == PropertyDescriptor.Undefined;

    /// <summary>Whether the object or its prototypes may define <c>toJSON</c> (a getter counts: it is panel code).</summary>
    private static bool HasToJson(ObjectInstance obj)
    {
        for (var current = obj; current is not null; current = current.Prototype)
        {
            var property = current.GetOwnProperty("toJSON");
            if (property != PropertyDescriptor.Undefined)
            {
                return property.IsAccessorDescriptor() || property.Value?.IsCallable() == true;
            }
        }

        return false;
    }

    /// <summary>An own length; one that is an object would run panel code (<c>valueOf</c>) and reads as zero.</summary>
    private static long LengthOf(ObjectInstance obj)
    {
        var length = OwnData(obj, "length");
        return length is ObjectInstance ? 0 : (long)TypeConverter.ToLength(length);
    }

    /// <summary>An own data property's value; a getter or a missing property reads as undefined.</summary>
    private static JsValue OwnData(ObjectInstance obj, JsValue key)
    {
        var property = obj.GetOwnProperty(key);
        return property.IsDataDescriptor() ? property.Value ?? JsValue.Undefined : JsValue.Undefined;
    }

    /// <summary>Adds text of <paramref name="characters"/> (two bytes each) to the measure.</summary>
    private void Charge(double characters)
    {
        _characters += characters;
        if (_characters * 2 > limitBytes)
        {
            throw new MemoryLimitExceededException("the handler would build more text than its memory allows");
        }
    }

    private void Tick()
    {
        if (--_untilClock == 0)
        {
            _untilClock = ClockInterval;
            checkDeadline();
        }
    }
}
