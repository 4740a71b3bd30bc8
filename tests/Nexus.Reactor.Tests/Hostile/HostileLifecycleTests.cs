using System.Diagnostics;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>Hostile lifecycle handlers: a panel still starts, works and stops.</summary>
public sealed class HostileLifecycleTests
{
    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("$state.count = 50; await new Promise(() => {});")]
    [InlineData("Promise.resolve().then(() => { $state.text = 'leaked'; $emit('leak'); }); throw new Error('mount failed');")]
    [InlineData("let s = 'x'; while (true) s += s;")]
    [InlineData("function f() { return f(); } f();")]
    public async Task A_failing_mount_leaves_a_working_panel_with_its_state_untouched(string mount)
    {
        var source = HostilePanel.Source("return 1;", logic: $"<Lifecycle on=\"mount\"><Handler><![CDATA[{mount}]]></Handler></Lifecycle>");
        var clock = Stopwatch.StartNew();
        await using var panel = await Panels.Start(source, limits: HostileLimits.Clock);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"mount took {clock.Elapsed}");

        var state = await panel.GetStateAsync();
        Assert.Equal(1, state["count"]!.GetValue<double>());
        Assert.Equal("hi", state["text"]!.GetValue<string>());
        Assert.Contains(panel.Log.Recent(), line => line.Level == LogLevel.Error && line.Message.StartsWith("mount failed", StringComparison.Ordinal));
        await HostileRun.AssertCanary(panel);
    }

    [Fact]
    public async Task A_looping_unmount_still_lets_the_panel_go()
    {
        var source = HostilePanel.Source("return 1;", logic: "<Lifecycle on=\"unmount\"><Handler>while (true) {}</Handler></Lifecycle>");
        var panel = await Panels.Start(source, limits: HostileLimits.Clock);
        await HostileRun.AssertCanary(panel);

        var clock = Stopwatch.StartNew();
        await panel.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"unmount took {clock.Elapsed}");
        Assert.Throws<ObjectDisposedException>(() => { _ = panel.CallAsync("canary"); });
        Assert.Contains(panel.Log.Recent(), line => line.Message.StartsWith("unmount failed: TIMEOUT", StringComparison.Ordinal));
    }
}
