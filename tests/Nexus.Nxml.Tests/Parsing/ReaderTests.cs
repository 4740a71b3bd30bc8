using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Parsing;

public sealed class ReaderTests
{
    [Theory]
    [InlineData("<NexusPanel title=\"t\">\n  <Data>\n</NexusPanel>", 3, 1, "expected </Data>")]
    [InlineData("<NexusPanel title=\"t\"><Data></Data></NexusPanel><Extra/>", 1, 49, "one root element")]
    [InlineData("<NexusPanel title=\"t\" title=\"u\"></NexusPanel>", 1, 23, "duplicate attribute 'title'")]
    [InlineData("<NexusPanel title=\"t\" x-custom=\"1\" x-custom=\"2\"></NexusPanel>", 1, 36, "duplicate attribute 'x-custom'")]
    [InlineData("<NexusPanel title=t></NexusPanel>", 1, 19, "must be in quotes")]
    [InlineData("<NexusPanel title></NexusPanel>", 1, 18, "has no value")]
    [InlineData("<NexusPanel title=\"t></NexusPanel>", 1, 19, "never closed")]
    [InlineData("hello <NexusPanel title=\"t\"></NexusPanel>", 1, 1, "text outside the root")]
    [InlineData("<NexusPanel title=\"t\"><!-- open </NexusPanel>", 1, 23, "comment is never closed")]
    [InlineData("<NexusPanel title=\"t\"><Logic><Tool name=\"x\"><Handler>a < b", 1, 46, "<Handler> is never closed")]
    [InlineData("<NexusPanel title=\"&#0;\"></NexusPanel>", 1, 20, "does not name a valid character")]
    [InlineData("<NexusPanel title=\"t\"><?php echo 1 ?></NexusPanel>", 1, 23, "processing instructions")]
    [InlineData("", 1, 1, "empty")]
    public void Malformed_input_is_a_parse_error_at_the_offending_character(string source, int line, int column, string message)
    {
        var document = NxmlDocument.Check(source);
        Assert.Null(document.Panel);
        var error = Assert.Single(document.Diagnostics, d => d.Code == "PARSE_ERROR");
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_handler_text_needs_no_escaping_and_keeps_entities_undecoded()
    {
        var source = "<NexusPanel title=\"t\"><Data><State name=\"s\" type=\"string\"/></Data><Logic><Tool name=\"x\"><Handler>\n"
            + "      if (1 < 2 && 3 > 2) { $state.s = '&amp;' + \"</Tool>\"; }\n"
            + "      return (a => a)(1);\n"
            + "    </Handler></Tool></Logic></NexusPanel>";
        var document = NxmlDocument.Check(source);
        var handler = document.Panel!.Tools.Single().Handler!;
        Assert.Equal("if (1 < 2 && 3 > 2) { $state.s = '&amp;' + \"</Tool>\"; }\nreturn (a => a)(1);", handler.Code);
        Assert.StartsWith("if (1 < 2", source.Substring(handler.CodeSpan.Start.Offset, handler.CodeSpan.Length).Trim(), StringComparison.Ordinal);
        Assert.EndsWith("(1);", source.Substring(handler.CodeSpan.Start.Offset, handler.CodeSpan.Length).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Handler_code_is_dedented_keeping_relative_indentation()
    {
        var source = "<NexusPanel title=\"t\"><Logic><Tool name=\"x\"><Handler>const a = 1;\n        if (a) {\n          return a;\n        }</Handler></Tool></Logic></NexusPanel>";
        var handler = NxmlDocument.Parse(source).Panel!.Tools.Single().Handler!;
        Assert.Equal("const a = 1;\nif (a) {\n  return a;\n}", handler.Code);
    }

    [Fact]
    public void Cdata_handler_content_is_used_as_is()
    {
        var source = "<NexusPanel title=\"t\"><Logic><Tool name=\"x\"><Handler>\n  <![CDATA[return \"]]\" + '</Handler>';]]>\n</Handler></Tool></Logic></NexusPanel>";
        var document = NxmlDocument.Parse(source);
        Assert.Empty(document.Diagnostics);
        Assert.Equal("return \"]]\" + '", document.Panel!.Tools.Single().Handler!.Code[..15]);
    }

    [Fact]
    public void Entities_decode_in_attributes_and_text_and_unknown_ampersands_stay_literal()
    {
        var source = "<NexusPanel title=\"Fish &amp; Chips &lt;3 &#65;&#x42; &copy; a && b\"><View><Text>x &gt; y &unknown;</Text></View></NexusPanel>";
        var panel = NxmlDocument.Parse(source).Panel!;
        Assert.Equal("Fish & Chips <3 AB &copy; a && b", panel.Meta.Title);
        Assert.Equal("x > y &unknown;", panel.View!.Root!.Text!.Value);
    }

    [Fact]
    public void Every_node_and_attribute_has_its_exact_location()
    {
        var source = "<NexusPanel title=\"t\">\n  <Data>\n    <State name=\"count\" type=\"number\" />\n  </Data>\n</NexusPanel>";
        var panel = NxmlDocument.Parse(source).Panel!;
        var state = panel.States.Single();
        Assert.Equal(new SourcePosition(36, 3, 5), state.Span.Start);
        Assert.Equal((3, 41), (state.Span.End.Line, state.Span.End.Column));
        var name = state.Attribute("name")!;
        Assert.Equal((3, 12), (name.NameSpan.Start.Line, name.NameSpan.Start.Column));
        Assert.Equal((3, 18), (name.ValueSpan.Start.Line, name.ValueSpan.Start.Column));
        Assert.Equal((3, 23), (name.ValueSpan.End.Line, name.ValueSpan.End.Column));
        Assert.Equal((2, 3), (panel.Data!.Span.Start.Line, panel.Data.Span.Start.Column));
        Assert.Equal((4, 10), (panel.Data.Span.End.Line, panel.Data.Span.End.Column));
    }

    [Fact]
    public void Crlf_line_ends_count_as_one_line()
    {
        var source = "<NexusPanel title=\"t\">\r\n  <Data>\r\n    <State name=\"1x\" type=\"number\" />\r\n  </Data>\r\n</NexusPanel>\r\n";
        var error = Assert.Single(NxmlDocument.Check(source).Errors);
        Assert.Equal(("INVALID_IDENTIFIER", 3, 18), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_byte_order_mark_and_an_xml_declaration_are_accepted()
    {
        var document = NxmlDocument.Check("\uFEFF<?xml version=\"1.0\"?>\n<NexusPanel title=\"t\"></NexusPanel>");
        Assert.True(document.IsValid, ConformanceTests.Describe(document));
    }

    [Fact]
    public void Several_top_level_view_elements_get_an_implicit_auto_layout()
    {
        var panel = NxmlDocument.Check("<NexusPanel title=\"t\"><View><Text content=\"a\"/><Text content=\"b\"/></View></NexusPanel>").Panel!;
        var root = panel.View!.Root!;
        Assert.True(root.IsImplicit);
        Assert.Equal("Layout", root.Type);
        Assert.Equal("auto", root.Prop("strategy"));
        Assert.Equal(2, root.Children.Length);
    }

    [Fact]
    public void Comments_attach_to_the_element_after_them_and_to_the_end_of_their_section()
    {
        var source = "<!-- head --><NexusPanel title=\"t\"><Data><!-- a --><State name=\"x\" type=\"number\"/><!-- end --></Data></NexusPanel><!-- tail -->";
        var panel = NxmlDocument.Parse(source).Panel!;
        Assert.Equal([" head "], panel.LeadingComments);
        Assert.Equal([" a "], panel.States.Single().LeadingComments);
        Assert.Equal([" end "], panel.Data!.EndComments);
        Assert.Equal([" tail "], panel.TrailingComments);
    }

    [Fact]
    public void Tags_are_split_trimmed_and_empty_entries_dropped()
    {
        var panel = NxmlDocument.Parse("<NexusPanel title=\"t\" tags=\" a, b ,, c ,\"></NexusPanel>").Panel!;
        Assert.Equal(["a", "b", "c"], panel.Meta.Tags);
    }
}
