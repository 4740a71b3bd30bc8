using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// Hostile handlers on several panels at once: eight workers, each with a panel of one program running every
/// plain hostile case in its own order (with canaries in between), and a second panel of the same program
/// with a short clock for two of the loops only the clock stops, interleaved. Every call must come back with
/// its code, and every panel must answer correctly afterwards. (The loops get their own panel because they
/// burn the CPU until the clock stops them: on 2 cores, a clock short enough for them would also stop the
/// memory attacks of the other panels before their memory limit does.)
/// </summary>
public sealed class HostileConcurrencyTests
{
    private const int PanelCount = 8;

    /// <summary>Loops that burn the CPU until the clock stops them: one per panel, so the suite stays fast on 2 cores.</summary>
    private static readonly string[] BusyLoops = [
        "infinite-loop-in-catch", "infinite-loop-in-finally", "catch-swallowing-timeouts", "catastrophic-regex", "join-huge-array-like-without-separator",
    ];

    /// <summary>Only bounds a hang (no plain case is stopped by this clock): eight panels on 2 busy cores are slow.</summary>
    private static readonly ReactorOptions Limits = new() { Timeout = TimeSpan.FromSeconds(15), RegexTimeout = TimeSpan.FromMilliseconds(200) };

    /// <summary>Long enough for a canary on 2 busy cores (it takes 15-35 ms alone).</summary>
    private static readonly ReactorOptions ClockLimits = Limits with { Timeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Eight_panels_under_attack_at_once_all_keep_answering()
    {
        var cases = HostileCases.All.Where(IsPlain).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} plain cases");
        var tools = cases.Select((c, i) => $"""
            <Tool name="a{i}"><Handler><![CDATA[
            {c.Attack.Replace("$tools.attack(", $"$tools.a{i}(", StringComparison.Ordinal)}
            ]]></Handler></Tool>
            """);
        var source = HostilePanel.Source("return 1;", logic: string.Join("\n", tools));
        var clock = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, PanelCount).Select(worker => Task.Run(() => RunMix(source, cases, worker), TestContext.Current.CancellationToken)).ToArray();
        var calls = await Task.WhenAll(workers);

        TestContext.Current.TestOutputHelper?.WriteLine($"{PanelCount} panels, {calls.Sum()} hostile calls, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Runs every case once, in an order of the worker's own, with a canary every few calls.</summary>
    private static async Task<int> RunMix(string source, List<HostileCase> cases, int worker)
    {
        await using var panel = await Panels.Start(source, limits: Limits, extensions: new EchoExtensions());
        await using var clocked = await Panels.Start(source, limits: ClockLimits, extensions: new EchoExtensions());
        var initial = await panel.GetStateAsync();
        var busyLoops = new[] { BusyLoops[worker % BusyLoops.Length], BusyLoops[(worker + 1) % BusyLoops.Length] };
        var order = Enumerable.Range(0, cases.Count)
            .Where(i => !BusyLoops.Contains(cases[i].Name) || busyLoops.Contains(cases[i].Name))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var canaries = 0;
        foreach (var (i, n) in order.Select((i, n) => (i, n)))
        {
            var result = await HostileRun.Call(BusyLoops.Contains(cases[i].Name) ? clocked : panel, "a" + i);
            var hostile = cases[i];
            Assert.True(hostile.Code == result.Error?.Code, $"panel {worker}, {hostile.Name}: expected {hostile.Code ?? "success"}, got {HostileRun.Show(result)}");
            if (hostile.ChecksReturn)
            {
                Assert.True(JsonNode.DeepEquals(hostile.Returns, result.ReturnValue), $"panel {worker}, {hostile.Name}: {HostileRun.Show(result)}");
            }

            Assert.Empty(result.Mutations);
            if (n % 8 == 7)
            {
                await HostileRun.AssertCanary(panel);
                canaries++;
            }
        }

        await HostileRun.AssertCanary(panel);
        await HostileRun.AssertCanary(clocked);
        canaries++;
        var final = await panel.GetStateAsync();
        Assert.Equal(initial["count"]!.GetValue<double>() + canaries, final["count"]!.GetValue<double>());
        foreach (var key in HostilePanel.StateKeys.Where(k => k != "count"))
        {
            Assert.True(JsonNode.DeepEquals(initial[key], final[key]), $"panel {worker}: state.{key} changed");
        }

        return order.Count;
    }

    /// <summary>A case that needs nothing of its own (data, helpers, capabilities, arguments) and commits nothing.</summary>
    private static bool IsPlain(HostileCase c) =>
        c.Data.Length == 0 && c.Logic.Length == 0 && c.Capabilities is null && c.ArgDeclarations.Length == 0 && c.Commits is null && c.Check is null
        && (ReferenceEquals(c.Limits, HostileLimits.Default) || BusyLoops.Contains(c.Name) || c.Name == "promise-that-never-settles");
}
