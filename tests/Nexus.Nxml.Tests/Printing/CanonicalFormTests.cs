using Nexus.Nxml.Printing;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>What the canonical form looks like: section, element and attribute order, indentation, comments.</summary>
public sealed class CanonicalFormTests
{
    [Fact]
    public void A_panel_prints_in_canonical_order_and_layout()
    {
        const string Source = """
            <?xml version="1.0"?>
            <NexusPanel tags=" b,a ,, c" author="ada" title='Mixed &amp; matched' id="mixed">
            <View><Button trigger="inc" className="wide" label="+1" id="plus" variant="ghost" /></View>
            <Logic>
                <Lifecycle on="mount"><Handler>$log('up')</Handler></Lifecycle>
                <Tool description="Add one" name="inc">
                    <Handler>
                        $state.count = $state.count + 1;
                        return $state.count;
                    </Handler>
                    <Capabilities><Capability scope="count" type="state:write"/></Capabilities>
                    <Arg type="number" name="by" default="1"/>
                </Tool>
                <Extension name="nexus.http"/>
                <Handler name="shared">return 1;</Handler>
            </Logic>
            <Data><Computed value="$state.count * 2" name="double"/><State default="0" type="number" name="count"/></Data>
            </NexusPanel>
            """;

        const string Expected = """
            <NexusPanel id="mixed" title="Mixed & matched" author="ada" tags="b, a, c">
              <Data>
                <State name="count" type="number" default="0" />
                <Computed name="double" value="$state.count * 2" />
              </Data>

              <Logic>
                <Extension name="nexus.http" />

                <Handler name="shared">return 1;</Handler>

                <Tool name="inc" description="Add one">
                  <Arg name="by" type="number" default="1" />
                  <Capabilities>
                    <Capability type="state:write" scope="count" />
                  </Capabilities>
                  <Handler>
                    $state.count = $state.count + 1;
                    return $state.count;
                  </Handler>
                </Tool>

                <Lifecycle on="mount">
                  <Handler>$log('up')</Handler>
                </Lifecycle>
              </Logic>

              <View>
                <Button id="plus" label="+1" variant="ghost" trigger="inc" className="wide" />
              </View>
            </NexusPanel>

            """;

        Assert.Equal(Expected, RoundTrip.AssertRoundTrips(Source));
    }

    [Fact]
    public void Comments_stay_where_they_stand_between_elements()
    {
        const string Source = """
            <!-- before the root -->
            <NexusPanel title="C">
              <!-- before data -->
              <Data>
                <!-- before a state -->
                <State name="a" type="string" /> <!-- after the last state -->
              </Data>
              <Logic>
                <Tool name="t">
                  <!-- before the arg -->
                  <Arg name="x" type="string" />
                  <!-- before the handler -->
                  <Handler>$state.a = $args.x;</Handler>
                  <!-- after the handler -->
                </Tool>
                <!-- end of logic -->
              </Logic>
              <View>
                <Layout>
                  <Text>hello<!-- inside text --></Text>
                  <!-- end of layout -->
                </Layout>
              </View>
              <!-- end of the panel -->
            </NexusPanel>
            <!-- after the root -->
            <!---->
            """;

        const string Expected = """
            <!-- before the root -->
            <NexusPanel title="C">
              <!-- before data -->
              <Data>
                <!-- before a state -->
                <State name="a" type="string" />
                <!-- after the last state -->
              </Data>

              <Logic>
                <Tool name="t">
                  <!-- before the arg -->
                  <Arg name="x" type="string" />
                  <!-- before the handler -->
                  <Handler>$state.a = $args.x;</Handler>
                  <!-- after the handler -->
                </Tool>
                <!-- end of logic -->
              </Logic>

              <View>
                <Layout>
                  <Text>
                    hello
                    <!-- inside text -->
                  </Text>
                  <!-- end of layout -->
                </Layout>
              </View>
              <!-- end of the panel -->
            </NexusPanel>
            <!-- after the root -->
            <!---->

            """;

        Assert.Equal(Expected, RoundTrip.AssertRoundTrips(Source));
    }

