using Bunit;
using Nexus.Studio.Rendering;
using Nexus.Studio.Rendering.Components;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Elements that fail to render, and elements nobody registered.</summary>
public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task An_element_that_fails_to_render_is_replaced_by_a_placeholder_and_the_rest_keeps_working()
    {
        await using var live = await LivePanel.StartAsync(
            Panels.Source(
                """<State name="n" type="number" default="0" />""",
                """<Tool name="inc"><Handler>$state.n = $state.n + 1;</Handler></Tool>""",
                """
                <Text className="before">before</Text>
                <Exploding what="{'the answer ' + $state.n}" />
                <Button label="Count {$state.n}" trigger="inc" />
                """),
            components: registry => registry.Register("Exploding", typeof(Exploding)));
        var cut = live.Render();

        cut.Until(() =>
        {
            var placeholder = cut.Find(".nx-render-error");
            Assert.Equal("Exploding", placeholder.GetAttribute("data-element"));
            Assert.Contains("the exploding component cannot render the answer 0", placeholder.TextContent, StringComparison.Ordinal);
            Assert.Equal("before", cut.Find(".before").TextContent.Trim());
        });

        cut.Act(() => cut.Find(".nx-button button").Click());

        cut.Until(() => Assert.Equal("Count 1", cut.Find(".nx-button button").TextContent.Trim()));
        Assert.Single(cut.FindAll(".nx-render-error"));
    }

    [Fact]
    public async Task An_unknown_component_renders_as_a_labelled_placeholder_that_keeps_its_children()
    {
        await using var live = await LivePanel.StartAsync(Panels.View("""
            <Kanban columns="3"><Text className="inside">still here</Text></Kanban>
            <Text className="after">after</Text>
            """));
        var cut = live.Render();

        cut.Until(() =>
        {
            var placeholder = cut.Find(".nx-custom");
            Assert.Equal("Kanban", placeholder.GetAttribute("data-element"));
            Assert.Contains("Custom component <Kanban>", placeholder.TextContent, StringComparison.Ordinal);
            Assert.Equal("still here", placeholder.QuerySelector(".inside")!.TextContent.Trim());
            Assert.Equal("after", cut.Find(".after").TextContent.Trim());
        });
    }

    [Fact]
    public void Only_view_components_can_be_registered()
    {
        var registry = new ComponentRegistry();

        var error = Assert.Throws<ArgumentException>(() => registry.Register("Map", typeof(string)));
        Assert.Contains("derives from NxmlComponentBase", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => registry.Register(" ", typeof(NxmlText)));
        Assert.Equal(typeof(NxmlCustomPlaceholder), registry.Resolve("Map"));

        registry.Register("Map", typeof(NxmlText));
        Assert.Equal(typeof(NxmlText), registry.Resolve("Map"));
        Assert.Equal(typeof(NxmlButton), registry.Resolve("Action"));
    }

    [Fact]
    public async Task A_view_element_outside_a_panel_view_says_where_it_belongs()
    {
        await using var live = await LivePanel.StartAsync(Panels.View("""<Text>x</Text>"""));
        var text = live.Session.ViewRoot!;

        var error = Assert.Throws<InvalidOperationException>(() => live.Bunit.Render<NxmlText>(p => p.Add(t => t.Node, text)));

        Assert.Contains("inside an NxmlPanelView", error.Message, StringComparison.Ordinal);
    }
}
