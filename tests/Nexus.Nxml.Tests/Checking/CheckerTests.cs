using Nexus.Nxml.Diagnostics;

namespace Nexus.Nxml.Tests.Checking;

public sealed class CheckerTests
{
    private static Diagnostic Single(string source, string code)
    {
        var document = NxmlDocument.Check(source);
        return Assert.Single(document.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void A_syntax_error_in_handler_code_points_at_the_character_in_the_file()
    {
        var source = """
            <NexusPanel title="t">
              <Data><State name="x" type="number" /></Data>
              <Logic>
                <Tool name="t">
                  <Handler>
                    const a = 1;
                    $state.x = (a + ;
                  </Handler>
                </Tool>
              </Logic>
              <View><Button label="go" trigger="t" /><Text content="{$state.x}" /></View>
            </NexusPanel>
            """;
        var error = Single(source, "INVALID_HANDLER_SYNTAX");
        Assert.Equal((7, 25), (error.Line, error.Column));
        Assert.Equal(["logic", "tools", "t", "handler"], error.Path);
    }

    [Fact]
    public void A_reference_in_a_cdata_handler_points_into_the_file()
    {
        var source = "<NexusPanel title=\"t\">\n<Logic><Tool name=\"t\"><Handler><![CDATA[\n  let y = 1;\n  y += $state.nope;\n]]></Handler></Tool></Logic></NexusPanel>";
        var error = Single(source, "UNDEFINED_STATE_REFERENCE");
        Assert.Equal((4, 8), (error.Line, error.Column));
        Assert.Equal((4, 19), (error.EndLine, error.EndColumn));
    }

    [Fact]
    public void An_error_in_an_expression_after_an_entity_points_at_the_right_column()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"a\" type=\"number\"/></Data><View><Text content=\"{$state.a &lt; 2 &amp;&amp; $state.b}\"/></View></NexusPanel>";
        var error = Single(source, "UNDEFINED_STATE_REFERENCE");
        var column = source.IndexOf("$state.b", StringComparison.Ordinal) + 1;
        Assert.Equal((1, column), (error.Line, error.Column));
    }

    [Fact]
    public void An_error_in_interpolated_element_text_points_into_the_text()
    {
        var source = "<NexusPanel title=\"t\"><View>\n  <Text>\n    Hello {$state.who}\n  </Text>\n</View></NexusPanel>";
        var error = Single(source, "UNDEFINED_STATE_REFERENCE");
        Assert.Equal((3, 12), (error.Line, error.Column));
        Assert.Equal(["view", "root", "text"], error.Path);
    }

    [Fact]
    public void Expressions_cannot_reach_handler_globals_or_change_state()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"a\" type=\"list\"/></Data><View>"
            + "<Text content=\"{$state.a.push(1)}\"/><Text content=\"{$tools.x()}\"/><If condition=\"$log('x')\"><Text content=\"y\"/></If></View></NexusPanel>";
        var document = NxmlDocument.Check(source);
        var messages = document.Diagnostics.Where(d => d.Code == "INVALID_EXPRESSION").Select(d => d.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Contains("cannot change state", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("$tools is not available", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("$log is not available", StringComparison.Ordinal));
    }

    [Fact]
    public void Changing_a_fresh_copy_in_an_expression_is_fine()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"a\" type=\"list\"/></Data><View>"
            + "<Iterate items=\"{$state.a.filter(x => x).reverse()}\" as=\"i\"><Text content=\"{$state.a.slice().sort().join(',')}\"/></Iterate></View></NexusPanel>";
        var document = NxmlDocument.Check(source);
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
    }

    [Fact]
    public void Expression_props_accept_an_object_literal_with_or_without_extra_braces()
    {
        var source = """
            <NexusPanel title="t">
              <Data><State name="rows" type="list" /></Data>
              <Logic><Tool name="pick"><Arg name="id" type="number" /><Handler>$state.rows = [$args.id];</Handler></Tool></Logic>
              <View>
                <Iterate items="$state.rows" as="row">
                  <Button label="a" trigger="pick" args="{ id: $scope.row.id }" />
                  <Button label="b" trigger="pick" args="{{ id: $scope.row.id }}" />
                  <Button label="c" trigger="pick" args="[$scope.row.id]" />
                  <Button label="d" trigger="pick" args="{[$scope.row.id]}" />
                </Iterate>
              </View>
            </NexusPanel>
            """;
        var document = NxmlDocument.Check(source);
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
    }

    [Fact]
    public void An_unclosed_brace_in_a_prop_is_an_invalid_expression()
    {
        var error = Single("<NexusPanel title=\"t\"><View><Text content=\"Hello {name\"/></View></NexusPanel>", "INVALID_EXPRESSION");
        Assert.Equal(1, error.Line);
        Assert.Equal("<NexusPanel title=\"t\"><View><Text content=\"Hello ".Length + 1, error.Column);
    }

    [Fact]
    public void Literal_braces_are_written_doubled()
    {
        var document = NxmlDocument.Check("<NexusPanel title=\"t\"><View><Text content=\"{{not code}}\"/></View></NexusPanel>");
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
    }

    [Fact]
    public void Braces_inside_strings_and_templates_do_not_end_an_expression()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"n\" type=\"string\"/></Data><View><Text content=\"{ '}' + `${$state.n + '}'}` + \"{\" }\"/></View></NexusPanel>";
        var document = NxmlDocument.Check(source.Replace("\"{\"", "'{'", StringComparison.Ordinal));
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
    }