    [Fact]
    public void Empty_sections_and_an_empty_panel_print_self_closing()
    {
        Assert.Equal("<NexusPanel title=\"E\">\n  <Data />\n\n  <Logic />\n\n  <View />\n</NexusPanel>\n", RoundTrip.AssertRoundTrips("<NexusPanel title='E'><View></View><Logic/><Data>\n</Data></NexusPanel>"));
        Assert.Equal("<NexusPanel title=\"E\" />\n", RoundTrip.AssertRoundTrips("<NexusPanel title=\"E\"></NexusPanel>"));
    }

    [Fact]
    public void Sections_that_hold_only_comments_keep_them()
    {
        Assert.Equal(
            "<NexusPanel title=\"E\">\n  <Data>\n    <!-- nothing yet -->\n  </Data>\n</NexusPanel>\n",
            RoundTrip.AssertRoundTrips("<NexusPanel title='E'><Data><!-- nothing yet --></Data></NexusPanel>"));
    }

    [Fact]
    public void Comments_with_double_dashes_and_a_final_dash_read_back_as_written()
    {
        var printed = RoundTrip.AssertRoundTrips("<NexusPanel title='C'><!-- a -- b --><!--ends with a dash---><View/></NexusPanel>");
        Assert.Contains("<!-- a -- b -->\n  <!--ends with a dash--->\n  <View />", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_that_would_end_early_is_refused()
    {
        var panel = Parse("<NexusPanel title='C' />") with { TrailingComments = ["a --> b"] };
        Assert.Throws<NotSupportedException>(() => NxmlPrinter.Print(panel));
    }

    [Fact]
    public void Declared_empty_capabilities_differ_from_none_declared()
    {
        const string Source = """
            <NexusPanel title="Caps">
              <Data><State name="n" type="number" /></Data>
              <Logic>
                <Tool name="declaredNone"><Capabilities></Capabilities><Handler>$state.n = 1;</Handler></Tool>
                <Tool name="inferred"><Handler>$state.n = 2;</Handler></Tool>
                <Lifecycle on="unmount"><Capabilities /><Handler>$log('bye')</Handler></Lifecycle>
              </Logic>
            </NexusPanel>
            """;

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Contains("<Tool name=\"declaredNone\">\n      <Capabilities />\n      <Handler>$state.n = 1;</Handler>", printed, StringComparison.Ordinal);
        Assert.Contains("<Tool name=\"inferred\">\n      <Handler>$state.n = 2;</Handler>", printed, StringComparison.Ordinal);
        Assert.Contains("<Lifecycle on=\"unmount\">\n      <Capabilities />", printed, StringComparison.Ordinal);

        var tools = NxmlDocument.Check(printed).Panel!.Tools.ToList();
        Assert.Equal(0, tools[0].Capabilities?.Length);
        Assert.Null(tools[1].Capabilities);
    }

    [Fact]
    public void Several_top_level_components_print_without_the_implicit_layout_and_read_back_implicit()
    {
        const string Source = """
            <NexusPanel title="Roots">
              <View>
                <!-- first -->
                <Metric label="A" value="1" />
                <Metric label="B" value="2" />
                <!-- end -->
              </View>
            </NexusPanel>
            """;

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.DoesNotContain("Layout", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("strategy", printed, StringComparison.Ordinal);

        var root = NxmlDocument.Check(printed).Panel!.View!.Root!;
        Assert.True(root.IsImplicit);
        Assert.Equal(2, root.Children.Length);
        Assert.Equal(["A", "B"], root.Children.Select(c => c.Prop("label")));
    }

    [Fact]
    public void An_explicit_auto_layout_stays_explicit()
    {
        var printed = RoundTrip.AssertRoundTrips("<NexusPanel title='L'><View><Layout strategy='auto'><Metric label='A' value='1'/><Metric label='B' value='2'/></Layout></View></NexusPanel>");
        Assert.Contains("<Layout strategy=\"auto\">", printed, StringComparison.Ordinal);
        Assert.False(NxmlDocument.Check(printed).Panel!.View!.Root!.IsImplicit);
    }

    [Fact]
    public void Component_attributes_print_id_first_then_own_props_then_layout_and_action_props_then_the_rest()
    {
        const string Source = """
            <NexusPanel title="Order">
              <Data><State name="items" type="list" /><State name="on" type="boolean" /></Data>
              <Logic><Tool name="pick"><Arg name="id" type="string" /><Handler>return $args.id;</Handler></Tool></Logic>
              <View>
                <Layout gap="sm" data-x="1" strategy="stack" id="root" aria-label="main">
                  <Iterate key="id" as="item" over="{$state.items}">
                    <Action payload="{$scope.item}" args="[$scope.item.id]" trigger="pick" label="Pick" colSpan="4" />
                  </Iterate>
                  <Switch label="On" disabled="false" bind="$state.on" />
                  <Sparkline zeta="1" trigger="pick" alpha="2" id="spark" />
                </Layout>
              </View>
            </NexusPanel>
            """;

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Contains("<Layout id=\"root\" strategy=\"stack\" gap=\"sm\" data-x=\"1\" aria-label=\"main\">", printed, StringComparison.Ordinal);
        Assert.Contains("<Iterate over=\"{$state.items}\" as=\"item\" key=\"id\">", printed, StringComparison.Ordinal);
        Assert.Contains("<Action label=\"Pick\" colSpan=\"4\" trigger=\"pick\" args=\"[$scope.item.id]\" payload=\"{$scope.item}\" />", printed, StringComparison.Ordinal);
        Assert.Contains("<Switch bind=\"$state.on\" label=\"On\" disabled=\"false\" />", printed, StringComparison.Ordinal);
        Assert.Contains("<Sparkline id=\"spark\" trigger=\"pick\" zeta=\"1\" alpha=\"2\" />", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_an_element_does_not_define_are_kept_after_the_defined_ones()
    {
        const string Source = """
            <NexusPanel lang="en" title="Extra" data-owner="me">
              <Data note="d"><State unit="ms" name="n" type="number" /></Data>
              <Logic><Extension source="https://x" name="acme.kv" alias="kv" version="2" /></Logic>
            </NexusPanel>
            """;

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Contains("<NexusPanel title=\"Extra\" lang=\"en\" data-owner=\"me\">", printed, StringComparison.Ordinal);
        Assert.Contains("<Data note=\"d\">", printed, StringComparison.Ordinal);
        Assert.Contains("<State name=\"n\" type=\"number\" unit=\"ms\" />", printed, StringComparison.Ordinal);
        Assert.Contains("<Extension name=\"acme.kv\" alias=\"kv\" source=\"https://x\" version=\"2\" />", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_alias_prints_only_when_it_was_written()
    {
        var printed = RoundTrip.AssertRoundTrips("<NexusPanel title='X'><Logic><Extension name='nexus.http'/><Lifecycle on='mount'><Handler>await $ext.http.get('u')</Handler></Lifecycle></Logic></NexusPanel>");
        Assert.Contains("<Extension name=\"nexus.http\" />", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_is_byte_stable_LF_only_and_ends_with_one_newline()
    {
        var printed = RoundTrip.AssertRoundTrips(
            "<NexusPanel title='N'>\r\n  <!-- two\r\n       lines -->\r\n  <Data>\r\n    <State name='s' type='string' default='a\r\nb' />\r\n  </Data>\r\n"
            + "  <Logic>\r\n    <Handler name='h'>\r\n      a();\r\n      b();\r\n    </Handler>\r\n  </Logic>\r\n  <View><Text>x\r\ny</Text></View>\r\n</NexusPanel>\r\n");
        Assert.DoesNotContain('\r', printed);
        Assert.EndsWith("</NexusPanel>\n", printed, StringComparison.Ordinal);
        Assert.Contains("default=\"a&#13;\nb\"", printed, StringComparison.Ordinal);
        Assert.Contains("<Text>x&#13;\ny</Text>", printed, StringComparison.Ordinal);
    }

    private static Nexus.Nxml.Syntax.PanelNode Parse(string source) => NxmlDocument.Parse(source).Panel!;
}
