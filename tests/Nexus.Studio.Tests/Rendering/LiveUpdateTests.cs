using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Changes made anywhere reach the rendered panel without reloading it.</summary>
public sealed class LiveUpdateTests
{
    private const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic>
            <Tool name="inc"><Handler>$state.count = $state.count + 1;</Handler></Tool>
            <Tool name="retitle"><Arg name="text" type="string" /><Handler>$view.getElementById('title').setProp('content', $args.text);</Handler></Tool>
          </Logic>
          <View>
            <Text id="title" variant="h2">Counter</Text>
            <Button label="+1" trigger="inc" />
            <Text className="count">Count: {$state.count}</Text>
          </View>
        </NexusPanel>
        """;

    private const string CounterV2 = """
        <NexusPanel id="counter" title="Counter v2">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic><Tool name="inc"><Handler>$state.count = $state.count + 10;</Handler></Tool></Logic>
          <View>
            <Metric label="Total" value="{$state.count}" />
            <Button label="+10" trigger="inc" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_click_in_one_tab_shows_in_another_tab_of_the_same_panel()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var first = live.Render();
        var second = live.RenderView(live.OpenSession());
        first.Until(() => Assert.Equal("Count: 0", first.Find(".count").TextContent.Trim()));

        first.Act(() => first.Find(".nx-button button").Click());

        second.Until(() => Assert.Equal("Count: 1", second.Find(".count").TextContent.Trim()));
    }

    [Fact]
    public async Task A_transient_view_prop_set_by_a_handler_replaces_the_written_prop()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Counter", cut.Find("h2").TextContent.Trim()));

        var result = await live.Panel.CallAsync("retitle", new System.Text.Json.Nodes.JsonArray("Renamed by a handler"));

        Assert.True(result.Succeeded, result.Error?.Message);
        cut.Until(() => Assert.Equal("Renamed by a handler", cut.Find("h2").TextContent.Trim()));
        Assert.Equal("0", await live.StateJsonAsync("count")); // not state
    }

    [Fact]
    public async Task A_new_source_replaces_the_view_in_place_and_a_revert_brings_the_old_one_back()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var cut = live.Render();
        cut.Act(() => cut.Find(".nx-button button").Click());
        cut.Until(() => Assert.Equal("Count: 1", cut.Find(".count").TextContent.Trim()));

        await live.Workspace.ReplaceSourceAsync(live.Panel.PanelId, CounterV2);

        cut.Until(() =>
        {
            Assert.Empty(cut.FindAll(".count"));
            Assert.Equal("1", cut.Find(".nx-metric-value").TextContent.Trim()); // state carried over
            Assert.Equal("+10", cut.Find(".nx-button button").TextContent.Trim());
        });
        cut.Act(() => cut.Find(".nx-button button").Click());
        cut.Until(() => Assert.Equal("11", cut.Find(".nx-metric-value").TextContent.Trim()));

        var edit = live.Workspace.History(limit: 10).First(c => c.Message.Contains("counter", StringComparison.OrdinalIgnoreCase) && !c.Message.StartsWith("Save", StringComparison.Ordinal));
        await live.Workspace.RevertAsync(edit.Sha);

        cut.Until(() =>
        {
            Assert.Empty(cut.FindAll(".nx-metric"));
            Assert.StartsWith("Count: ", cut.Find(".count").TextContent.Trim(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_removed_panel_says_it_no_longer_runs()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var cut = live.Render();
        cut.Until(() => Assert.NotNull(cut.Find(".count")));

        await live.Workspace.RemovePanelAsync(live.Panel.PanelId);

        cut.Until(() => Assert.Contains("This panel does not run", cut.Find(".nx-panel-failed").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".count"));
    }

    [Fact]
    public async Task A_headless_panel_says_it_has_no_view()
    {
        await using var live = await LivePanel.StartAsync("""
            <NexusPanel title="Headless">
              <Data><State name="n" type="number" /></Data>
              <Logic><Tool name="inc"><Handler>$state.n++;</Handler></Tool></Logic>
            </NexusPanel>
            """);
        var cut = live.Render();

        Assert.Contains("no view", cut.Find(".nx-headless").TextContent, StringComparison.Ordinal);
        Assert.Equal("yes", cut.Find(".nx-panel").GetAttribute("data-interactive"));
    }
}
