using Nexus.Nxml.Printing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>Handler code survives printing byte for byte; only its indentation changes.</summary>
public sealed class HandlerPrintingTests
{
    [Fact]
    public void Code_that_mentions_the_closing_tag_prints_in_a_CDATA_section()
    {
        const string Source = """
            <NexusPanel title="H">
              <Logic>
                <Tool name="one"><Handler><![CDATA[return "</Handler>";]]></Handler></Tool>
                <Tool name="many">
                  <Handler><![CDATA[
                    const html = '<b>' + "</Handler>";
                    return html.length;
                  ]]></Handler>
                </Tool>
              </Logic>
            </NexusPanel>
            """;

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Contains("<Handler><![CDATA[return \"</Handler>\";]]></Handler>", printed, StringComparison.Ordinal);
        Assert.Contains("<Handler><![CDATA[\n        const html = '<b>' + \"</Handler>\";\n        return html.length;\n      ]]></Handler>", printed, StringComparison.Ordinal);
        Assert.Equal(["return \"</Handler>\";", "const html = '<b>' + \"</Handler>\";\nreturn html.length;"], Codes(printed));
    }

    [Fact]
    public void Tabs_and_mixed_indentation_inside_the_code_are_kept()
    {
        const string Source = "<NexusPanel title=\"H\"><Logic><Handler name=\"h\">\n\tif (a) {\n\t\tb();\n\t  c();\n\t}\n</Handler></Logic></NexusPanel>";

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Equal(["if (a) {\n\tb();\n  c();\n}"], Codes(printed));
        Assert.Contains("    <Handler name=\"h\">\n      if (a) {\n      \tb();\n        c();\n      }\n    </Handler>\n", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_that_starts_on_the_tag_line_and_blank_lines_inside_keep_their_shape()
    {
        const string Source = "<NexusPanel title=\"H\"><Logic><Handler name=\"h\">first();\n          second();\n\n            third();   \n          last();</Handler></Logic></NexusPanel>";

        var printed = RoundTrip.AssertRoundTrips(Source);
        Assert.Equal(["first();\nsecond();\n\n  third();   \nlast();"], Codes(printed));
    }

    [Fact]
    public void Code_with_a_CDATA_end_but_no_closing_tag_prints_raw()
    {
        var printed = RoundTrip.AssertRoundTrips("""<NexusPanel title="H"><Logic><Handler name="h">return "</Handler" + a[b[0]]>1;</Handler></Logic></NexusPanel>""");

        Assert.Contains("""<Handler name="h">return "</Handler" + a[b[0]]>1;</Handler>""", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_that_starts_like_a_CDATA_section_is_wrapped_in_one()
    {
        var printed = RoundTrip.AssertRoundTrips("""<NexusPanel title="H"><Logic><Handler name="h"><![CDATA[<![CDATA[x]]></Handler></Logic></NexusPanel>""");

        Assert.Equal(["<![CDATA[x"], Codes(printed));
        Assert.Contains("<Handler name=\"h\"><![CDATA[<![CDATA[x]]></Handler>", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<![CDATA[\n  x <![CDATA[ a ]]> 3\n]]>", "<![CDATA[\n  x <![CDATA[ a ]]> 3\n]]>")]
    [InlineData("<![CDATA[ \"</Handler>\" ]]> + x", "<![CDATA[ \"</Handler>\" ]]> + x")]
    public void Code_that_opens_like_a_CDATA_section_but_is_not_one_prints_raw(string content, string code)
    {
        var printed = RoundTrip.AssertRoundTrips($"<NexusPanel title=\"H\"><Logic><Handler name=\"h\">{content}</Handler></Logic></NexusPanel>");

        Assert.Equal([code], Codes(printed));
        Assert.DoesNotContain("<Handler name=\"h\"><![CDATA[<![CDATA[", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_neither_form_can_carry_is_refused()
    {
        var panel = NxmlDocument.Parse("""<NexusPanel title="H"><Logic><Handler name="h">x</Handler></Logic></NexusPanel>""").Panel!;
        var handler = panel.Logic!.Handlers[0] with { Code = "a = '</Handler>' + b[c[0]]>1;" };
        var broken = panel with { Logic = panel.Logic with { Handlers = [handler] } };

        var error = Assert.Throws<NotSupportedException>(() => NxmlPrinter.Print(broken));
        Assert.Contains("</Handler>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Handler></Handler>")]
    [InlineData("<Handler>  \n   </Handler>")]
    [InlineData("<Handler/>")]
    [InlineData("<Handler><![CDATA[ ]]></Handler>")]
    public void Empty_code_prints_a_self_closing_handler(string handler)
    {
        var printed = RoundTrip.AssertRoundTrips($"<NexusPanel title='H'><Logic><Tool name='t'>{handler}</Tool></Logic></NexusPanel>");

        Assert.Contains("<Tool name=\"t\">\n      <Handler />\n    </Tool>", printed, StringComparison.Ordinal);
        Assert.Equal([string.Empty], Codes(printed));
    }

    [Fact]
    public void Raw_code_keeps_markup_characters_and_entities_literal()
    {
        const string Code = "if ($state.a < 5 && $state.b > 1) { $state.msg = `&lt; ${$state.a} &amp; <br/>`; }";
        var printed = RoundTrip.AssertRoundTrips($"<NexusPanel title='H'><Data><State name='a' type='number'/><State name='b' type='number'/><State name='msg' type='string'/></Data><Logic><Tool name='t'><Handler>{Code}</Handler></Tool></Logic></NexusPanel>");

        Assert.Contains($"<Handler>{Code}</Handler>", printed, StringComparison.Ordinal);
    }

    private static List<string> Codes(string printed)
    {
        var logic = NxmlDocument.Parse(printed).Panel!.Logic!;
        return [.. logic.Handlers.Concat(logic.Tools.Select(t => t.Handler!)).Select(static (HandlerNode h) => h.Code)];
    }
}
