using System.Globalization;
using BenchmarkDotNet.Attributes;
using Jint;
using Nexus.Reactor;
using Nexus.Reactor.Sandbox;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// What a panel's engine costs when its first call creates it: a bare Jint engine with the sandbox's options,
/// and the runtime's <c>SandboxEngine</c> (the same engine, then its hardening script, which freezes every
/// built-in and the global object).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>A Jint engine with the options <c>SandboxEngine</c> sets (limits, strict mode, no string compilation, culture, time zone).</summary>
    [Benchmark]
    public Engine Jint_Engine() => NewEngine();

    /// <summary>The runtime's sandbox engine: the engine above plus the hardening script.</summary>
    [Benchmark]
    public object Sandbox_Engine() => new SandboxEngine(ReactorOptions.Default);

    /// <summary>A Jint engine like <c>SandboxEngine</c>'s, without its deadline constraint (an internal class).</summary>
    public static Engine NewEngine()
    {
        var options = ReactorOptions.Default;
        return new Engine(o =>
        {
            o.Strict();
            o.DisableStringCompilation();
            o.LimitRecursion(options.RecursionLimit);
            o.LimitMemory(options.MemoryBytes);
            o.RegexTimeoutInterval(options.RegexTimeout);
            o.MaxArraySize(10_000_000);
            o.Constraints.StackOverflowGuard = true;
            o.LocalTimeZone(TimeZoneInfo.Utc);
            o.Culture(CultureInfo.InvariantCulture);
        });
    }
}
