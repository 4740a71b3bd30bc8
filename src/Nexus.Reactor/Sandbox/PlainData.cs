using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// Reads properties of what a handler threw or rejected with, for the host's error report, without running
/// panel code: only data properties, and only on plain objects, arrays, errors and the realm's own Object and
/// error prototypes. A getter, a proxy's trap or any other object reads as missing.
/// </summary>
internal sealed class PlainData
{
    /// <summary>How far up a prototype chain a property is looked for.</summary>
    private const int MaxDepth = 32;

    private readonly HashSet<ObjectInstance> _prototypes = new(ReferenceEqualityComparer.Instance);

    public PlainData(Engine engine)
    {
        foreach (var name in (ReadOnlySpan<string>)["Object", "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"])
        {
            _prototypes.Add(engine.GetValue(name).AsObject().Get("prototype").AsObject());
        }
    }

    /// <summary>The property's value when it is data (own or inherited) on plain objects only; null otherwise.</summary>
    public JsValue? Property(JsValue value, string name)
    {
        var owner = value as ObjectInstance;
        for (var depth = 0; owner is not null && depth < MaxDepth; depth++)
        {
            // A proxy is the object whose reading runs panel code; built-in types other than these are not needed.
            if (owner is not (JsObject or JsArray or JsError) && !_prototypes.Contains(owner))
            {
                return null;
            }

            var descriptor = owner.GetOwnProperty(name);
            if (descriptor != PropertyDescriptor.Undefined)
            {
                return descriptor.IsDataDescriptor() ? descriptor.Value : null;
            }

            owner = owner.Prototype;
        }

        return null;
    }
}
