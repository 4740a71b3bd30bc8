using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
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
    private readonly AllocationConstraint _allocation = new();
    private readonly GlobalSnapshot _clean;

    public SandboxEngine(ReactorOptions options)
    {
        Engine = new Engine(o =>
        {
            Configure(o, options);
            o.Constraint(_deadline);
            o.Constraint(_allocation);
        });
        var freeze = Engine.Intrinsics.Object.Get("freeze");
        Freeze = value => Engine.Call(freeze, JsValue.Undefined, [value]);
        PromiseConstructor = (Jint.Native.Object.ObjectInstance)Engine.GetValue("Promise");
        PromisePrototype = (Jint.Native.Object.ObjectInstance)PromiseConstructor.Get("prototype");
        // A FinalizationRegistry callback runs whenever the garbage collector gets to it: inside a later call,
        // with the registering handler's $state and $emit. Nothing a handler starts may outlive its call.
        Engine.Global.Delete("FinalizationRegistry");
        new TextExpansionGuard(new RunBudget(_allocation, _deadline)).Install(Engine);
        FreezeRealm();
        PlainData = new PlainData(Engine);
        EmptyArgs = Freeze(new JsObject(Engine));
        _clean = Engine.Advanced.CaptureGlobalSnapshot();
    }

    /// <summary>The engine options of every sandbox (without its per-run constraints, which belong to one engine).</summary>
    public static void Configure(Options o, ReactorOptions options)
    {
        o.Strict();
        o.DisableStringCompilation();
        o.LimitRecursion(options.RecursionLimit);
        o.LimitMemory(options.MemoryBytes);
        o.RegexTimeoutInterval(options.RegexTimeout);
        o.MaxArraySize(10_000_000);
        o.Constraints.StackOverflowGuard = true;

        // Atomics.wait blocks the thread in .NET, where no limit is checked: it would hang the panel (and a
        // thread of the host's pool) past any deadline. An agent that cannot suspend gets a TypeError instead.
        o.AgentCanSuspend = false;
        o.LocalTimeZone(TimeZoneInfo.Utc);
        o.Culture(CultureInfo.InvariantCulture);
    }

    /// <summary>The frozen <c>$args</c> of a call without arguments, shared by all of them.</summary>
    public JsValue EmptyArgs { get; }

    public Engine Engine { get; }

    /// <summary>Reads what a handler threw without running its code.</summary>
    public PlainData PlainData { get; }

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

    /// <summary>
    /// Starts a run of script code that must end before <paramref name="deadlineTicks"/> (Environment.TickCount64)
    /// and may allocate at most <paramref name="memoryBytes"/>.
    /// </summary>
    public void Enter(long deadlineTicks, long memoryBytes)
    {
        Engine.Constraints.Reset();
        _deadline.Deadline = deadlineTicks;
        _allocation.Start(memoryBytes);
    }

    /// <summary>Lets no run of script code continue (after <see cref="Enter"/> work is done); returns the bytes the run allocated.</summary>
    public long Leave()
    {
        _deadline.Deadline = long.MaxValue;
        return _allocation.Stop();
    }

    /// <summary>
    /// Drops every promise job still queued (and every promise the host registered before), so that nothing an
    /// interrupted run left behind runs in the next one. Only while no script code runs.
    /// </summary>
    public void DiscardPendingJobs() => Engine.Advanced.RestoreGlobalSnapshot(_clean);

    /// <summary>
    /// Freezes every object of the realm that a handler can reach without making it: the global object and,
    /// transitively, every value, getter, setter and prototype reachable from it, plus the intrinsics no global
    /// names (<see cref="HiddenIntrinsics"/>). Freezing only the globals' constructors and prototypes left
    /// those, and the built-in methods themselves, open: a handler could redefine
    /// <c>%GeneratorPrototype%.next</c> or mark <c>Array.prototype.map</c>, and the next call of the panel would
    /// see it. (Assigning a property such as <c>toString</c> to a plain object then fails, as in every
    /// frozen-realm sandbox; object literals and JSON are unaffected.) The walk is done here rather than in
    /// script: it visits about a thousand objects and is several times faster in .NET.
    /// </summary>
    private void FreezeRealm()
    {
        var todo = new Stack<JsValue>(((JsArray)Engine.Evaluate(HiddenIntrinsics)).ToArray());
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        while (todo.TryPop(out var value))
        {
            if (value is not ObjectInstance obj || !seen.Add(obj))
            {
                continue;
            }

            if (obj.Prototype is { } prototype)
            {
                todo.Push(prototype);
            }

            foreach (var key in obj.GetOwnPropertyKeys())
            {
                var property = obj.GetOwnProperty(key);
                foreach (var reachable in (ReadOnlySpan<JsValue?>)[property.Value, property.Get, property.Set])
                {
                    if (reachable is not null)
                    {
                        todo.Push(reachable);
                    }
                }
            }

            Freeze(obj);
        }
    }

    /// <summary>The global object and the intrinsics only syntax or an instance reaches (those a host may lack are skipped).</summary>
    private const string HiddenIntrinsics = """
        (function () {
          const roots = [
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
            try { roots.push(reach()); } catch (e) { }
          }
          return roots;
        })()
        """;

    /// <summary>
    /// What an execution may allocate over all its runs: Jint's own limit (<c>LimitMemory</c>, kept for what it
    /// charges of deferred string concatenation) starts again with every run, so an execution that awaited an
    /// extension between allocations could hold any amount of memory. A run is given what its execution has left.
    /// </summary>
    private sealed class AllocationConstraint : Constraint
    {
        private long _start;
        private long _allowed = long.MaxValue;

        public void Start(long allowed)
        {
            _allowed = allowed;
            _start = GC.GetAllocatedBytesForCurrentThread();
        }

        /// <summary>What the current run may still allocate.</summary>
        public long Remaining() => _allowed - (GC.GetAllocatedBytesForCurrentThread() - _start);

        /// <summary>Stops counting <paramref name="bytes"/> the host allocated and dropped during the run.</summary>
        public void Forgive(long bytes) => _start += bytes;

        public long Stop()
        {
            _allowed = long.MaxValue;
            return Math.Max(0, GC.GetAllocatedBytesForCurrentThread() - _start);
        }

        public override void Check()
        {
            if (GC.GetAllocatedBytesForCurrentThread() - _start > _allowed)
            {
                throw new Jint.Runtime.MemoryLimitExceededException("the handler used more memory than allowed");
            }
        }

        public override void Reset()
        {
        }
    }

    private sealed class RunBudget(AllocationConstraint allocation, DeadlineConstraint deadline) : IRunBudget
    {
        public long RemainingBytes() => allocation.Remaining();

        public void CheckDeadline() => deadline.Check();

        public void Forgive(long bytes) => allocation.Forgive(bytes);
    }

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
