using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;
using static Nexus.Reactor.Execution.RuntimeErrorCodes;

namespace Nexus.Reactor.Tests.Hostile;

public static partial class HostileCases
{
    /// <summary>An array of a hundred copies of an array of a hundred copies... six deep: 10^12 leaves, a few KB to hold.</summary>
    private const string Shared = "let x = [1]; for (let i = 0; i < 6; i++) x = new Array(100).fill(x);";

    /// <summary>
    /// Built-ins that build text in one native loop, where Jint checks neither clock nor memory: without the
    /// guard each of these ran for a minute or more and took gigabytes before the call failed (or never ended).
    /// The clock is generous (3 s), so a case passes only if the guard stops the call, not a late check.
    /// </summary>
    private static IReadOnlyList<HostileCase> TextExpansion =>
    [
        new("stringify-shared-subtrees", Shared + " return JSON.stringify(x).length;", MemoryLimit),
        new("stringify-shared-subtrees-with-allowlist", Shared + " return JSON.stringify(x, ['a']).length;", MemoryLimit),
        new("stringify-shared-object-subtrees", "let x = { v: 'abcdefgh' }; for (let i = 0; i < 40; i++) x = { a: x, b: x }; return JSON.stringify(x).length;", MemoryLimit),
        new("stringify-caught-by-panel", Shared + " try { return JSON.stringify(x).length; } catch (e) { return 'caught'; }", MemoryLimit),
        new("join-shared-subtrees", Shared + " return x.join(',').length;", MemoryLimit),
        new("to-string-shared-subtrees", Shared + " return String(x).length;", MemoryLimit),
        new("template-literal-shared-subtrees", Shared + " return `${x}`.length;", MemoryLimit),
        new("concatenate-shared-subtrees", Shared + " return ('' + x).length;", MemoryLimit),
        new("to-locale-string-shared-subtrees", Shared + " return x.toLocaleString().length;", MemoryLimit),
        new("join-long-separator", "return new Array(100000).join('x'.repeat(100000)).length;", MemoryLimit),
        new("join-huge-array-like", "return Array.prototype.join.call({ length: 2 ** 40 }, 'ab').length;", MemoryLimit),
        new("join-huge-array-like-without-separator", "return Array.prototype.join.call({ length: 2 ** 40 }, '').length;", RuntimeErrorCodes.Timeout)
        {
            Limits = HostileLimits.Clock,
        },

        // The guard changes no result: these are what any engine returns.
        new("guarded-built-ins-keep-their-results", """
            const cyclic = [1]; cyclic.push(cyclic);
            let getterCalls = 0;
            const withGetter = { get g() { getterCalls++; return 'G'; } };
            let cycleError = 'none';
            const loop = {}; loop.self = loop;
            try { JSON.stringify(loop); } catch (e) { cycleError = e instanceof TypeError; }
            return [
              JSON.stringify({ a: [1, 'x', null, true, undefined, () => 1], b: { c: 'd' } }),
              JSON.stringify({ a: 1, b: 2, c: { a: 3, z: 4 } }, ['a', 'c']),
              JSON.stringify({ d: new Date(0), t: { toJSON() { return 'T'; } } }),
              JSON.stringify({ n: 1 }, (k, v) => typeof v === 'number' ? v + 1 : v),
              JSON.stringify([1, [2]], null, 2),
              JSON.stringify(withGetter) + getterCalls,
              [1, [2, [3, 'a']], null, undefined].join(';'),
              String([1, [2, 3]]),
              `${[4, [5]]}`,
              [1, 2].toLocaleString(),
              cyclic.join('-'),
              Array.prototype.join.call({ length: 3, 0: 'a', 2: 'c' }, '+'),
              cycleError,
              JSON.stringify.name + JSON.stringify.length + Array.prototype.join.name + Array.prototype.join.length,
            ];
            """, null)
        {
            Returns = JsonNode.Parse("""
                [
                  "{\"a\":[1,\"x\",null,true,null,null],\"b\":{\"c\":\"d\"}}",
                  "{\"a\":1,\"c\":{\"a\":3}}",
                  "{\"d\":\"1970-01-01T00:00:00.000Z\",\"t\":\"T\"}",
                  "{\"n\":2}",
                  "[\n  1,\n  [\n    2\n  ]\n]",
                  "{\"g\":\"G\"}1",
                  "1;2,3,a;;",
                  "1,2,3",
                  "4,5",
                  "1,2",
                  "1-",
                  "a++c",
                  true,
                  "stringify3join1"
                ]
                """),
        },
    ];
}
