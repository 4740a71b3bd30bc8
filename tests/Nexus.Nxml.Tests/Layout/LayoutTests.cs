using System.Xml.Linq;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Layout;

public sealed class LayoutTests
{
    private static ComponentNode Root(string view)
    {
        var document = NxmlDocument.Check($"<NexusPanel title=\"t\"><Data><State name=\"x\" type=\"number\"/></Data><Logic><Tool name=\"go\"><Handler>$state.x++</Handler></Tool></Logic><View>{view}</View></NexusPanel>");
        Assert.False(document.Errors.Any(), ConformanceTests.Describe(document));
        return document.Panel!.View!.Root!;
    }

    [Fact]
    public void Auto_layout_fills_rows_of_twelve_columns_by_weight()
    {
        var root = Root("""
            <Metric label="a" value="1" /><Metric label="b" value="2" /><StatusBadge label="c" /><Button label="d" trigger="go" />
            <Chart type="bar" data="{[]}" /><Input bind="$state.x" /><Text content="t" /><Switch bind="$state.x" /><Custom />
            """);
        var placed = root.Children.Select(c => (c.Type, c.Layout!.ColSpan, c.Layout.NewRow)).ToList();
        Assert.Equal(
            [("Metric", 3, false), ("Metric", 3, false), ("StatusBadge", 3, false), ("Button", 3, false),
             ("Chart", 6, true), ("Input", 6, false), ("Text", 12, true), ("Switch", 3, true), ("Custom", 6, false)],
            placed);
    }

    [Fact]
    public void An_explicit_colspan_overrides_the_weight()
    {
        var root = Root("<Metric label=\"a\" value=\"1\" colSpan=\"8\" /><Metric label=\"b\" value=\"2\" colSpan=\"4\" /><Metric label=\"c\" value=\"3\" />");
        Assert.Equal([(8, false), (4, false), (3, true)], root.Children.Select(c => (c.Layout!.ColSpan, c.Layout.NewRow)));
    }

    [Fact]
    public void Stack_and_row_layouts_place_children_without_spans_and_nested_auto_layouts_get_their_own_grid()
    {
        var root = Root("""
            <Layout strategy="stack">
              <Metric label="a" value="1" />
              <Layout><Metric label="b" value="2" /><Chart type="line" data="{[]}" /></Layout>
            </Layout>
            """);
        Assert.Null(root.Layout);
        Assert.All(root.Children, c => Assert.Null(c.Layout));
        Assert.Equal([(3, false), (6, false)], root.Children[1].Children.Select(c => (c.Layout!.ColSpan, c.Layout.NewRow)));
    }

    [Fact]
    public void The_layout_pass_runs_once_in_check_and_not_in_parse()
    {
        var source = "<NexusPanel title=\"t\"><View><Text content=\"a\"/><Text content=\"b\"/></View></NexusPanel>";
        Assert.All(NxmlDocument.Parse(source).Panel!.View!.Root!.Children, c => Assert.Null(c.Layout));
        Assert.All(NxmlDocument.Check(source).Panel!.View!.Root!.Children, c => Assert.NotNull(c.Layout));
    }

    [Fact]
    public void The_sketch_is_svg_with_a_labelled_box_per_component()
    {
        var panel = ConformanceTests.Check(Path.Combine("nxml", "valid-server-monitor.nxml")).Panel!;
        var svg = XDocument.Parse(LayoutSketch.ToSvg(panel));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rects = svg.Descendants(ns + "rect").ToList();
        Assert.Equal(6, rects.Count);
        var labels = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Metric CPU", labels);
        Assert.Contains("Action Emergency Restart", labels);
        Assert.Contains("LogStream #logs", labels);
    }

    [Fact]
    public void Markup_in_a_panels_title_and_labels_stays_text_in_the_sketch()
    {
        // The web UI shows the sketch as markup, and a panel's source comes from any member of the workspace.
        const string source = """
            <NexusPanel id="x" title="&lt;script&gt;alert(1)&lt;/script&gt;">
              <View><Button label="&lt;img src=x onerror=alert(2)&gt;" /><Text content="a &amp; &quot;b&quot;" /></View>
            </NexusPanel>
            """;
        var panel = NxmlDocument.Check(source).Panel!;

        var svg = XDocument.Parse(LayoutSketch.ToSvg(panel));

        XNamespace ns = "http://www.w3.org/2000/svg";
        string[] drawn = ["title", "line", "rect", "text"];
        Assert.All(svg.Root!.Descendants(), e => Assert.Contains(e.Name.LocalName, drawn));
        Assert.Equal("<script>alert(1)</script> - layout sketch", svg.Root!.Element(ns + "title")!.Value);
        var labels = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Button <img src=x onerror=alert(2)>", labels);
        Assert.All(svg.Descendants(), e => Assert.DoesNotContain(e.Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sketch_boxes_follow_the_grid()
    {
        var panel = ConformanceTests.Check(Path.Combine("nxml", "valid-server-monitor.nxml")).Panel!;
        var layout = LayoutSketch.Measure(panel, width: 1200)!;
        var boxes = layout.Children;
        Assert.Equal(5, boxes.Count);
        Assert.All(boxes.Take(4), b => Assert.Equal(boxes[0].Y, b.Y));
        Assert.True(boxes[1].X > boxes[0].X && boxes[2].X > boxes[1].X && boxes[3].X > boxes[2].X);
        Assert.True(boxes[4].Y > boxes[0].Y + boxes[0].Height);
        Assert.True(boxes[4].Width > 3.5 * boxes[0].Width);
    }

    [Fact]
    public void A_headless_panel_has_no_boxes_but_still_a_picture()
    {
        var panel = ConformanceTests.Check(Path.Combine("nxml", "valid-headless.nxml")).Panel!;
        Assert.Null(LayoutSketch.Measure(panel));
        Assert.Contains("headless", LayoutSketch.ToSvg(panel), StringComparison.Ordinal);
    }
}
