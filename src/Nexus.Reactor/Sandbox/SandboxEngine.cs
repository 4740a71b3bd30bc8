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
        Engine.Execute(in PreparedHardening);
        EmptyArgs = Freeze(new JsObject(Engine));
    }

    /// <summary>The frozen <c>$args</c> of a call without arguments, shared by all of them.</summary>
    public JsValue EmptyArgs { get; }

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
            if (!script.IsDetached)
            {
                _functions[script] = function;
            }
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
    /// Freezes every built-in constructor, its prototype, every namespace object (Math, JSON, ...) and the
    /// global object itself. (Assigning a property such as <c>toString</c> to a plain object then fails, as in
    /// every frozen-realm sandbox; object literals and JSON are unaffected.)
    /// </summary>
    private static readonly Prepared<Acornima.Ast.Script> PreparedHardening = Engine.PrepareScript(Hardening, "hardening", strict: true);

    private const string Hardening = """
        (function () {
          const names = Object.getOwnPropertyNames(globalThis);
          for (const name of names) {
            const value = globalThis[name];
            if ((typeof value === 'function' || (typeof value === 'object' && value !== null))) {
              if (typeof value === 'function' && value.prototype) Object.freeze(value.prototype);
              Object.freeze(value);
            }
          }
          Object.freeze(Object.getPrototypeOf(function () {}));
          Object.freeze(Object.getPrototypeOf(async function () {}));
          Object.freeze(Object.getPrototypeOf(function* () {}));
          Object.freeze(Object.getPrototypeOf([][Symbol.iterator]()));
          Object.freeze(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
          Object.freeze(globalThis);
        })();
        """;

    private sealed class DeadlineConstraint : Constraint
    {
        public long Deadline { get; set; } = long.MaxValue;

        /// <summary>The clock is read every few statements, not every one: a deadline is coarse by nature.</summary>
        public override bool IsAmortizable => true;

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
