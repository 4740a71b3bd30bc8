using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>Nothing a handler starts may run after its call ended, inside another call.</summary>
public sealed class DeferredCallbackTests
{
    [Fact]
    public async Task Finalization_callbacks_never_run_inside_a_later_call()
    {
        const string Attack = """
            const registry = new FinalizationRegistry(() => { $state.text = 'finalized'; $emit('finalized'); });
            for (let i = 0; i < 100; i++) registry.register({ i }, i);
            return 1;
            """;
        await using var panel = await Panels.Start(HostilePanel.Source(Attack), limits: HostileLimits.Default);

        var result = await HostileRun.Call(panel, "attack");
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await HostileRun.AssertCanary(panel);
        }

        // The sandbox does not offer FinalizationRegistry: a handler cannot schedule work for the collector.
        Assert.Equal(RuntimeErrorCodes.HandlerError, result.Error?.Code);
    }

    [Theory]
    [InlineData("{(Promise.resolve().then(() => { while (true) {} }), 1)}", null)]
    [InlineData("{(Promise.resolve().then(() => { throw new Error('late'); }), 2)}", "2")]
    [InlineData("{(Promise.resolve().then(() => JSON.stringify($state.items)), 3)}", "3")]
    public async Task Jobs_an_expression_queues_run_within_its_evaluation(string expression, string? expected)
    {
        await using var panel = await Panels.Start(HostilePanel.Source("return 1;"), limits: HostileLimits.Clock);

        var value = await panel.EvaluateAsync(expression);

        // A job that loops is part of the expression's work: it runs out of the expression's time (null, logged),
        // and neither it nor any other job runs inside the next call.
        Assert.Equal(expected, value?.ToJsonString());
        await HostileRun.AssertCanary(panel);
        Assert.Equal(expected is null, panel.Log.Recent().Any(l => l.Message.Contains("failed and reads as null", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Jobs_of_the_computeds_a_commit_refreshed_never_run_inside_the_next_call()
    {
        const string Late = """<Computed name="late" value="(Promise.resolve().then(() => { while (true) {} }), $state.text)" />""";
        await using var panel = await Panels.Start(HostilePanel.Source("$state.text = 'x'; return 1;", data: Late), limits: HostileLimits.Clock);

        var attack = await HostileRun.Call(panel, "attack");
        var next = await HostileRun.Call(panel, "canary");

        // The call itself stands (its commit is done); the looping job runs out of its time, not the next call's.
        Assert.True(attack.Succeeded, HostileRun.Show(attack));
        Assert.True(next.Succeeded, HostileRun.Show(next));
        Assert.Contains(panel.Log.Recent(), l => l.Message.Contains("attack: promise jobs left after the call were stopped: TIMEOUT", StringComparison.Ordinal));
    }
}
