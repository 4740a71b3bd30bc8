using System.Text.Json.Nodes;
using static Nexus.Reactor.Execution.RuntimeErrorCodes;

namespace Nexus.Reactor.Tests.Hostile;

public static partial class HostileCases
{
    /// <summary>A sparse array whose JSON would be four billion nulls.</summary>
    private const string Sparse = "const a = []; a.length = 2 ** 32 - 1;";

    /// <summary>Cases that found bugs in the runtime (each came with its fix), and guards of those fixes.</summary>
    private static IReadOnlyList<HostileCase> Regressions =>
    [
        // The realm was frozen only down to the globals' constructors and prototypes: generator, iterator and
        // async-function intrinsics, and the built-in methods themselves, stayed open to the next call.
        new("mark-hidden-intrinsics", """
            const targets = [
              Object.getPrototypeOf(function* () {}).prototype,
              Object.getPrototypeOf(async function* () {}).prototype,
              Object.getPrototypeOf(''[Symbol.iterator]()),
              Object.getPrototypeOf(new Map().entries()),
              Object.getPrototypeOf(new Set().values()),
              Object.getPrototypeOf('a'.matchAll(/a/g)),
              Object.getPrototypeOf(Int8Array),
              Object.getPrototypeOf(Int8Array.prototype),
              (async () => {}).constructor,
              (function* () {}).constructor,
              Array.prototype.map,
              JSON.stringify,
            ];
            const accepted = [];
            targets.forEach((t, i) => { try { t.hostile = i; accepted.push(i); } catch (e) { } });
            return accepted;
            """, null) { Returns = new JsonArray() },
        new("poison-generator-next", "Object.getPrototypeOf(function* () {}).prototype.next = function () { return { done: true }; }; return 1;", HandlerError),
        new("poison-string-iterator-next", "Object.getPrototypeOf(''[Symbol.iterator]()).next = function () { return { done: true }; }; return [...'ab'].length;", HandlerError),
        new("every-reachable-intrinsic-is-frozen", """
            const open = [];
            const seen = new Set();
            const todo = [Object, Object.getPrototypeOf(() => {}), Array, String, JSON, Math, Reflect, Promise, Proxy, Intl,
              Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(async function* () {}),
              Object.getPrototypeOf([].values()), Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(new Map().entries()),
              Object.getPrototypeOf(new Set().values()), Object.getPrototypeOf('a'.matchAll(/a/g)), Object.getPrototypeOf(Int8Array)];
            while (todo.length > 0) {
              const o = todo.pop();
              if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
              seen.add(o);
              if (!Object.isFrozen(o)) open.push(typeof o === 'function' ? o.name || 'function' : Object.prototype.toString.call(o));
              todo.push(Object.getPrototypeOf(o));
              for (const key of Reflect.ownKeys(o)) {
                const d = Reflect.getOwnPropertyDescriptor(o, key);
                todo.push(d.value, d.get, d.set);
              }
            }
            return open.slice(0, 10);
            """, null) { Returns = new JsonArray() },

        // Host functions and facades live as long as their handler, and were open: whatever a call left on them
        // ($emit.x, a new prototype for $state) was there for the next call.
        new("mark-host-functions", """
            const fns = [$emit, $log, $tools.canary, $view.getElementById, $ext.echo.back];
            const seen = fns.map(f => f.hostile);
            fns.forEach(f => { try { f.hostile = 1; } catch (e) { } });
            return seen;
            """, null) { Returns = JsonNode.Parse("[null, null, null, null, null]") },
        new("replace-state-prototype", """
            const p = Object.getPrototypeOf($state);
            const seen = p !== null && p.hostile === 1;
            Object.setPrototypeOf($state, { hostile: 1 });
            return seen;
            """, HandlerError),
        new("replace-facade-prototypes", """
            const seen = [$tools, $view, $ext].map(f => Object.getPrototypeOf(f)?.hostile);
            for (const f of [$tools, $view, $ext]) { try { Object.setPrototypeOf(f, { hostile: 1 }); } catch (e) { } }
            return seen;
            """, null) { Returns = JsonNode.Parse("[null, null, null]") },

        // Promise jobs a failed run left queued ran inside the next call, with the failed handler's capabilities,
        // and the next call reported their writes and events as its own.
        new("jobs-left-behind-by-a-timeout", """
            Promise.resolve().then(() => { while (true) {} });
            Promise.resolve().then(() => { $state.text = 'leaked'; $emit('leak', 1); });
            return 1;
            """, Nexus.Reactor.Execution.RuntimeErrorCodes.Timeout) { Limits = HostileLimits.Clock },
        new("jobs-left-behind-by-an-abort", """
            Promise.resolve().then(() => { const k = 'dou' + 'ble'; $state[k] = 1; });
            Promise.resolve().then(() => { $state.text = 'leaked'; $emit('leak', 1); });
            return 1;
            """, ComputedNotWritable),
        new("computed-leaves-a-looping-job", "return 1;", null)
        {
            Data = """<Computed name="late" value="(Promise.resolve().then(() => { while (true) {} }), 1)" />""",
            Limits = HostileLimits.Clock,
            Returns = 1,
        },

        // Values that are small in the sandbox and huge as JSON: the host's conversion ran outside the clock and
        // the memory limit, so the panel hung while the process grew by gigabytes.
        new("sparse-array-to-state", Sparse + " $state.items = a; return 1;", MemoryLimit),
        new("sparse-array-as-return", Sparse + " return a;", MemoryLimit),
        new("sparse-array-in-event", Sparse + " $emit('toast', a); return 1;", MemoryLimit),
        new("sparse-array-to-log", Sparse + " $log(a); return 1;", MemoryLimit),
        new("sparse-array-to-extension", Sparse + " await $ext.echo.back(a); return 1;", MemoryLimit)
        {
            Check = (_, host) => Assert.Empty(host.Calls),
        },
        new("sparse-array-as-tool-arguments", Sparse + " return await $tools.take({ v: a });", MemoryLimit)
        {
            Logic = """<Tool name="take"><Arg name="v" type="list" /><Handler>return $args.v.length;</Handler></Tool>""",
        },
        new("shared-subtrees-to-state", "let x = [1]; for (let i = 0; i < 8; i++) x = [x, x, x, x, x, x, x, x, x, x]; $state.items = x; return 1;", MemoryLimit),

        new("sparse-array-from-a-computed", "return $state.huge;", MemoryLimit)
        {
            Data = """<Computed name="huge" value="(() => { const a = []; a.length = 2 ** 32 - 1; return a; })()" />""",
        },

        // A computed that ran out of time, memory or stack while a commit refreshed it failed the tool with
        // TIMEOUT / RESOURCE_LIMIT / MEMORY_LIMIT, although its writes were committed (and no subscriber heard).
        new("computed-loops-when-a-commit-refreshes-it", "$state.count = 2; return 1;", null)
        {
            Data = """<Computed name="slow" value="$state.count > 1 ? (() => { while (true) {} })() : 0" />""",
            Limits = HostileLimits.Clock,
            Returns = 1,
            Commits = new JsonObject { ["count"] = 2 },
        },

        new("computed-recurses-when-a-commit-refreshes-it", "$state.count = 2; return 1;", null)
        {
            Data = """<Computed name="deep" value="$state.count > 1 ? (function f(n) { return f(n + 1); })(0) : 0" />""",
            Returns = 1,
            Commits = new JsonObject { ["count"] = 2 },
        },

        // Handlers that may read a list or object and handlers that may write it shared one working copy: a
        // reader changed state it had no capability for whenever a writer in the same call touched the key.
        new("reader-writes-the-writers-working-copy", "$state.items.push('ok'); return await $tools.reader();", PermissionDenied)
        {
            Logic = """<Tool name="reader"><Capabilities><Capability type="state:read" scope="items" /></Capabilities><Handler>$state.items.push('evil'); return 1;</Handler></Tool>""",
        },
        new("reader-alias-written-after-a-writer-ran", "const l = $state.items; await $tools.writer(); l.push('evil'); return l.length;", PermissionDenied)
        {
            Capabilities = """<Capability type="state:read" scope="items" />""",
            Logic = """<Tool name="writer"><Capabilities><Capability type="state:write" scope="items" /></Capabilities><Handler>$state.items.push('ok'); return 1;</Handler></Tool>""",
        },
        new("reader-writes-before-a-writer-reads", "await $tools.reader(); $state.items.push('ok'); return 1;", PermissionDenied)
        {
            Logic = """<Tool name="reader"><Capabilities><Capability type="state:read" scope="items" /></Capabilities><Handler>$state.items.push('evil'); return 1;</Handler></Tool>""",
        },
        // Guard: a reader's copy of what a writer staged is made through JSON, so a value that is not JSON fails there.
        new("reader-reads-a-non-json-value-a-writer-staged", "$state.doc.when = new Date(0); return await $tools.reader();", TypeMismatch)
        {
            Logic = """<Tool name="reader"><Capabilities><Capability type="state:read" scope="doc" /></Capabilities><Handler>return Object.keys($state.doc).length;</Handler></Tool>""",
        },

        // What a tool returned through $tools was the tool's own value, not a JSON result: a writer returning its
        // working copy handed a reader a live handle on it, and a tool could return what no tool may (a Date).
        new("reader-writes-what-a-writer-returned", "const l = await $tools.writer(); l.push('evil'); return l.includes('evil');", null)
        {
            Capabilities = """<Capability type="state:read" scope="items" />""",
            Logic = """<Tool name="writer"><Capabilities><Capability type="state:write" scope="items" /></Capabilities><Handler>if (!$state.items.includes('ok')) $state.items.push('ok'); return $state.items;</Handler></Tool>""",
            Returns = true,
            Commits = new JsonObject { ["items"] = JsonNode.Parse("""[1, {"a": 2}, "ok"]""") },
        },
        new("tool-returns-what-is-not-json", "const d = await $tools.maker(); return typeof d;", TypeMismatch)
        {
            Logic = """<Tool name="maker"><Handler>return new Date(0);</Handler></Tool>""",
        },
        new("tool-returns-nothing", "const r = await $tools.nothing(); return [r === undefined, await $tools.echoes({ v: [1, { a: 2 }] })];", null)
        {
            Logic = """
                <Tool name="nothing"><Handler>return;</Handler></Tool>
                <Tool name="echoes"><Arg name="v" type="list" /><Handler>return $args.v;</Handler></Tool>
                """,
            Returns = JsonNode.Parse("""[true, [1, {"a": 2}]]"""),
        },

        // A computed evaluated over a handler's writes read the handler's working copy itself, and a computed
        // (which has no capability at all) could push into it: the push was committed.
        new("computed-mutates-the-working-copy", "$state.items.push('ok'); return $state.sneaky;", null)
        {
            Data = """<Computed name="sneaky" value="[$state.items].map(a => a.push('evil'))[0]" />""",
            Returns = null,
            Commits = new JsonObject { ["items"] = JsonNode.Parse("""[1, {"a": 2}, "ok"]""") },
        },

        // A chain of computeds deeper than the reactive depth limit was never cut: the catch's filter ran before
        // the nested evaluations had popped their frames, so the exception escaped and failed the handler with
        // HANDLER_ERROR ("reactive depth exceeded") instead of the computed reading as null.
        new("computed-cycle-through-dynamic-keys", "return $state.ping;", null)
        {
            Data = """<Computed name="ping" value="$state['po' + 'ng']" /><Computed name="pong" value="$state['pi' + 'ng']" />""",
            Returns = null,
        },

        // Atomics.wait blocked the panel's thread in .NET, where no limit is checked: the panel hung for good.
        new("atomics-wait-forever", "const cell = new Int32Array(new SharedArrayBuffer(4)); return Atomics.wait(cell, 0, 0);", HandlerError),
        new("atomics-wait-past-the-deadline", "const cell = new Int32Array(new SharedArrayBuffer(4)); return Atomics.wait(cell, 0, 0, 100000);", HandlerError)
        {
            Limits = HostileLimits.Clock,
        },

        // Reporting a failure read the thrown value's message, name and stack through getters and proxy traps:
        // one that threw left the rejection unhandled, and the call was reported as a promise that never
        // settles (TIMEOUT); one that looped ran the handler's code inside the host's error report. Each attack
        // runs from an async handler (the throw rejects its promise) and from a plain one (the throw leaves it).
        .. ThrownFromBothKinds("throw-with-a-throwing-message-getter", "throw { get message() { throw new Error('inner'); } };", HandlerError),
        .. ThrownFromBothKinds("throw-an-error-with-a-throwing-stack-getter", "const e = new Error('outer'); Object.defineProperty(e, 'stack', { get() { throw new Error('inner'); } }); throw e;", HandlerError),
        .. ThrownFromBothKinds("throw-a-throwing-proxy", "throw new Proxy({}, { get() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); } });", HandlerError),
        .. ThrownFromBothKinds("throw-an-object-inheriting-from-a-proxy", "throw Object.create(new Proxy({}, { getOwnPropertyDescriptor() { while (true) {} } }));", HandlerError),
        new("throw-with-a-looping-message-getter-after-await", "await null; throw { get message() { while (true) {} } };", HandlerError)
        {
            Limits = HostileLimits.Clock,
        },

        // Leaving a plain function, the engine reads the message of what was thrown (still inside the handler's
        // run, under its clock): a getter that loops is the handler's own time running out.
        new("throw-with-a-looping-message-getter", "throw { get message() { while (true) {} } };", Nexus.Reactor.Execution.RuntimeErrorCodes.Timeout)
        {
            Limits = HostileLimits.Clock,
        },

        // The memory limit started again with every run of JavaScript, so a handler that awaited an extension
        // between allocations held any amount of memory (4.7 GB in 5 s, against a 32 MiB limit).
        new("memory-held-across-extension-awaits", "const keep = []; while (true) { keep.push(new Array(100000).fill(1)); await $ext.echo.back(1); }", MemoryLimit),
    ];

    /// <summary>The attack as a plain handler and, named "…-after-await", as an async one.</summary>
    private static HostileCase[] ThrownFromBothKinds(string name, string code, string expected) =>
        [new(name, code, expected), new(name + "-after-await", "await null; " + code, expected)];
}
