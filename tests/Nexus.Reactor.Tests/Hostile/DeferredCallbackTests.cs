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
}
