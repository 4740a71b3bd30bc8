using Bunit;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.WorkspaceView;

/// <summary>A panel's log from its card: the runtime's log lines (as the API's log endpoint returns them), following new ones.</summary>
public sealed class PanelLogDialogTests
{
    private const string Logging = """
        <NexusPanel id="logger" title="Logger">
          <Data><State name="n" type="number" default="0" /></Data>
          <Logic>
            <Tool name="note"><Handler>$state.n = $state.n + 1; $log('noted', $state.n);</Handler></Tool>
            <Tool name="fail"><Handler>throw new Error('out of paper');</Handler></Tool>
          </Logic>
          <View><Text>{$state.n}</Text></View>
        </NexusPanel>
        """;

    [Fact]
    public async Task The_log_lists_the_panels_lines_and_follows_new_ones_newest_last()
    {
        var port = new OneWorkspace(StudioRole.Viewer);
        await using var live = await LivePanel.StartAsync(Logging, prepare: port.SignIn);
        await live.Panel.CallAsync("note");
        var page = live.RenderWorkspacePage(port.WorkspaceId);
        page.Until(() => Assert.NotNull(page.Find("[data-panel-card=logger]")));

        page.Find("[data-panel-card=logger] [data-action=panel-log]").Click();

        page.Until(() => Assert.Contains("noted 1", Lines(page).Single().TextContent, StringComparison.Ordinal));
        Assert.Equal("info", Lines(page).Single().GetAttribute("data-log-level"));

        await live.Panel.CallAsync("note");
        await live.Panel.CallAsync("fail");

        page.Until(() => Assert.Equal(3, Lines(page).Count));
        Assert.Contains("noted 2", Lines(page)[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("error", Lines(page)[2].GetAttribute("data-log-level"));
        Assert.Contains("out of paper", Lines(page)[2].TextContent, StringComparison.Ordinal);
        // The same lines as the API's log endpoint (the runtime's log), in the same order.
        Assert.Equal(live.Panel.Instance!.Log.Recent().Select(l => l.Message), Lines(page).Select(l => l.QuerySelector(".studio-log-message")!.TextContent));
        Assert.Equal("3", page.Find("[data-log-count]").GetAttribute("data-log-count"));
    }

    [Fact]
    public async Task An_empty_log_says_so()
    {
        var port = new OneWorkspace(StudioRole.Viewer);
        await using var live = await LivePanel.StartAsync(Logging, prepare: port.SignIn);
        var page = live.RenderWorkspacePage(port.WorkspaceId);
        page.Until(() => Assert.NotNull(page.Find("[data-panel-card=logger]")));

        page.Find("[data-panel-card=logger] [data-action=panel-log]").Click();

        page.Until(() => Assert.NotNull(page.Find("[data-section=panel-log] [data-empty=log]")));
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Lines(IRenderedComponent<WorkspacePageHost> page) => page.FindAll("[data-section=panel-log] [data-log-entry]");
}
