namespace Nexus.Nxml.Tests.Parsing;

/// <summary>Comment text has its line ends normalized as in XML, so that it does not depend on the file's line ends.</summary>
public sealed class CommentLineEndTests
{
    [Fact]
    public void CRLF_and_lone_CR_in_comments_read_as_LF()
    {
        var panel = NxmlDocument.Parse("<!-- a\r\nb -->\r\n<NexusPanel title='C'>\r\n  <!-- c\rd -->\r\n  <View />\r\n</NexusPanel>\r\n").Panel!;

        Assert.Equal(" a\nb ", Assert.Single(panel.LeadingComments));
        Assert.Equal(" c\nd ", Assert.Single(panel.View!.LeadingComments));
    }
}
