using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

public sealed class ViewValuesTests
{
    [Theory]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("true", true)]
    [InlineData("-1.5", true)]
    [InlineData("\"0\"", true)]
    [InlineData("[]", true)]
    [InlineData("{}", true)]
    public void Truthiness_is_javascripts(string json, bool truthy) =>
        Assert.Equal(truthy, ViewValues.IsTruthy(JsonNode.Parse(json)));

    [Fact]
    public void Numbers_read_the_same_whatever_they_were_made_from()
    {
        Assert.True(ViewValues.TryNumber(JsonValue.Create(3), out var fromInt));
        Assert.Equal(3, fromInt);
        Assert.True(ViewValues.TryNumber(JsonNode.Parse("2.5"), out var parsed));
        Assert.Equal(2.5, parsed);
        Assert.False(ViewValues.TryNumber(JsonValue.Create("3"), out _));
        Assert.False(ViewValues.IsTruthy(JsonValue.Create(0)));
    }

    [Fact]
    public void Values_display_as_interpolations_show_them()
    {
        Assert.Equal(string.Empty, ViewValues.Display(null));
        Assert.Equal("text", ViewValues.Display(JsonValue.Create("text")));
        Assert.Equal("1.5", ViewValues.Display(JsonNode.Parse("1.5")));
        Assert.Equal("[1,\"a\"]", ViewValues.Display(JsonNode.Parse("[1,\"a\"]")));
    }
}
