using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// Attacks the runtime does not stop in time, because the work happens inside one of Jint's native built-ins,
/// which check neither the clock nor the memory limit while they run. Each test says what should happen;
/// they are skipped until Jint (4.18 here) checks its constraints in these loops.
/// </summary>
public sealed class KnownLimitationTests
{
    private const string Reason = "Jint's native JSON.stringify / Array.prototype.join never check the constraints; see the test's comment";

    /// <summary>Observed: HANDLER_ERROR (RangeError: Invalid string length) after ~6 s with a 1 s clock, ~4.3 GB peak.</summary>
    [Fact(Skip = Reason)]
    public Task JSON_stringify_of_shared_subtrees_is_stopped_in_time() =>
        AssertStopped("let x = 1; for (let i = 0; i < 6; i++) x = new Array(100).fill(x); return JSON.stringify(x).length;");

    /// <summary>Observed: no answer after 60 s with a 1 s clock, ~4.7 GB and growing.</summary>
    [Fact(Skip = Reason)]
    public Task Join_of_shared_subtrees_is_stopped_in_time() =>
        AssertStopped("let x = [1]; for (let i = 0; i < 6; i++) x = new Array(100).fill(x); return x.join(',').length;");

    private static async Task AssertStopped(string attack)
    {
        var limits = HostileLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        await using var panel = await Panels.Start(HostilePanel.Source(attack), limits: limits);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await HostileRun.Call(panel, "attack");

        Assert.Contains(result.Error?.Code, new[] { RuntimeErrorCodes.MemoryLimit, RuntimeErrorCodes.Timeout });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopped after {clock.Elapsed}");
    }
}
