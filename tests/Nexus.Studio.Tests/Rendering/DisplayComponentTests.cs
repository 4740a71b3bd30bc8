using System.Text.Json.Nodes;
using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Text, Metric and StatusBadge: props, bindings and interpolation.</summary>
public sealed class DisplayComponentTests
{
    [Fact]
    public async Task Text_renders_each_variant_with_its_element_and_interpolates_its_element_text()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="name" type="string" default="Ada" />""",
            string.Empty,
            """
            <Text variant="h1">Title</Text>
            <Text variant="h3" content="Sub {$state.name}" />
            <Text variant="code">let x = 1;</Text>
            <Text variant="caption">small</Text>
            <Text>Hello {$state.name}, {{braces}}</Text>
            """));
        var cut = live.Render();

        cut.Until(() =>
        {
            var texts = cut.FindAll(".nx-text");
            Assert.Equal(["H1", "H3", "PRE", "SPAN", "P"], texts.Select(t => t.TagName));
            Assert.Equal(["Title", "Sub Ada", "let x = 1;", "small", "Hello Ada, {braces}"], texts.Select(t => t.TextContent.Trim()));
            Assert.NotNull(texts[2].QuerySelector("code"));
        });
    }

    [Fact]
    public async Task Metric_shows_label_value_unit_and_a_trend_that_follows_the_state()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="cpu" type="number" default="42.5" /><State name="last" type="number" default="50" />""",
            """<Tool name="set"><Arg name="cpu" type="number" /><Handler>$state.last = $state.cpu; $state.cpu = $args.cpu;</Handler></Tool>""",
            """
            <Metric label="CPU" value="{$state.cpu}" unit="%" trend="{$state.cpu >= $state.last ? 'up' : 'down'}" />
            <Metric label="Plain" value="7" />
            <Metric label="Odd" value="1" trend="{'sideways'}" />
            """));
        var cut = live.Render();
        cut.Until(() =>
        {
            var metrics = cut.FindAll(".nx-metric");
            Assert.Equal("CPU", metrics[0].QuerySelector(".nx-metric-label")!.TextContent.Trim());
            Assert.Equal("42.5", metrics[0].QuerySelector(".nx-metric-value")!.TextContent.Trim());
            Assert.Equal("%", metrics[0].QuerySelector(".nx-metric-unit")!.TextContent.Trim());
            Assert.NotNull(metrics[0].QuerySelector(".nx-trend-down"));
            Assert.Null(metrics[1].QuerySelector(".nx-trend"));
            Assert.Null(metrics[1].QuerySelector(".nx-metric-unit"));
            Assert.Null(metrics[2].QuerySelector(".nx-trend")); // a binding outside the enum falls back to no trend
        });

        await live.Panel.CallAsync("set", new JsonArray(99));

        cut.Until(() =>
        {
            var metric = cut.FindAll(".nx-metric")[0];
            Assert.Equal("99", metric.QuerySelector(".nx-metric-value")!.TextContent.Trim());
            Assert.NotNull(metric.QuerySelector(".nx-trend-up"));
        });
    }

    [Fact]
    public async Task StatusBadge_colours_by_status_and_shows_its_value()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="up" type="boolean" default="false" />""",
            """<Tool name="start"><Handler>$state.up = true;</Handler></Tool>""",
            """
            <StatusBadge label="API" status="{$state.up ? 'success' : 'error'}" value="{$state.up ? 'up' : 'down'}" />
            <StatusBadge label="Queue" status="warn" />
            <StatusBadge label="Plain" />
            """));
        var cut = live.Render();
        cut.Until(() =>
        {
            var badges = cut.FindAll(".nx-status");
            Assert.Contains("nx-status-error", badges[0].ClassList);
            Assert.Contains("mud-chip-color-error", badges[0].ClassList);
            Assert.Equal("down", badges[0].QuerySelector(".nx-status-value")!.TextContent.Trim());
            Assert.Contains("nx-status-warn", badges[1].ClassList);
            Assert.Contains("nx-status-info", badges[2].ClassList);
            Assert.Equal("Plain", badges[2].QuerySelector(".nx-status-label")!.TextContent.Trim());
            Assert.Null(badges[2].QuerySelector(".nx-status-value"));
        });

        await live.Panel.CallAsync("start");

        cut.Until(() =>
        {
            var badge = cut.FindAll(".nx-status")[0];
            Assert.Contains("nx-status-success", badge.ClassList);
            Assert.Equal("up", badge.QuerySelector(".nx-status-value")!.TextContent.Trim());
        });
    }
}