    [Fact]
    public void Writes_to_a_computed_are_reported_also_when_deep()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"l\" type=\"list\"/><Computed name=\"c\" value=\"$state.l.slice()\"/></Data>"
            + "<Logic><Tool name=\"t\"><Handler>$state.c.push(1); $state.c[0].x = 2;</Handler></Tool></Logic><View><Button label=\"t\" trigger=\"t\"/></View></NexusPanel>";
        var document = NxmlDocument.Check(source);
        Assert.Equal(2, document.Diagnostics.Count(d => d.Code == "COMPUTED_NOT_WRITABLE"));
    }

    [Fact]
    public void Scope_references_in_handlers_are_invalid()
    {
        var error = Single("<NexusPanel title=\"t\"><Logic><Tool name=\"t\"><Handler>return $scope.item;</Handler></Tool></Logic></NexusPanel>", "INVALID_SCOPE_REFERENCE");
        Assert.Contains("outside any <Iterate>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_iterate_variable_is_not_in_scope_in_its_own_items()
    {
        var source = "<NexusPanel title=\"t\"><View><Iterate items=\"{$scope.r}\" as=\"r\"><Text content=\"{$scope.r}\"/></Iterate></View></NexusPanel>";
        var errors = NxmlDocument.Check(source).Errors.ToList();
        var error = Assert.Single(errors);
        Assert.Equal("INVALID_SCOPE_REFERENCE", error.Code);
        Assert.Equal(["view", "root", "props", "items"], error.Path);
    }

    [Fact]
    public void Ids_inside_an_iterate_are_per_item_but_cannot_reuse_an_outer_id()
    {
        var source = "<NexusPanel title=\"t\"><View><Layout><Text id=\"a\" content=\"x\"/>"
            + "<Iterate items=\"[1]\" as=\"i\"><Text id=\"row\" content=\"x\"/><Text id=\"a\" content=\"y\"/></Iterate>"
            + "<Iterate items=\"[2]\" as=\"j\"><Text id=\"row\" content=\"x\"/></Iterate></Layout></View></NexusPanel>";
        var error = Assert.Single(NxmlDocument.Check(source).Errors);
        Assert.Equal("DUPLICATE_VIEW_ID", error.Code);
        Assert.Contains("\"a\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_a_content_attribute_together_are_an_error()
    {
        var error = Single("<NexusPanel title=\"t\"><View><Text content=\"a\">b</Text></View></NexusPanel>", "INVALID_PROP_VALUE");
        Assert.Contains("both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_directly_in_a_layout_is_an_error()
    {
        Single("<NexusPanel title=\"t\"><View><Layout>hello</Layout></View></NexusPanel>", "UNKNOWN_ELEMENT");
    }

    [Fact]
    public void Compatibility_forms_of_earlier_hosts_check_clean()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"rows\" type=\"list\"/></Data><View>"
            + "<Layout strategy=\"flex\" direction=\"row\" justify=\"space-between\" align=\"center\">"
            + "<Iterate over=\"{$state.rows}\" as=\"r\"><Text>{$scope.r.name}</Text></Iterate></Layout></View></NexusPanel>";
        var document = NxmlDocument.Check(source);
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
        Assert.Null(document.Panel!.View!.Root!.Children[0].Layout);
    }

    [Fact]
    public void Colspan_must_be_between_1_and_12()
    {
        Single("<NexusPanel title=\"t\"><View><Text content=\"a\" colSpan=\"13\"/></View></NexusPanel>", "INVALID_PROP_VALUE");
    }

    [Fact]
    public void Registered_custom_components_do_not_warn()
    {
        var source = "<NexusPanel title=\"t\"><View><Kanban columns=\"3\"/></View></NexusPanel>";
        Assert.Single(NxmlDocument.Check(source).Warnings, w => w.Code == "UNKNOWN_COMPONENT");
        var options = new CheckOptions { KnownComponents = new HashSet<string>(StringComparer.Ordinal) { "Kanban" } };
        Assert.Empty(NxmlDocument.Check(source, options).Diagnostics);
    }

    [Fact]
    public void Dynamic_state_access_silences_unused_state_warnings()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"a\" type=\"number\"/></Data><Logic><Tool name=\"t\"><Arg name=\"k\" type=\"string\"/><Handler>return $state[$args.k];</Handler></Tool></Logic><View><Button label=\"b\" trigger=\"t\" args=\"['a']\"/></View></NexusPanel>";
        Assert.Empty(NxmlDocument.Check(source).Diagnostics);
    }

    [Fact]
    public void A_circular_computed_names_the_cycle()
    {
        var source = "<NexusPanel title=\"t\"><Data><Computed name=\"a\" value=\"$state.b + 1\"/><Computed name=\"b\" value=\"$state.c\"/><Computed name=\"c\" value=\"$state.a\"/><Computed name=\"d\" value=\"$state.a\"/></Data></NexusPanel>";
        var cycles = NxmlDocument.Check(source).Diagnostics.Where(d => d.Code == "CIRCULAR_COMPUTED").ToList();
        Assert.Equal(3, cycles.Count);
        Assert.Contains(cycles, d => d.Message.Contains("a -> b -> c -> a", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("number", "-2.5", true)]
    [InlineData("number", "1e3", true)]
    [InlineData("number", "0x1F", true)]
    [InlineData("number", "1_000", true)]
    [InlineData("number", ".5", true)]
    [InlineData("number", "NaN", false)]
    [InlineData("number", "Infinity", false)]
    [InlineData("number", "1e999", false)]
    [InlineData("number", "", false)]
    [InlineData("boolean", "true", true)]
    [InlineData("boolean", "True", false)]
    [InlineData("list", "[1, {\"a\": 2}]", true)]
    [InlineData("list", "{}", false)]
    [InlineData("object", "{\"a\": [1]}", true)]
    [InlineData("object", "{a: 1}", false)]
    [InlineData("string", "anything at all", true)]
    public void Defaults_are_read_by_type(string type, string value, bool valid)
    {
        var source = $"<NexusPanel title=\"t\"><Data><State name=\"s\" type=\"{type}\" default='{value}'/></Data><View><Text content=\"{{$state.s}}\"/></View></NexusPanel>";
        var document = NxmlDocument.Check(source);
        Assert.Equal(valid, document.IsValid);
        if (!valid)
        {
            Assert.Equal("INVALID_DEFAULT_VALUE", Assert.Single(document.Errors).Code);
        }
    }

    [Fact]
    public void Diagnostics_are_ordered_by_position()
    {
        var document = ConformanceTests.Check(Path.Combine("nxml", "err-many-at-once.nxml"));
        var positions = document.Diagnostics.Select(d => (d.Line, d.Column)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.True(document.Diagnostics.Length >= 5);
    }
}
