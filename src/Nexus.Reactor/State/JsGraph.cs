using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Nexus.Reactor.State;

/// <summary>
/// Copies and compares committed state values inside the sandbox. Committed values are JSON-shaped and
/// frozen (they were checked at commit), so these walks see only plain objects, arrays and primitives and
/// never run script code.
/// </summary>
internal static class JsGraph
{
    /// <summary>A mutable deep copy of a committed value: what a handler gets to change.</summary>
    public static JsValue Clone(Engine engine, JsValue value, int depth = 0)
    {
        if (value.Type != Types.Object || depth > JsonValues.MaxDepth)
        {
            return value;
        }

        if (value is JsArray array)
        {
            var length = array.Length;
            var items = new JsValue[length];
            for (uint i = 0; i < length; i++)
            {
                items[i] = Clone(engine, array.Get(i), depth + 1);
            }

            return new JsArray(engine, items);
        }

        var source = value.AsObject();
        var copy = new JsObject(engine);
        foreach (var key in source.GetOwnPropertyKeys(Types.String))
        {
            copy.FastSetDataProperty(key.ToString(), Clone(engine, source.Get(key), depth + 1));
        }

        return copy;
    }

    /// <summary>
    /// Whether a handler's working copy still equals the committed value. Anything that is not plain JSON
    /// counts as different, so the commit's JSON check reports it.
    /// </summary>
    public static bool SameJson(JsValue working, JsValue committed, int depth = 0)
    {
        if (ReferenceEquals(working, committed))
        {
            return true;
        }

        if (depth > JsonValues.MaxDepth || working.Type != committed.Type)
        {
            return false;
        }

        switch (working.Type)
        {
            case Types.Number:
                return working.AsNumber().Equals(committed.AsNumber());
            case Types.String:
                return working.ToString() == committed.ToString();
            case Types.Boolean:
                return working.AsBoolean() == committed.AsBoolean();
            case Types.Null or Types.Undefined:
                return true;
            case Types.Object:
                break;
            default:
                return false;
        }

        if (working is JsArray left)
        {
            if (committed is not JsArray right || left.Length != right.Length)
            {
                return false;
            }

            for (uint i = 0; i < left.Length; i++)
            {
                if (!Data(left, JsNumber.Create(i), out var item) || !SameJson(item, right.Get(i), depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        var leftObject = working.AsObject();
        var rightObject = committed.AsObject();
        if (committed is JsArray || !JsonValues.IsPlainObject(leftObject))
        {
            return false;
        }

        var leftKeys = leftObject.GetOwnPropertyKeys(Types.String | Types.Symbol);
        var rightKeys = rightObject.GetOwnPropertyKeys(Types.String);
        if (leftKeys.Count != rightKeys.Count)
        {
            return false;
        }

        for (var i = 0; i < leftKeys.Count; i++)
        {
            // Key order is part of the JSON a change produces, so a reordered object is a change.
            if (leftKeys[i].IsSymbol() || leftKeys[i].ToString() != rightKeys[i].ToString()
                || !Data(leftObject, leftKeys[i], out var item) || !SameJson(item, rightObject.Get(rightKeys[i]), depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Data(ObjectInstance owner, JsValue key, out JsValue value)
    {
        var descriptor = owner.GetOwnProperty(key);
        value = descriptor.Value ?? JsValue.Undefined;
        return descriptor == PropertyDescriptor.Undefined || descriptor.IsDataDescriptor();
    }
}
