using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

public sealed class LayoutTests
{
    [Fact]
    public async Task An_auto_layout_places_children_on_the_grid_the_layout_pass_computed()
    {
        // Weights 3+3+6 fill a row; the next Metric starts a new one; colSpan overrides a weight.
        await using var live = await LivePanel.StartAsync(Panels.View("""
            <Metric label="a" value="1" />
            <Metric label="b" value="2" />
            <Chart type="line" data="{[1, 2]}" />
            <Metric label="c" value="3" />
            <Text colSpan="4">narrow</Text>
            """));
        var cut = live.Render();

        cut.Until(() =>
        {
            var grid = cut.Find(".nx-layout");
            Assert.Equal("auto", grid.GetAttribute("data-strategy"));
            Assert.Contains("nx-layout-auto", grid.ClassList);
            var cells = grid.Children;
            Assert.Equal(["--nx-span: 3", "--nx-span: 3", "--nx-span: 6", "--nx-span: 3", "--nx-span: 4"], cells.Select(c => c.GetAttribute("style")));
            Assert.Equal([false, false, false, true, false], cells.Select(c => c.ClassList.Contains("nx-new-row")));
        });
    }

    [Fact]
    public async Task Stack_and_row_layouts_take_gap_alignment_and_the_earlier_hosts_flex_names()
    {
        await using var live = await LivePanel.StartAsync(Panels.View("""
            <Layout strategy="stack" gap="lg">
              <Layout strategy="row" gap="xs" align="center" justify="between"><Text>a</Text><Text>b</Text></Layout>
              <Layout strategy="flex" direction="row" justify="space-between"><Text>c</Text></Layout>
              <Layout strategy="flex" direction="column"><Text>d</Text></Layout>
            </Layout>
            """));
        var cut = live.Render();

        cut.Until(() =>
        {
            var layouts = cut.FindAll(".nx-layout[data-strategy]");
            Assert.Equal(["stack", "row", "row", "stack"], layouts.Select(l => l.GetAttribute("data-strategy")));
            Assert.Contains("nx-gap-lg", layouts[0].ClassList);
            Assert.Contains("nx-gap-xs", layouts[1].ClassList);
            Assert.Contains("nx-align-center", layouts[1].ClassList);
            Assert.Contains("nx-justify-between", layouts[1].ClassList);
            Assert.Contains("nx-justify-between", layouts[2].ClassList);
            Assert.Contains("nx-gap-md", layouts[3].ClassList); // the default gap
            Assert.Contains("nx-align-stretch", layouts[3].ClassList);
            Assert.DoesNotContain(layouts[0].Children, c => c.HasAttribute("style")); // no spans outside auto layouts
        });
    }

    [Fact]
    public async Task A_bound_gap_follows_the_state_and_a_value_outside_the_enum_falls_back_to_the_default()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="gap" type="string" default="xl" />""",
            """<Tool name="set"><Arg name="gap" type="string" /><Handler>$state.gap = $args.gap;</Handler></Tool>""",
            """<Layout strategy="stack" gap="{$state.gap}"><Text>a</Text></Layout>"""));
        var cut = live.Render();
        cut.Until(() => Assert.Contains("nx-gap-xl", cut.Find("[data-strategy=stack]").ClassList));

        await live.Panel.CallAsync("set", new System.Text.Json.Nodes.JsonArray("huge"));

        cut.Until(() => Assert.Contains("nx-gap-md", cut.Find("[data-strategy=stack]").ClassList));
    }

    [Fact]
    public async Task The_stylesheet_makes_every_child_full_width_on_narrow_screens()
    {
        // The breakpoint lives in the stylesheet the host links; check that the rule is there for auto cells and rows.
        var css = await File.ReadAllTextAsync(StylesheetPath(), Xunit.TestContext.Current.CancellationToken);
        var narrow = css[css.IndexOf("@media (max-width: 600px)", StringComparison.Ordinal)..];
        Assert.Contains(".nx-layout-auto > .nx-cell", narrow, StringComparison.Ordinal);
        Assert.Contains("grid-column: 1 / -1", narrow, StringComparison.Ordinal);
        Assert.Contains(".nx-layout-row { flex-direction: column", narrow, StringComparison.Ordinal);
    }

    private static string StylesheetPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Nexus.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "src", "Nexus.Studio", "wwwroot", "nxml.css");
    }
}
