using Bunit;
using Nexus.Reactor.Tests;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>The panels written for an earlier host render and work (flex layouts, element text, className, over).</summary>
public sealed class WildPanelTests
{
    [Theory]
    [InlineData("chat.nxml")]
    [InlineData("notes.nxml")]
    public async Task Panel_renders_without_placeholders(string file)
    {
        await using var live = await LivePanel.StartAsync(WildPanel(file));
        var cut = live.Render();

        cut.Until(() => Assert.NotEmpty(cut.FindAll(".nx-input input, .nx-input textarea")));
        Assert.Empty(cut.FindAll(".nx-render-error"));
        Assert.Empty(cut.FindAll(".nx-custom"));
    }

    [Fact]
    public async Task Chat_sends_what_is_typed_and_shows_both_messages()
    {
        await using var live = await LivePanel.StartAsync(WildPanel("chat.nxml"));
        var cut = live.Render();
        cut.Until(() => Assert.Contains("AI Chat Assistant", cut.Markup, StringComparison.Ordinal));
        var send = cut.FindAll(".nx-button button").Single(b => b.TextContent.Trim() == "Send");
        Assert.True(send.HasAttribute("disabled")); // disabled="{!$state.input.trim()}"

        cut.Act(() => cut.Find(".nx-input textarea").Change("Hello there"));
        cut.Until(() => Assert.False(cut.FindAll(".nx-button button").Single(b => b.TextContent.Trim() == "Send").HasAttribute("disabled")));
        cut.Act(() => cut.FindAll(".nx-button button").Single(b => b.TextContent.Trim() == "Send").Click());

        cut.Until(() =>
        {
            Assert.Contains("Hello there", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("I received your message", cut.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("AI Chat Assistant", cut.Markup, StringComparison.Ordinal); // the welcome If is gone
            Assert.NotNull(cut.FindAll(".nx-button button").SingleOrDefault(b => b.TextContent.Trim() == "Clear"));
        });
        Assert.Equal("\"\"", await live.StateJsonAsync("input"));
    }

    private static string WildPanel(string file) => File.ReadAllText(Path.Combine(TestPaths.Conformance, "wild", file));
}
