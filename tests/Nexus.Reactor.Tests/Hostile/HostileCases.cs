using System.Text.Json.Nodes;
using static Nexus.Reactor.Execution.RuntimeErrorCodes;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// The hostile handlers: each tries to break out of the sandbox (§5), poison what the next call or another
/// panel sees, exhaust a limit, or change state it may not; each names the outcome §5 demands.
/// </summary>
public static partial class HostileCases
{
    private const string TimedOut = Nexus.Reactor.Execution.RuntimeErrorCodes.Timeout;

    private static readonly ReactorOptions DeepNesting = HostileLimits.Default with { MemoryBytes = 128L * 1024 * 1024 };

    private const string ReadCount = """<Capability type="state:read" scope="count" />""";

    /// <summary>Every case: the baseline and the regressions (cases that found bugs).</summary>
    public static IReadOnlyList<HostileCase> All => field ??= [.. Baseline, .. Regressions, .. TextExpansion];

    public static IReadOnlyDictionary<string, HostileCase> ByName => field ??= All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static IReadOnlyList<HostileCase> Baseline =>
    [
        // Built-ins are frozen: nothing a handler does to them outlives its call or reaches another panel.
        new("pollute-object-prototype", "Object.prototype.hostile = 1; return ({}).hostile;", HandlerError),
        new("pollute-array-prototype-with-accessor", "Object.defineProperty(Array.prototype, 'hostile', { get() { return 1; } }); return [].hostile;", HandlerError),
        new("replace-string-prototype-method", "String.prototype.trim = function () { return 'pwned'; }; return ' a '.trim();", HandlerError),
        new("replace-function-prototype-call", "Object.getPrototypeOf(() => {}).call = function () { return 'pwned'; }; return 1;", HandlerError),
        new("replace-json-stringify", "JSON.stringify = () => 'pwned'; return JSON.stringify(1);", HandlerError),
        new("replace-math-random", "Math.random = () => 4; return Math.random();", HandlerError),
        new("replace-promise-then", "Promise.prototype.then = function (ok) { ok('pwned'); }; return await Promise.resolve(1);", HandlerError),
        // Constructor chains to Function / eval: string compilation is off in every realm.
        new("function-constructor-from-arrow", "return (() => {}).constructor('return this')();", HandlerError),
        new("async-function-constructor-by-reflect", "const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor; return await Reflect.construct(AsyncFunction, ['return 1'])();", HandlerError),
        new("generator-constructor-by-descriptor", "const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(function* () {}), 'constructor'); return d.value('yield 1')().next().value;", HandlerError),
        new("shadow-realm-evaluate", "return new ShadowRealm().evaluate('1 + 1');", HandlerError),
        new("bound-function-constructor", "const make = [].constructor.constructor.bind(null, 'return 1'); return make()();", HandlerError),
        new("host-objects-expose-no-dotnet", """
            const found = [];
            const targets = { $emit, $log, $tools, $view, $ext, $state, $args, element: $view.getElementById('x') };
            for (const [name, target] of Object.entries(targets)) {
              for (const member of ['GetType', 'Equals', 'GetHashCode', 'ToString', 'Invoke', 'DynamicInvoke', 'Method', 'Target', 'Engine', 'Runtime', 'Program', 'Store', 'then']) {
                if (target[member] !== undefined) found.push(name + '.' + member);
              }
              try { target.constructor.constructor('return 1')(); found.push(name + '.constructor'); } catch (e) { }
            }
            // An extension answers any method name, but never as a thenable and never with its constructor.
            if ($ext.echo.then !== undefined || $ext.echo.constructor !== undefined) found.push('echo');
            return found;
            """, null) { Returns = new JsonArray() },

        // Getters: the host never runs one; JavaScript that runs one is bounded.
        new("throwing-getter-in-return", "return { get a() { throw new Error('never run'); } };", TypeMismatch),
        new("looping-getter-in-state", "$state.doc = { get a() { while (true) {} } }; return 1;", TypeMismatch),
        new("getter-on-working-copy", "$state.items.push(0); Object.defineProperty($state.items, 0, { get() { while (true) {} } }); return 1;", TypeMismatch),
        new("recursion-through-getter", "const o = { get a() { return this.a; } }; return o.a;", ResourceLimit),

        // toJSON / valueOf / toString are never called: values cross as they are, or not at all.
        new("tojson-in-state", "$state.doc = { toJSON() { return { k: 'forged' }; } }; return 1;", TypeMismatch),
        new("tojson-in-event", "$emit('toast', { toJSON() { return 'forged'; } }); return 1;", TypeMismatch),
        new("tojson-in-return", "return { ok: true, toJSON() { return { forged: true }; } };", TypeMismatch),
        new("tojson-to-extension", "await $ext.echo.back({ toJSON() { return 'forged'; } }); return 1;", HandlerError)
        {
            Check = (_, host) => Assert.Empty(host.Calls),
        },
        new("valueof-to-number-state", "$state.count = { valueOf() { return 5; } }; return 1;", TypeMismatch),
        new("tostring-to-string-state", "$state.text = { toString() { return 'forged'; } }; return 1;", TypeMismatch),
        new("toprimitive-to-view", "$view.getElementById('x').setProp('label', { [Symbol.toPrimitive]() { return 'forged'; } }); return 1;", TypeMismatch),

        // Symbols.
        new("symbol-in-state", "$state.items = [Symbol('s')]; return 1;", TypeMismatch),
        new("symbol-key-in-state", "$state.doc = { [Symbol('k')]: 1 }; return 1;", TypeMismatch),
        new("symbol-as-state-key", "$state[Symbol.iterator] = function* () {}; return 1;", HandlerError),
        new("symbol-as-event-name", "$emit(Symbol('toast')); return 1;", HandlerError),

        // Proxies: refused without running a trap.
        new("proxy-as-state", "$state.doc = new Proxy({}, { ownKeys() { while (true) {} } }); return 1;", TypeMismatch),
        new("proxy-in-list-state", "$state.items = [new Proxy([], { get() { while (true) {} } })]; return 1;", TypeMismatch),
        new("proxy-as-return", "return new Proxy({}, { getOwnPropertyDescriptor() { while (true) {} }, ownKeys() { while (true) {} } });", TypeMismatch),
        new("proxy-as-event", "$emit('toast', new Proxy({ a: 1 }, {})); return 1;", TypeMismatch),
        new("revoked-proxy-as-return", "const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy;", HandlerError),

        // Huge values.
        new("huge-string-by-doubling", "let s = 'x'; while (true) s += s;", MemoryLimit),
        new("huge-array-by-growth", "const a = []; while (true) a.push(new Array(100000).fill(1));", MemoryLimit),
        new("array-too-long", "return new Array(2 ** 32);", HandlerError),
        // Deep recursion in every shape.
        new("direct-recursion", "function f(n) { return f(n + 1) + 1; } return f(0);", ResourceLimit),
        new("mutual-recursion", "function f(n) { return g(n + 1); } function g(n) { return f(n + 1); } return f(0);", ResourceLimit),
        new("recursion-retried-in-catch", "function f() { try { return f(); } catch (e) { return f(); } } return f();", ResourceLimit),
        new("recursion-through-tostring", "const o = { toString() { return String(this); } }; return String(o);", ResourceLimit),
        new("recursion-through-sort-comparator", "return [3, 2, 1].sort(function cmp(a, b) { return [a, b].sort(cmp).length; });", ResourceLimit),
        // Native recursion (JSON.stringify, join) is bounded by the stack guard, not by the recursion limit, so
        // the nesting is deep enough to exhaust any thread's stack.
        new("recursion-through-json-stringify", "let o = {}; for (let i = 0; i < 100000; i++) o = { a: o }; return JSON.stringify(o).length;", ResourceLimit) { Limits = DeepNesting },
        new("recursion-through-array-join", "let a = []; for (let i = 0; i < 100000; i++) a = [a]; return String(a).length;", ResourceLimit) { Limits = DeepNesting },
        new("recursion-through-tools", "return await $tools.attack();", ResourceLimit),
        new("mutual-recursion-through-tools", "return await $tools.ping();", ResourceLimit)
        {
            Logic = """
                <Tool name="ping"><Handler>return await $tools.pong();</Handler></Tool>
                <Tool name="pong"><Handler>return await $tools.ping();</Handler></Tool>
                """,
        },
        new("recursion-through-computed", "return $state.deep;", ResourceLimit)
        {
            Data = """<Computed name="deep" value="(function f(n) { return f(n + 1); })(0)" />""",
        },
        new("nesting-too-deep-for-state", "let a = []; for (let i = 0; i < 20000; i++) a = [a]; $state.items = a; return 1;", TypeMismatch),

        // Loops the clock must stop, wherever they hide.
        new("infinite-loop-in-catch", "try { throw new Error('x'); } catch (e) { while (true) {} }", TimedOut) { Limits = HostileLimits.Clock },
        new("infinite-loop-in-finally", "try { return 1; } finally { while (true) {} }", TimedOut) { Limits = HostileLimits.Clock },
        new("catch-swallowing-timeouts", "for (;;) { try { while (true) {} } catch (e) { } }", TimedOut) { Limits = HostileLimits.Clock },
        new("async-infinite-loop", "while (true) await null;", TimedOut) { Limits = HostileLimits.Clock },
        new("promise-that-never-settles", "$state.count = 99; await new Promise(() => {}); return 1;", TimedOut) { Limits = HostileLimits.Clock },
        new("extension-that-never-answers", "$state.count = 99; await $ext.echo.never(); return 1;", TimedOut)
        {
            Limits = HostileLimits.Clock,
            Commits = new JsonObject { ["count"] = 99 },
        },
        new("catastrophic-regex", "return /^(a+)+$/.test('a'.repeat(40) + 'b');", TimedOut) { Limits = HostileLimits.Clock },
        new("many-awaits", "let n = 0; for (let i = 0; i < 20000; i++) { await null; n++; } return n;", null) { Returns = 20000 },
        // Host limits.
        new("too-many-host-calls", "for (let i = 0; i < 20000; i++) $log(i); return 1;", ResourceLimit),
        new("too-many-host-calls-caught", "for (let i = 0; i < 20000; i++) { try { $log(i); } catch (e) { } } return 1;", ResourceLimit),
        new("too-many-state-writes", "for (let i = 0; i < 2000; i++) $state.count = i; return 1;", ResourceLimit),
        new("too-many-events", "for (let i = 0; i < 200; i++) $emit('toast', i); return 1;", ResourceLimit),

        // Computeds are read-only, however they are written.
        new("write-computed-dynamically-and-catch", "const k = 'dou' + 'ble'; try { $state[k] = 1; } catch (e) { return 'caught'; } return 1;", ComputedNotWritable),
        new("write-computed-with-reflect", "$state.count = 5; return Reflect.set($state, 'double', 1);", ComputedNotWritable),
        new("write-computed-with-define-property", "Object.defineProperty($state, 'double', { value: 1 }); return 1;", ComputedNotWritable),
        new("write-computed-with-assign", "Object.assign($state, { count: 5, double: 1 }); return 1;", ComputedNotWritable),
        // Capabilities: a refused access fails with PERMISSION_DENIED, and JavaScript cannot catch it.
        new("write-without-capability-caught", "try { $state['count'] = 7; } catch (e) { return 'caught'; } return 'after';", PermissionDenied) { Capabilities = ReadCount },
        new("read-without-capability-caught", "try { return $state['text']; } catch (e) { return 'caught'; }", PermissionDenied) { Capabilities = ReadCount },
        new("emit-without-capability-caught", "try { $emit('toast'); } catch (e) { return 'caught'; } return 1;", PermissionDenied) { Capabilities = ReadCount },
        new("extension-without-capability-caught", "try { await $ext['echo'].back(1); } catch (e) { return 'caught'; } return 1;", PermissionDenied)
        {
            Capabilities = ReadCount,
            Check = (_, host) => Assert.Empty(host.Calls),
        },
        new("view-without-capability-caught", "try { $view.getElementById('x').setProp('a', 1); } catch (e) { return 'caught'; } return 1;", PermissionDenied) { Capabilities = ReadCount },
        new("tool-refusal-caught-by-promise-catch", "return await $tools.reader().catch(() => 'caught');", PermissionDenied)
        {
            Logic = $"""<Tool name="reader"><Capabilities>{ReadCount}</Capabilities><Handler>$state['text'] = 'x'; return 1;</Handler></Tool>""",
        },
        new("deep-write-without-capability", "const l = $state.items; l.push(99); return l.length;", PermissionDenied)
        {
            Capabilities = """<Capability type="state:read" scope="items" />""",
        },
        new("deep-write-through-nested-alias-after-await", "const n = $state.doc.nested; await null; n.x = 2; return 1;", PermissionDenied)
        {
            Capabilities = """<Capability type="state:read" scope="doc" />""",
        },
        new("deep-write-through-alias-across-commit-point", "const l = $state.items; await $ext.echo.back(1); l.push(1); return 1;", PermissionDenied)
        {
            Capabilities = """<Capability type="state:read" scope="items" /><Capability type="ext" scope="echo" />""",
        },
        new("spread-state-without-capability", "try { return { ...$state }; } catch (e) { return 'caught'; }", PermissionDenied) { Capabilities = ReadCount },
        new("spread-and-enumerate-state", """
            const copy = { ...$state };
            return [Object.keys(copy), copy.text, copy.items, copy.double === copy.count * 2, Object.keys($state), Reflect.ownKeys($state).length,
              'count' in $state, 'toString' in $state, JSON.parse(JSON.stringify($state)).doc];
            """, null)
        {
            Returns = JsonNode.Parse("""
                [["count", "text", "items", "doc", "double"], "hi", [1, {"a": 2}], true, ["count", "text", "items", "doc", "double"], 5,
                 true, false, {"k": "v", "nested": {"x": 1}}]
                """),
        },
        new("delete-state-key", "delete $state.count; return 1;", HandlerError),
        new("freeze-state", "Object.freeze($state); return 1;", HandlerError),

        // $args is frozen, all the way down.
        new("mutate-args", "$args.text = 'forged'; return 1;", HandlerError)
        {
            ArgDeclarations = """<Arg name="text" type="string" default="a" />""",
            Args = new JsonObject { ["text"] = "b" },
        },
        new("mutate-nested-args", "$args.opts.a.b = 2; return 1;", HandlerError)
        {
            ArgDeclarations = """<Arg name="opts" type="object" />""",
            Args = JsonNode.Parse("""{"opts": {"a": {"b": 1}}}"""),
        },
        new("redefine-args", "Object.defineProperty($args, 'text', { value: 'forged' }); return $args.text;", HandlerError)
        {
            ArgDeclarations = """<Arg name="text" type="string" />""",
            Args = new JsonArray("b"),
        },

        // Values that are not JSON.
        new("date-to-state", "$state.doc = new Date(0); return 1;", TypeMismatch),
        new("map-to-state", "$state.doc = new Map([[1, 2]]); return 1;", TypeMismatch),
        new("class-instance-to-state", "class Point { constructor() { this.x = 1; } } $state.doc = new Point(); return 1;", TypeMismatch),
        new("date-nested-in-list", "$state.items = [{ when: new Date(0) }]; return 1;", TypeMismatch),
        new("class-instance-pushed-deep", "$state.items.push(new (class Point { })()); return 1;", TypeMismatch),
        new("nan-to-number", "$state.count = NaN; return 1;", TypeMismatch),
        new("nan-nested", "$state.doc = { v: NaN }; return 1;", TypeMismatch),
        new("infinity-as-return", "return -Infinity;", TypeMismatch),
        new("cycle-in-state", "const o = {}; o.self = o; $state.doc = o; return 1;", TypeMismatch),
        new("cycle-by-pushing-self", "$state.items.push($state.items); return 1;", TypeMismatch),
        new("cycle-in-event", "const a = []; a.push(a); $emit('toast', a); return 1;", TypeMismatch),
        new("cycle-in-return", "const a = []; a.push(a); return a;", TypeMismatch),
        new("function-in-state", "$state.doc = { f() {} }; return 1;", TypeMismatch),
        new("bigint-in-state", "$state.doc = { n: 1n }; return 1;", TypeMismatch),

        // Atomicity: a failure discards only what was staged since the last commit point.
        new("fail-after-a-commit-point", "$state.count = 5; await $ext.echo.back(1); $state.text = 'discarded'; throw new Error('boom');", HandlerError)
        {
            Commits = new JsonObject { ["count"] = 5 },
        },
    ];
}
