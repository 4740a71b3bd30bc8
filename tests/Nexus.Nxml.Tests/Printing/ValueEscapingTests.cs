using CsCheck;
using Nexus.Nxml.Printing;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>Attribute values and element text escape as little as possible and always read back unchanged.</summary>
public sealed class ValueEscapingTests
{
    [Theory]
    [InlineData("{$state.a < 5 && $state.ok}", "{$state.a < 5 && $state.ok}")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("&amp;lt;", "&amp;amp;lt;")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("it's", "it's")]
    [InlineData("a\nb\tc", "a\nb\tc")]
    [InlineData("a\r\nb", "a&#13;\nb")]
    [InlineData("&#65;", "&amp;#65;")]
    [InlineData("&#xZZ;", "&amp;#xZZ;")]
    [InlineData("& ; &foo; &#", "& ; &foo; &#")]
    [InlineData("&\"", "&&quot;")]
    [InlineData("&#\"", "&amp;#&quot;")]
    public void Attribute_values_escape_only_what_the_reader_would_change(string value, string printed)
    {
        Assert.Equal(printed, MarkupEscaper.AttributeValue(value));
        Assert.Equal(value, ReadAttribute(printed));
    }

    [Theory]
    [InlineData("a < b", "a &lt; b")]
    [InlineData("x &lt; y", "x &amp;lt; y")]
    [InlineData("Tom & Jerry > 3 \"quoted\"", "Tom & Jerry > 3 \"quoted\"")]
    [InlineData("&<", "&&lt;")]
    [InlineData("&#<", "&amp;#&lt;")]
    public void Element_text_escapes_only_what_the_reader_would_change(string value, string printed)
    {
        Assert.Equal(printed, MarkupEscaper.Text(value));
        Assert.Equal(value, ReadText(printed));
    }

    [Fact]
    public void Text_with_markup_characters_round_trips_in_a_panel()
    {
        var printed = RoundTrip.AssertRoundTrips("<NexusPanel title='T'><View><Text>a &lt; b &amp;&amp; c<![CDATA[ <raw> ]]></Text></View></NexusPanel>");
        Assert.Contains("<Text>a &lt; b && c &lt;raw></Text>", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_value_reads_back_unchanged()
    {
        var tricky = Gen.OneOf('&', '#', ';', 'l', 't', 'g', 'a', 'm', 'p', 'q', 'u', 'o', 's', 'x', '0', '6', '5', 'A', '<', '>', '"', '\'', ' ', '\n', '\r', '\t', '-', ']', 'é', '{', '}');
        var values = tricky.Array[0, 24].Select(chars => new string(chars));

        Check.Sample(values, value =>
        {
            Assert.Equal(value, ReadAttribute(MarkupEscaper.AttributeValue(value)));
            var text = value.Trim(' ', '\t', '\r', '\n');
            if (text.Length > 0)
            {
                Assert.Equal(text, ReadText(MarkupEscaper.Text(text)));
            }
        }, iter: 5_000);
    }

    private static string ReadAttribute(string printed)
    {
        var document = NxmlDocument.Parse($"<NexusPanel title=\"{printed}\" />");
        Assert.True(document.Diagnostics.IsEmpty, ConformanceTests.Describe(document));
        return document.Panel!.Meta.Title!;
    }

    private static string ReadText(string printed)
    {
        var document = NxmlDocument.Parse($"<NexusPanel title=\"t\"><View><Text>{printed}</Text></View></NexusPanel>");
        Assert.True(document.Diagnostics.IsEmpty, ConformanceTests.Describe(document));
        return document.Panel!.View!.Root!.Text!.Value;
    }
}
