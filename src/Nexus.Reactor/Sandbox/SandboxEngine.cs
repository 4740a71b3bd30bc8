using System.Globalization;
using Jint;
using Jint.Native;
using Nexus.Reactor.Program;

namespace Nexus.Reactor.Sandbox;

/// <summary>
/// One Jint engine per panel instance, reused for every call: strict mode, no CLR access, no string
/// compilation, the limits of <see cref="ReactorOptions"/> (wall-clock deadline, memory, recursion with a
/// stack-overflow guard, regular-expression timeout) and frozen built-ins, so nothing a handler does to
/// <c>Array.prototype</c> outlives its call or reaches another panel (each panel has its own realm).
/// </summary>
internal sealed class SandboxEngine
{
    private readonly Dictionary<ScriptSource, JsValue> _functions = new(ReferenceEqualityComparer.Instance);
    private readonly DeadlineConstraint _deadline = new();

    public SandboxEngine(ReactorOptions options)
    {
        Engine = new Engine(o =>
        {
            o.Strict();
            o.DisableStringCompilation();
            o.LimitRecursion(options.RecursionLimit);
            o.LimitMemory(options.MemoryBytes);
            o.RegexTimeoutInterval(options.RegexTimeout);
            o.MaxArraySize(10_000_000);
            o.Constraints.StackOverflowGuard = true;
            o.Constraint(_deadline);
            o.LocalTimeZone(TimeZoneInfo.Utc);
            o.Culture(CultureInfo.InvariantCulture);
        });
        var freeze = Engine.Intrinsics.Object.Get("freeze");
        Freeze = value => Engine.Call(freeze, JsValue.Undefined, [value]);
        PromiseConstructor = (Jint.Native.Object.ObjectInstance)Engine.GetValue("Promise");
        PromisePrototype = (Jint.Native.Object.ObjectInstance)PromiseConstructor.Get("prototype");
        Engine.Execute(Hardening);
    }

    public Engine Engine { get; }

    /// <summary>This realm's <c>Promise</c> (frozen, so handlers cannot replace it).</summary>
    public Jint.Native.Object.ObjectInstance PromiseConstructor { get; }

    public Jint.Native.Object.ObjectInstance PromisePrototype { get; }

    /// <summary><c>Object.freeze</c> of this realm.</summary>
    public Func<JsValue, JsValue> Freeze { get; }

    /// <summary>The function a prepared script evaluates to, created on first use in this engine.</summary>
    public JsValue FunctionOf(ScriptSource script)
    {
        if (!_functions.TryGetValue(script, out var function))
        {
            var prepared = script.Prepared;
            function = Engine.Evaluate(in prepared);
            _functions[script] = function;
        }

        return function;
    }

    /// <summary>Starts a run of script code that must end before <paramref name="deadlineTicks"/> (Environment.TickCount64).</summary>
    public void Enter(long deadlineTicks)
    {
        Engine.Constraints.Reset();
        _deadline.Deadline = deadlineTicks;
    }

    /// <summary>Lets no run of script code continue (after <see cref="Enter"/> work is done).</summary>
    public void Leave() => _deadline.Deadline = long.MaxValue;

    /// <summary>
    /// Freezes every object of the realm that a handler can reach without making it: the global object and,
    /// transitively, every value, getter, setter and prototype reachable from it, plus the intrinsics no global
    /// names (the prototypes of generators, async functions, async generators, iterators and typed arrays).
    /// Freezing only the globals' constructors and prototypes left those, and the built-in methods themselves,
    /// open: a handler could redefine <c>%GeneratorPrototype%.next</c> or mark <c>Array.prototype.map</c>, and
    /// the next call of the panel would see it. (Assigning a property such as <c>toString</c> to a plain object
    /// then fails, as in every frozen-realm sandbox; object literals and JSON are unaffected.)
    /// </summary>
    private const string Hardening = """
        (function () {
          const todo = [
            globalThis,
            Object.getPrototypeOf(function* () {}),
            Object.getPrototypeOf(async function () {}),
            Object.getPrototypeOf(async function* () {}),
            Object.getPrototypeOf([][Symbol.iterator]()),
            Object.getPrototypeOf(''[Symbol.iterator]()),
            Object.getPrototypeOf(new Map()[Symbol.iterator]()),
            Object.getPrototypeOf(new Set()[Symbol.iterator]()),
            Object.getPrototypeOf(''.matchAll(/(?:)/g)),
            Object.getPrototypeOf(Int8Array),
          ];
          const optional = [
            () => Object.getPrototypeOf([].values().map(x => x)),
            () => Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })),
            () => Object.getPrototypeOf(new Intl.Segmenter().segment('')),
            () => Object.getPrototypeOf(new Intl.Segmenter().segment('')[Symbol.iterator]()),
          ];
          for (const reach of optional) {
            try { todo.push(reach()); } catch (e) { }
          }
          const seen = new Set();
          while (todo.length > 0) {
            const value = todo.pop();
            if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
            seen.add(value);
            todo.push(Object.getPrototypeOf(value));
            for (const key of Reflect.ownKeys(value)) {
              const property = Reflect.getOwnPropertyDescriptor(value, key);
              todo.push(property.value, property.get, property.set);
            }
            Object.freeze(value);
          }
        })();
        """;

    private sealed class DeadlineConstraint : Constraint
    {
        public long Deadline { get; set; } = long.MaxValue;

        public override void Check()
        {
            if (Environment.TickCount64 > Deadline)
            {
                throw new TimeoutException("the handler ran out of time");
            }
        }

        public override void Reset()
        {
        }
    }
}
