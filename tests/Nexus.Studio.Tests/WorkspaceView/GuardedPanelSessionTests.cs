using Bunit;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView;

namespace Nexus.Studio.Tests.WorkspaceView;

/// <summary>Writes from a panel's view ask the platform first; a refusal leaves the state alone and says why.</summary>
public sealed class GuardedPanelSessionTests
{
    private const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic>
            <Tool name="increment" description="Add one"><Handler>$state.count = $state.count + 1;</Handler></Tool>
          </Logic>
          <View>
            <Input bind="$state.count" inputType="number" />
            <Button label="Add one" trigger="increment" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_refused_tool_call_changes_nothing_and_shows_the_refusal()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var checks = 0;
        var guarded = new GuardedPanelSession(live.Session, () =>
        {
            checks++;
            throw new PlatformRefusalException("FORBIDDEN", "You can only look at this workspace.");
        });
        var cut = live.Bunit.Render<StudioHost>(p => p.Add(h => h.Session, guarded));

        cut.Find("button").Click();

        cut.Until(() => Assert.Contains("You can only look at this workspace.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(1, checks);
        Assert.Equal("0", await live.StateJsonAsync("count"));
    }

    [Fact]
    public async Task A_refused_binding_write_changes_nothing()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var guarded = new GuardedPanelSession(live.Session, () => throw new PlatformRefusalException("STORAGE_LIMIT", "The storage is full."));
        var cut = live.Bunit.Render<StudioHost>(p => p.Add(h => h.Session, guarded));

        cut.Find("input").Change("5");

        cut.Until(() => Assert.Contains("The storage is full.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("0", await live.StateJsonAsync("count"));
    }

    [Fact]
    public async Task An_allowed_tool_call_runs_after_the_check()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var checks = 0;
        var guarded = new GuardedPanelSession(live.Session, () =>
        {
            checks++;
            return Task.CompletedTask;
        });
        var cut = live.Bunit.Render<StudioHost>(p => p.Add(h => h.Session, guarded));

        cut.Find("button").Click();

        cut.Until(() => Assert.Equal("1", live.StateJsonAsync("count").GetAwaiter().GetResult()));
        Assert.Equal(1, checks);
    }
}
