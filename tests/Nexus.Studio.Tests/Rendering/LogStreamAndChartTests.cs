using System.Text.Json.Nodes;
using Bunit;
using Nexus.Studio.Rendering.Components;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

public sealed class LogStreamAndChartTests
{
    [Fact]
    public async Task LogStream_shows_lines_bottom_anchored_and_bounded_to_the_latest()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="lines" type="list" default='["first", {"time":"10:00","level":"warn","message":"disk"}, 3]' />""",
            """<Tool name="flood"><Handler>$state.lines = Array.from({ length: 600 }, (_, i) => 'line ' + i);</Handler></Tool>""",
            """
            <LogStream data="{$state.lines}" height="120" />
            <LogStream data="{['x']}" autoScroll="false" height="calc(100% - 1px)" />
            """));
        var cut = live.Render();
        cut.Until(() =>
        {
            var streams = cut.FindAll(".nx-logstream");
            Assert.Equal(["first", "[10:00] warn: disk", "3"], streams[0].QuerySelectorAll(".nx-log-line").Select(l => l.TextContent));
            Assert.Contains("nx-autoscroll", streams[0].ClassList);
            Assert.Equal("height: 120px", streams[0].GetAttribute("style"));
            Assert.DoesNotContain("nx-autoscroll", streams[1].ClassList);
            Assert.Equal("height: 240px", streams[1].GetAttribute("style")); // not a plain length: the default
        });

        await live.Panel.CallAsync("flood");

        cut.Until(() =>
        {
            var stream = cut.FindAll(".nx-logstream")[0];
            var lines = stream.QuerySelectorAll(".nx-log-line");
            Assert.Equal(NxmlLogStream.MaxLines, lines.Length);
            Assert.Equal("line 100", lines[0].TextContent);
            Assert.Equal("line 599", lines[^1].TextContent);
            Assert.Equal("100 earlier lines not shown", stream.QuerySelector(".nx-log-hidden")!.TextContent.Trim());
        });
    }

    [Theory]
    [InlineData("line")]
    [InlineData("bar")]
    [InlineData("pie")]
    [InlineData("area")]
    public async Task Chart_draws_every_type_from_state_and_redraws_when_the_data_changes(string type)
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="points" type="list" default='[{"day":"mon","visits":3},{"day":"tue","visits":5}]' />""",
            """<Tool name="more"><Handler>$state.points = [...$state.points, { day: 'wed', visits: 8 }];</Handler></Tool>""",
            $"""<Chart type="{type}" data="{'{'}$state.points{'}'}" xKey="day" yKey="visits" height="200" />"""));
        var cut = live.Render();
        cut.Until(() =>
        {
            var chart = cut.Find(".nx-chart");
            Assert.Contains($"nx-chart-{type}", chart.ClassList);
            Assert.Equal("2", chart.GetAttribute("data-points"));
            Assert.NotNull(chart.QuerySelector("svg"));
            Assert.NotEmpty(chart.QuerySelectorAll("svg path"));
        });

        await live.Panel.CallAsync("more");

        cut.Until(() => Assert.Equal("3", cut.Find(".nx-chart").GetAttribute("data-points")));
        Assert.Empty(cut.FindAll(".nx-render-error"));
    }

    [Fact]
    public async Task A_chart_without_data_says_so()
    {
        await using var live = await LivePanel.StartAsync(Panels.View("""<Chart type="bar" data="{[]}" />"""));
        var cut = live.Render();
        cut.Until(() => Assert.Equal("No data", cut.Find(".nx-chart-empty").TextContent.Trim()));
    }

    [Fact]
    public void The_chart_model_reads_numbers_keyed_objects_and_every_numeric_field()
    {
        var numbers = ChartModel.From(new JsonArray(1, 2.5, "3", "x"), null, null);
        Assert.Equal(["1", "2", "3", "4"], numbers.Labels);
        Assert.Equal([1, 2.5, 3, 0], Assert.Single(numbers.Series).Values);

        var keyed = ChartModel.From((JsonArray)JsonNode.Parse("""[{"d":"a","v":1,"w":9},{"d":"b","v":2,"w":8}]""")!, "d", "v");
        Assert.Equal(["a", "b"], keyed.Labels);
        Assert.Equal("v", Assert.Single(keyed.Series).Name);

        var every = ChartModel.From((JsonArray)JsonNode.Parse("""[{"d":"a","v":1,"w":9,"note":"n"},{"d":"b","v":2,"w":8}]""")!, "d", null);
        Assert.Equal(["v", "w"], every.Series.Select(s => s.Name));
        Assert.Equal([9.0, 8.0], every.Series[1].Values);

        Assert.True(ChartModel.From(null, null, null).IsEmpty);
        var many = new JsonArray([.. Enumerable.Range(0, ChartModel.MaxPoints + 5).Select(i => (JsonNode)i)]);
        Assert.Equal(5, ChartModel.From(many, null, null).Series[0].Values[0]);
    }
}
