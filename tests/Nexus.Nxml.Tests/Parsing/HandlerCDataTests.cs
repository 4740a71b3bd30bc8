namespace Nexus.Nxml.Tests.Parsing;

/// <summary>
/// §1.1: handler text is raw up to the closing tag, and a CDATA section inside is accepted with its content
/// used as is. The CDATA section must protect a "&lt;/Handler&gt;" inside it, as in XML: it is the only way
/// to write handler code that mentions the closing tag (and the form the printer uses for such code).
/// </summary>
public sealed class HandlerCDataTests
{
    [Fact]
    public void A_closing_tag_inside_a_CDATA_section_does_not_end_the_handler()
    {
        var document = NxmlDocument.Check("""
            <NexusPanel title="T">
              <Logic>
                <Tool name="t">
                  <Handler><![CDATA[
                    $log("</Handler>");
                    return '</Handler >'.length;
                  ]]></Handler>
                </Tool>
              </Logic>
            </NexusPanel>
            """);

        Assert.True(document.IsValid, ConformanceTests.Describe(document));
        var handler = Assert.Single(document.Panel!.Tools).Handler!;
        Assert.Equal("$log(\"</Handler>\");\nreturn '</Handler >'.length;", handler.Code);
    }

    [Fact]
    public void Raw_code_after_an_unclosed_CDATA_start_still_ends_at_the_first_closing_tag()
    {
        var document = NxmlDocument.Parse("""<NexusPanel title="T"><Logic><Handler name="h"> <![CDATA[ x </Handler></Logic></NexusPanel>""");

        var handler = Assert.Single(document.Panel!.Logic!.Handlers);
        Assert.Equal("<![CDATA[ x", handler.Code);
    }

    [Fact]
    public void Code_that_only_starts_with_a_CDATA_section_is_raw_text()
    {
        var document = NxmlDocument.Parse("""<NexusPanel title="T"><Logic><Handler name="h"><![CDATA[a]]> + b</Handler></Logic></NexusPanel>""");

        Assert.Equal("<![CDATA[a]]> + b", Assert.Single(document.Panel!.Logic!.Handlers).Code);
    }
}
