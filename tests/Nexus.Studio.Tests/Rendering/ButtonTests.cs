using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Nexus.Studio.Tests.Support;
using Nexus.Workspace;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Button and Action: labels, variants, disabled bindings, progress while running, failures.</summary>
public sealed class ButtonTests
{
    private const string Buttons = """
        <NexusPanel id="buttons" title="Buttons">
          <Data>
            <State name="n" type="number" default="0" />
            <State name="ok" type="boolean" default="false" />
          </Data>
          <Logic>
            <Tool name="inc"><Handler>$state.n = $state.n + 1;</Handler></Tool>
            <Tool name="allow"><Handler>$state.ok = true;</Handler></Tool>
            <Tool name="fail"><Handler>
              $state.n = 100;
              throw new Error('boom');
            </Handler></Tool>
          </Logic>
          <View>
            <Button trigger="inc" className="inc">Add one to {$state.n}</Button>
            <Action label="Guarded" trigger="inc" disabled="{!$state.ok}" variant="secondary" className="guarded" />
            <Action label="Fail" trigger="fail" variant="danger" className="fail" />
            <Button label="Nothing" variant="ghost" className="nothing" />
            <Button label="Allow" trigger="allow" className="allow" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task Buttons_show_their_interpolated_label_and_variant()
    {
        await using var live = await LivePanel.StartAsync(Buttons);
        var cut = live.Render();

        cut.Until(() => Assert.Equal("Add one to 0", Button(cut, "inc").TextContent.Trim()));
        Assert.Contains("mud-button-filled-primary", Button(cut, "inc").ClassList);
        Assert.Contains("mud-button-outlined-secondary", Button(cut, "guarded").ClassList);
        Assert.Contains("mud-button-filled-error", Button(cut, "fail").ClassList);
        Assert.Contains("mud-button-text", Button(cut, "nothing").ClassList);

        cut.Act(() => Button(cut, "inc").Click());

        cut.Until(() => Assert.Equal("Add one to 1", Button(cut, "inc").TextContent.Trim()));
    }

    [Fact]
    public async Task A_disabled_binding_follows_the_state()
    {
        await using var live = await LivePanel.StartAsync(Buttons);
        var cut = live.Render();
        cut.Until(() => Assert.True(Button(cut, "guarded").HasAttribute("disabled")));

        cut.Act(() => Button(cut, "allow").Click());

        cut.Until(() => Assert.False(Button(cut, "guarded").HasAttribute("disabled")));
        cut.Act(() => Button(cut, "guarded").Click());
        cut.Until(() => Assert.Equal("1", live.StateJsonAsync("n").GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task A_failing_tool_shows_its_error_and_the_panel_keeps_working()
    {
        await using var live = await LivePanel.StartAsync(Buttons);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Add one to 0", Button(cut, "inc").TextContent.Trim()));

        cut.Act(() => Button(cut, "fail").Click());

        cut.Until(() =>
        {
            var error = cut.Find(".fail .nx-error").TextContent;
            Assert.Contains("fail failed: HANDLER_ERROR", error, StringComparison.Ordinal);
            Assert.Contains("boom", error, StringComparison.Ordinal);
            Assert.Contains("(line 11,", error, StringComparison.Ordinal); // where the throw stands in the NXML file
        });
        Assert.Equal("0", await live.StateJsonAsync("n")); // the failed handler's writes were discarded

        cut.Act(() => Button(cut, "inc").Click());
        cut.Until(() => Assert.Equal("Add one to 1", Button(cut, "inc").TextContent.Trim()));
        Assert.Empty(cut.FindAll(".nx-render-error"));
    }

    [Fact]
    public async Task A_button_without_a_trigger_does_nothing_when_clicked()
    {
        await using var live = await LivePanel.StartAsync(Buttons);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Nothing", Button(cut, "nothing").TextContent.Trim()));
        var version = live.Panel.Version;

        await cut.InvokeAsync(() => Button(cut, "nothing").ClickAsync(new MouseEventArgs()));

        Assert.Equal(version, live.Panel.Version);
        Assert.Empty(cut.FindAll(".nx-error"));
    }

    [Fact]
    public async Task A_busy_tool_shows_progress_here_and_in_every_other_view_of_the_panel_until_it_ends()
    {
        using var gate = new GatedCache();
        await using var live = await LivePanel.StartAsync(
            """
            <NexusPanel id="slow" title="Slow">
              <Data><State name="phase" type="string" default="idle" /></Data>
              <Logic>
                <Extension name="nexus.kv" alias="kv" />
                <Tool name="load"><Handler>
                  $state.phase = 'loading';
                  await $ext.kv.get('anything');
                  $state.phase = 'done';
                </Handler></Tool>
              </Logic>
              <View><Button label="Load" trigger="load" /><Text className="phase">{$state.phase}</Text></View>
            </NexusPanel>
            """,
            options: WorkspaceOptions.Default with { SessionCache = gate });
        var cut = live.Render();
        var otherTab = live.RenderView(live.OpenSession());
        cut.Until(() => Assert.Equal("idle", cut.Find(".phase").TextContent.Trim()));

        var click = cut.InvokeAsync(() => cut.Find("button").ClickAsync(new MouseEventArgs()));
        await gate.Entered.WaitAsync(Waiting.Timeout, Xunit.TestContext.Current.CancellationToken);

        cut.Until(() =>
        {
            Assert.True(cut.Find("button").HasAttribute("disabled"));
            Assert.NotNull(cut.Find(".nx-button .nx-busy"));
            Assert.Contains("Running load", cut.Find(".nx-progress").TextContent, StringComparison.Ordinal);
            Assert.Equal("loading", cut.Find(".phase").TextContent.Trim()); // the commit point before the await is shown
        });
        otherTab.Until(() =>
        {
            Assert.Contains("Running load", otherTab.Find(".nx-progress").TextContent, StringComparison.Ordinal);
            Assert.Equal("loading", otherTab.Find(".phase").TextContent.Trim());
        });

        gate.Open();
        await click;

        cut.Until(() =>
        {
            Assert.Equal("done", cut.Find(".phase").TextContent.Trim());
            Assert.Empty(cut.FindAll(".nx-progress"));
            Assert.False(cut.Find("button").HasAttribute("disabled"));
        });
        otherTab.Until(() => Assert.Empty(otherTab.FindAll(".nx-progress")));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<StudioHost> cut, string className) => cut.Find($".{className} button");
}
