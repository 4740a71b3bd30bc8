namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// The panel a hostile case runs in: four states of every mutable and immutable kind, a computed, the
/// <c>test.echo</c> extension, the case's <c>attack</c> tool and a <c>canary</c> tool that checks, after the
/// attack, that the panel still works as a fresh one does.
/// </summary>
public static class HostilePanel
{
    /// <summary>
    /// The canary: exercises the built-ins an attack could have poisoned (its <c>fp</c> must equal a fresh
    /// panel's), lists the intrinsics, their prototypes and a few methods that carry a <c>hostile</c> mark
    /// (<c>marks</c> must be empty; that nothing reachable can be marked is the "every reachable intrinsic is
    /// frozen" case), and makes one write and one event (its result must report exactly those). It takes about
    /// a millisecond, so that it passes within the short clock of a timeout case on a busy machine.
    /// </summary>
    public const string Canary = """
        function* g() { yield 1; yield 2; }
        const fp = [
          [1, 2, 3].map(x => x * 2).join(','),
          JSON.stringify({ a: [1, 'b', null], n: { m: true } }),
          String([1, [2, 3]]),
          Object.keys({ q: 1, r: 2 }).join(),
          [...'ab'].join('+'),
          [...new Map([[1, 2]]).keys()].join(),
          [...new Set([3, 4])].join(),
          [...g()].join(),
          [...'aXbX'.matchAll(/X/g)].length,
          typeof ({}).hostile,
          ' abc '.trim().toUpperCase(),
          Math.max(1, 5),
          [3, 1, 2].sort().join(),
          (() => { try { null.x; return 'no error'; } catch (e) { return e instanceof TypeError; } })(),
          await Promise.resolve(7),
          await (async () => 8)(),
          new Date(0).toISOString(),
          Number('12') + parseInt('3', 10),
          Array.from({ length: 2 }, (_, i) => i).join(),
        ];
        const marks = [];
        const roots = [Object, Object.getPrototypeOf(() => {}), Array, String, Number, Boolean, Symbol, BigInt, Math, JSON, Reflect, Promise,
          Proxy, Date, RegExp, Map, Set, WeakMap, WeakSet, Error, TypeError, RangeError, ArrayBuffer, DataView, Int8Array, Float64Array,
          Object.getPrototypeOf(Int8Array), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
          Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf([].values()), Object.getPrototypeOf(''[Symbol.iterator]()),
          Object.getPrototypeOf(new Map().entries()), Object.getPrototypeOf(new Set().values()), Object.getPrototypeOf('a'.matchAll(/a/g)),
          Array.prototype.map, JSON.stringify, Object.prototype.toString, Promise.prototype.then, String.prototype.trim];
        for (const root of roots) {
          for (const o of [root, root.prototype, Object.getPrototypeOf(root)]) {
            if ((typeof o === 'object' || typeof o === 'function') && o !== null && Object.prototype.hasOwnProperty.call(o, 'hostile')) {
              marks.push(typeof o === 'function' ? o.name : Object.prototype.toString.call(o));
            }
          }
        }
        $state.count = $state.count + 1;
        $emit('canary', fp.length);
        return { fp: fp.join('|'), marks };
        """;

    /// <summary>The states of every hostile panel (the computeds are not listed: a case may add its own).</summary>
    public static readonly string[] StateKeys = ["count", "text", "items", "doc"];

    public static string Source(HostileCase c) => Source(c.Attack, c.Data, c.Logic, c.Capabilities, c.ArgDeclarations);

    public static string Source(string attack, string data = "", string logic = "", string? capabilities = null, string args = "")
    {
        var declared = capabilities is null ? "" : "<Capabilities>" + capabilities + "</Capabilities>";
        return $$$"""
        <NexusPanel title="hostile">
          <Data>
            <State name="count" type="number" default="1" />
            <State name="text" type="string" default="hi" />
            <State name="items" type="list" default='[1, {"a": 2}]' />
            <State name="doc" type="object" default='{"k": "v", "nested": {"x": 1}}' />
            <Computed name="double" value="$state.count * 2" />
            {{{data}}}
          </Data>
          <Logic>
            <Extension name="test.echo" alias="echo" />
            <Tool name="attack">
              {{{args}}}
              {{{declared}}}
              <Handler><![CDATA[
        {{{attack}}}
              ]]></Handler>
            </Tool>
            {{{logic}}}
            <Tool name="canary"><Handler><![CDATA[
        {{{Canary}}}
            ]]></Handler></Tool>
          </Logic>
          <View>
            <Text content="{$state.count} {$state.text} {$state.double}" />
            <LogStream data="{$state.items}" />
            <Text content="{$state.doc.k}" />
            <Button label="attack" trigger="attack" />
            <Button label="canary" trigger="canary" />
          </View>
        </NexusPanel>
        """;
    }
}
