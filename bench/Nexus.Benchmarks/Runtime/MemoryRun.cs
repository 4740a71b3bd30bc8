using System.Diagnostics;
using System.Globalization;
using Nexus.Reactor;
using Nexus.Reactor.Sandbox;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// <c>--memory [COPIES]</c>: the managed heap a mounted panel instance keeps, not a BenchmarkDotNet benchmark.
/// Mounts many instances of one checked document (same source, so they share one compiled program) and holds
/// them all; the retained heap per instance is (heap after − heap before) / copies, both measured by
/// <c>GC.GetTotalMemory(forceFullCollection: true)</c>. The time to mount one is the mean (and percentiles) of the
/// individual <c>CreateAsync</c> calls while the heap fills up, so it includes the garbage collections that
/// filling it costs (their total pause time is printed too); BenchmarkDotNet's mount benchmarks measure
/// instances that are dropped at once.
/// </summary>
/// <remarks>
/// Before the baseline one instance of the source is mounted (and called, for the "after one call" rows) and kept:
/// the program shared by all instances and the engine's process-wide caches are then in the baseline, and the
/// figure is what each further instance costs. What that first instance cost is printed separately.
/// Then engines alone: a bare Jint engine and the runtime's SandboxEngine (what a panel's first call creates).
/// The last line checks whether evaluating detached values (<c>EvaluateAsync(string)</c>) retains memory.
/// </remarks>
internal static class MemoryRun
{
    public static async Task<int> Run(int copies)
    {
        if (copies < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), copies, "at least 100 copies");
        }

        Console.WriteLine($"// runtime memory: .NET {Environment.Version}, {Environment.ProcessorCount} processors, server GC: {System.Runtime.GCSettings.IsServerGC}");
        var rows = new List<string>
        {
            await Instances(RuntimePanels.Counter, copies, call: false),
            await Instances(RuntimePanels.Counter, copies / 10, call: true),
            await Instances(RuntimePanels.Large, copies / 10, call: false),
            await Instances(RuntimePanels.Large, copies / 100, call: true),
        };

        Console.WriteLine();
        Console.WriteLine("| panel | state | instances | retained heap per instance | mount mean / p50 / p99 µs | first call mean / p50 / p99 µs | GC pauses while filling | first instance of the source (program + instance) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);

        Console.WriteLine();
        Console.WriteLine("| engine alone | instances | retained heap per instance | create mean µs |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Engines("Jint engine with the sandbox's options", EngineBenchmarks.NewEngine, copies / 10));
        Console.WriteLine(Engines("SandboxEngine (engine + realm freeze and guards)", () => new SandboxEngine(ReactorOptions.Default), copies / 10));

        Console.WriteLine();
        Console.WriteLine(await DetachedEvaluations(copies));
        return 0;
    }

    private static async Task<string> Instances(string file, int copies, bool call)
    {
        var document = RuntimePanels.Document(file);
        var tool = RuntimePanels.FirstTool(file);

        // The first instance of the source: compiles the program (and, with a call, the engine's shared caches and the prepared scripts).
        RuntimePanels.ForgetPrograms();
        var empty = Heap();
        var first = await RuntimePanels.Mount(document);
        if (call)
        {
            RuntimePanels.Succeeded(await first.CallAsync(tool));
        }

        var firstCost = Heap() - empty;

        // Warm the code paths (JIT) on instances that are dropped again.
        for (var i = 0; i < Math.Min(200, copies); i++)
        {
            var warm = await RuntimePanels.Mount(document);
            if (call)
            {
                RuntimePanels.Succeeded(await warm.CallAsync(tool));
            }
        }

        var panels = new PanelInstance[copies];
        var mounts = new long[copies];
        var calls = new long[copies];
        var before = Heap();
        var pauses = GC.GetTotalPauseDuration();
        for (var i = 0; i < copies; i++)
        {
            var start = Stopwatch.GetTimestamp();
            panels[i] = await RuntimePanels.Mount(document);
            mounts[i] = Stopwatch.GetTimestamp() - start;
            if (call)
            {
                start = Stopwatch.GetTimestamp();
                RuntimePanels.Succeeded(await panels[i].CallAsync(tool));
                calls[i] = Stopwatch.GetTimestamp() - start;
            }
        }

        pauses = GC.GetTotalPauseDuration() - pauses;
        var after = Heap();
        GC.KeepAlive(panels);
        GC.KeepAlive(first);
        var perInstance = (after - before) / (double)copies;
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"| {file} | {(call ? "after one call (`" + tool + "`)" : "idle (mounted)")} | {copies:N0} | {perInstance:N0} B ({perInstance / 1024:N1} KiB) | "
            + $"{Times(mounts)} | {(call ? Times(calls) : "–")} | {pauses.TotalMilliseconds:N0} ms | {firstCost:N0} B ({firstCost / 1024.0:N1} KiB) |");
        Console.WriteLine("// " + row);
        return row;
    }

    /// <summary>The retained heap of engines alone (what a panel's first call adds, apart from the computeds' first values).</summary>
    private static string Engines(string name, Func<object> create, int copies)
    {
        for (var i = 0; i < 50; i++)
        {
            create();
        }

        var engines = new object[copies];
        var before = Heap();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < copies; i++)
        {
            engines[i] = create();
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        var perEngine = (Heap() - before) / (double)copies;
        GC.KeepAlive(engines);
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {copies:N0} | {perEngine:N0} B ({perEngine / 1024:N1} KiB) | {Micro(elapsed / (double)copies):N1} |");
    }

    /// <summary>Evaluates a distinct-looking detached value many times on one panel and reports what the heap keeps afterwards.</summary>
    private static async Task<string> DetachedEvaluations(int count)
    {
        var panel = await RuntimePanels.Mount(RuntimePanels.Document(RuntimePanels.Counter));
        RuntimePanels.Succeeded(await panel.CallAsync("inc"));
        for (var i = 0; i < 100; i++)
        {
            await panel.EvaluateAsync("{$state.count}");
        }

        var before = Heap();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await panel.EvaluateAsync("{$state.count}");
        }

        clock.Stop();
        var grown = Heap() - before;
        GC.KeepAlive(panel);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"detached evaluations: {count:N0} × EvaluateAsync(\"{{$state.count}}\") on one panel took {clock.Elapsed.TotalMilliseconds:N0} ms "
            + $"({clock.Elapsed.TotalMicroseconds / count:N1} µs each); the heap kept {grown:N0} B more afterwards ({grown / (double)count:N0} B per evaluation)");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Micro(double ticks) => ticks * 1e6 / Stopwatch.Frequency;

    /// <summary>Mean / p50 / p99 of durations in Stopwatch ticks, in µs.</summary>
    private static string Times(long[] ticks)
    {
        var sorted = ticks.Order().ToArray();
        var p99 = sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{Micro(sorted.Average()):N1} / {Micro(sorted[sorted.Length / 2]):N1} / {Micro(p99):N1}");
    }
}
