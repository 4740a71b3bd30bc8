using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Toasts become snackbars; other events, log lines and failures show in the panel's log.</summary>
public sealed class EventTests
{
    private const string Events = """
        <NexusPanel id="events" title="Events">
          <Data><State name="n" type="number" default="0" /></Data>
          <Logic>
            <Tool name="save"><Handler>$state.n = 1; $emit('toast', 'Saved!');</Handler></Tool>
            <Tool name="warn"><Handler>$emit('toast', { message: 'Careful', type: 'warn' });</Handler></Tool>
            <Tool name="ping"><Handler>$emit('ping', { at: 3 }); $log('pinged', 3);</Handler></Tool>
            <Tool name="fail"><Handler>throw new Error('nope');</Handler></Tool>
          </Logic>
          <View>
            <Button label="Save" trigger="save" className="save" />
            <Button label="Warn" trigger="warn" className="warn" />
            <Button label="Ping" trigger="ping" className="ping" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_toast_event_shows_a_snackbar_with_its_severity()
    {
        await using var live = await LivePanel.StartAsync(Events);
        var cut = live.Render();
        cut.Until(() => Assert.NotNull(cut.Find(".save button")));

        cut.Act(() => cut.Find(".save button").Click());
        cut.Until(() => Assert.Contains("Saved!", cut.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal));

        cut.Act(() => cut.Find(".warn button").Click());
        cut.Until(() =>
        {
            var warning = cut.FindAll("#mud-snackbar-container .mud-alert-text-warning, #mud-snackbar-container .mud-alert-filled-warning");
            Assert.Contains(warning, w => w.TextContent.Contains("Careful", StringComparison.Ordinal));
        });
        Assert.DoesNotContain("Saved!", cut.Find(".nx-activity").TextContent, StringComparison.Ordinal); // toasts are not logged as events
    }

    [Fact]
    public async Task Toasts_from_a_call_made_elsewhere_also_show()
    {
        await using var live = await LivePanel.StartAsync(Events);
        var cut = live.Render();
        cut.Until(() => Assert.NotNull(cut.Find(".save button")));

        await live.Panel.CallAsync("save");

        cut.Until(() => Assert.Contains("Saved!", cut.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_events_log_lines_and_failures_appear_in_the_panels_log()
    {
        await using var live = await LivePanel.StartAsync(Events);
        var cut = live.Render();
        cut.Until(() => Assert.NotNull(cut.Find(".ping button")));

        cut.Act(() => cut.Find(".ping button").Click());
        await live.Panel.CallAsync("fail");

        cut.Until(() =>
        {
            var lines = cut.FindAll(".nx-activity-line").Select(l => l.TextContent).ToList();
            Assert.Contains(lines, l => l.Contains("event", StringComparison.Ordinal) && l.Contains("ping {\"at\":3}", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("info", StringComparison.Ordinal) && l.Contains("pinged 3", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("error", StringComparison.Ordinal) && l.Contains("fail failed: HANDLER_ERROR", StringComparison.Ordinal));
            Assert.Contains("Log (3)", cut.Find(".nx-activity summary").TextContent, StringComparison.Ordinal);
        });
    }
}
