using BenchmarkDotNet.Attributes;
using Jint;
using Nexus.Reactor;
using Nexus.Reactor.Sandbox;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// What a panel's engine costs when its first call creates it: a bare Jint engine with the sandbox's options,
/// and the runtime's <c>SandboxEngine</c> (the same engine, then its hardening: every object of the realm frozen,
/// the text-building built-ins guarded).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>A Jint engine with the options <c>SandboxEngine</c> sets (limits, strict mode, no string compilation, culture, time zone).</summary>
    [Benchmark]
    public Engine Jint_Engine() => NewEngine();

    /// <summary>The runtime's sandbox engine: the engine above plus its hardening (realm freeze, text-expansion guard).</summary>
    [Benchmark]
    public object Sandbox_Engine() => new SandboxEngine(ReactorOptions.Default);

    /// <summary>A Jint engine with <c>SandboxEngine</c>'s options, without its constraints and hardening.</summary>
    public static Engine NewEngine() => new(o => SandboxEngine.Configure(o, ReactorOptions.Default));
}
