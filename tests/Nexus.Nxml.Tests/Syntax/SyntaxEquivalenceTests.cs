using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Syntax;

public sealed class SyntaxEquivalenceTests
{
    private const string Panel = """
        <NexusPanel title="T" tags="a, b" >
          <Data>
            <State name="n" type="number" default="1" />
          </Data>
          <View>
            <Metric label="N" value="{$state.n}" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public void Trees_that_differ_only_in_layout_and_locations_are_equivalent()
    {
        var relaid = """
            <NexusPanel   tags="a,b,,"
                title='T'><Data><State type="number" name="n" default="1"/></Data>
            <View><Metric value="{$state.n}" label="N"></Metric></View></NexusPanel>
            """;

        var left = Parse(Panel);
        var right = Parse(relaid);
        Assert.Null(SyntaxEquivalence.DescribeDifference(left, right));
        Assert.True(SyntaxEquivalence.AreEquivalent(left, right));
    }

    [Fact]
    public void Attribute_order_counts_only_when_asked()
    {
        var left = Parse(Panel);
        var right = Parse(Panel.Replace("""label="N" value="{$state.n}" """, """value="{$state.n}" label="N" """, StringComparison.Ordinal));

        Assert.True(SyntaxEquivalence.AreEquivalent(left, right));
        var difference = SyntaxEquivalence.FirstDifference(left, right, AttributeOrder.Significant);
        Assert.NotNull(difference);
        Assert.Equal("view.root.attributes[0]", difference.Path);
        Assert.Equal(("label", "value"), (difference.Left, difference.Right));
    }

    [Theory]
    [InlineData("""default="1" """, """default="2" """, "data.states[0:n].default")]
    [InlineData("<State ", "<!-- new --><State ", "data.states[0:n].leadingComments.length")]
    [InlineData("""<Metric label="N" value="{$state.n}" />""", """<Metric label="N" value="{$state.n}" /><Metric label="M" value="1" />""", "view.root.type")]
    [InlineData("</View>", "<!-- end --></View>", "view.endComments.length")]
    [InlineData("""tags="a, b" """, """tags="a, c" """, "panel.meta.tags[1:b]")]
    [InlineData("""title="T" """, """title="T" lang="en" """, "panel@lang")]
    public void The_first_difference_names_where_the_trees_differ(string find, string replace, string expectedPath)
    {
        var left = Parse(Panel);
        var right = Parse(Panel.Replace(find, replace, StringComparison.Ordinal));

        var difference = SyntaxEquivalence.FirstDifference(left, right);
        Assert.NotNull(difference);
        Assert.Equal(expectedPath, difference.Path);
        Assert.False(SyntaxEquivalence.AreEquivalent(left, right));
    }

    [Fact]
    public void Handler_code_and_declared_capabilities_are_compared()
    {
        const string Tool = """
            <NexusPanel title="T"><Logic><Tool name="t">CAPS<Handler>CODE</Handler></Tool></Logic></NexusPanel>
            """;
        PanelNode Make(string caps, string code) => Parse(Tool.Replace("CAPS", caps, StringComparison.Ordinal).Replace("CODE", code, StringComparison.Ordinal));

        Assert.True(SyntaxEquivalence.AreEquivalent(Make("", "a();"), Make("", "\n    a();\n  ")));
        Assert.Equal("logic.tools[0:t].handler.code", SyntaxEquivalence.FirstDifference(Make("", "a();"), Make("", "b();"))?.Path);
        Assert.Equal("logic.tools[0:t].capabilities", SyntaxEquivalence.FirstDifference(Make("", "a();"), Make("<Capabilities />", "a();"))?.Path);
        Assert.Equal(
            "logic.tools[0:t].capabilities[0:ext].scope",
            SyntaxEquivalence.FirstDifference(Make("""<Capabilities><Capability type="ext" scope="a" /></Capabilities>""", "a();"), Make("""<Capabilities><Capability type="ext" /></Capabilities>""", "a();"))?.Path);
    }

    [Fact]
    public void A_difference_reads_as_path_and_both_values()
    {
        var difference = new SyntaxDifference("data.states[0:n]@default", "1", null);
        Assert.Equal("data.states[0:n]@default: \"1\" != (none)", difference.ToString());
    }

    private static PanelNode Parse(string source) => NxmlDocument.Parse(source).Panel ?? throw new InvalidOperationException("does not parse: " + source);
}
