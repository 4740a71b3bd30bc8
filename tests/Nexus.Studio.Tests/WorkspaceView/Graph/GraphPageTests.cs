using Bunit;
using Nexus.Graph;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.Graph;

namespace Nexus.Studio.Tests.WorkspaceView.Graph;

/// <summary>The graph page over a live workspace: nodes, legend, filters, the selected entity's pane, live refresh.</summary>
public sealed class GraphPageTests
{
    [Fact]
    public async Task The_page_draws_every_entity_in_its_categorys_colour_with_a_legend()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;

        var page = RenderPage(live, port);

        var nodes = page.FindAll("[data-entity-node]");
        Assert.Equal(live.Workspace.Nog.Current.Graph.Entities.Select(e => e.Id).Order(), nodes.Select(n => n.GetAttribute("data-entity-node")).Order());
        Assert.Equal(["component", "data", "action"], page.FindAll("[data-legend-category]").Select(c => c.GetAttribute("data-legend-category")));
        var dataColour = page.Find("[data-legend-category=data]").GetAttribute("data-color");
        Assert.Equal(CategoryPalette.ColorOf(EntityCategory.Data), dataColour);
        Assert.Contains(dataColour!, page.Find("[data-entity-node='state:tasks/items']").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("6", page.Find("[data-graph-canvas]").GetAttribute("data-nodes"));
        Assert.Equal(live.Workspace.Nog.Current.Graph.RelationshipCount.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-graph-canvas]").GetAttribute("data-links"));
    }

    [Fact]
    public async Task Clicking_a_category_in_the_legend_hides_its_nodes_but_not_the_selection_and_clicking_again_shows_them()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;
        var page = RenderPage(live, port);
        page.Find("[data-entity-item='state:tasks/items']").Click();
        page.Until(() => Assert.NotNull(page.Find("[data-section=entity-details][data-entity='state:tasks/items']")));
        Assert.Empty(page.FindAll("[data-hidden-by-filter]"));

        page.Find("[data-legend-category=data]").Click();

        page.Until(() => Assert.Empty(page.FindAll("[data-entity-node][data-category=data]")));
        // The selection stays, marked as hidden on the canvas.
        Assert.NotNull(page.Find("[data-section=entity-details][data-entity='state:tasks/items'] [data-hidden-by-filter]"));
        Assert.Equal("no", page.Find("[data-legend-category=data]").GetAttribute("data-shown"));
        Assert.Equal(3, page.FindAll("[data-entity-node]").Count);
        Assert.Empty(page.FindAll("[data-entity-item='state:tasks/items']"));

        page.Find("[data-legend-category=data]").Click();
        page.Until(() => Assert.Equal(6, page.FindAll("[data-entity-node]").Count));
    }

    [Fact]
    public async Task Hiding_a_panel_hides_its_nodes()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;
        await live.Workspace.AddPanelAsync(GraphFixtures.Notes);
        var page = RenderPage(live, port);

        page.Find("[data-panel-filter=tasks]").Click();

        page.Until(() => Assert.Equal(["panel:notes", "state:notes/text"], page.FindAll("[data-entity-node]").Select(n => n.GetAttribute("data-entity-node")).Order()));
    }

    [Fact]
    public async Task Selecting_an_entity_shows_its_properties_and_neighbours_and_a_neighbour_can_be_selected_next()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;
        Assert.True((await live.Workspace.ApplyGraphPatchesAsync(GraphFixtures.Planning())).Succeeded);
        var page = RenderPage(live, port);
        Assert.NotNull(page.Find("[data-empty=selection]"));

        page.Find("input[data-field=entity-search]").Input("planning");
        page.Until(() => Assert.Single(page.FindAll("[data-entity-item]")));
        page.Find("[data-entity-item='concept:planning']").Click();

        page.Until(() => Assert.Equal("concept:planning", page.Find("[data-section=entity-details]").GetAttribute("data-entity")));
        Assert.Equal("concept", page.Find("[data-field=category]").TextContent);
        Assert.Equal("none (authored)", page.Find("[data-field=panel]").TextContent);
        Assert.Equal("ada", page.Find("[data-property-value=owner]").TextContent);
        Assert.Equal("2", page.Find("[data-property-value=priority]").TextContent);
        Assert.Equal("in", page.Find("[data-neighbor='panel:tasks']").GetAttribute("data-direction"));
        Assert.Contains("implements", page.Find("[data-neighbor='panel:tasks']").TextContent, StringComparison.Ordinal);

        page.Find("[data-neighbor='panel:tasks']").Click();

        page.Until(() => Assert.Equal("panel:tasks", page.Find("[data-section=entity-details]").GetAttribute("data-entity")));
        Assert.Equal("tasks", page.Find("[data-field=panel]").TextContent);
        Assert.Equal(6, page.FindAll("[data-section=neighbors] [data-neighbor]").Count);
        Assert.Contains("selected", page.Find("[data-entity-node='panel:tasks']").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_the_graph_shows_without_a_reload_and_the_selection_stays()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;
        var page = RenderPage(live, port);
        page.Find("[data-entity-item='tool:tasks/add']").Click();
        page.Until(() => Assert.NotNull(page.Find("[data-section=entity-details][data-entity='tool:tasks/add']")));

        Assert.True((await live.Workspace.ApplyGraphPatchesAsync(GraphFixtures.Planning())).Succeeded);

        page.Until(() => Assert.NotNull(page.Find("[data-entity-node='concept:planning']")));
        Assert.Equal("tool:tasks/add", page.Find("[data-section=entity-details]").GetAttribute("data-entity"));

        await live.Workspace.RemovePanelAsync("tasks");

        page.Until(() => Assert.Equal(["concept:planning"], page.FindAll("[data-entity-node]").Select(n => n.GetAttribute("data-entity-node"))));
        Assert.Empty(page.FindAll("[data-section=entity-details]"));
    }

    [Fact]
    public async Task An_empty_graph_says_so()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;
        await live.Workspace.RemovePanelAsync("tasks");

        var page = RenderPage(live, port, ready: "[data-empty=graph]");

        Assert.Contains("The graph is empty", page.Find("[data-empty=graph]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-graph-canvas]"));
    }

    [Fact]
    public async Task A_workspace_the_user_is_not_a_member_of_is_not_found()
    {
        var (live, port) = await GraphFixtures.StartAsync();
        await using var _ = live;

        var page = live.Bunit.Render<GraphPage>(p => p.Add(g => g.WorkspaceId, Guid.NewGuid()));

        page.Until(() => Assert.NotNull(page.Find($"[data-refusal={PlatformRefusalException.NotFound}]")));
        Assert.Empty(page.FindAll("[data-entity-node]"));
    }

    /// <summary>The page in a host with the layout's providers, once it shows <paramref name="ready"/>.</summary>
    private static IRenderedComponent<GraphPageHost> RenderPage(LivePanel live, OneWorkspace port, string ready = "[data-entity-node]")
    {
        var page = live.Bunit.Render<GraphPageHost>(p => p.Add(h => h.WorkspaceId, port.WorkspaceId));
        page.Until(() => Assert.NotEmpty(page.FindAll(ready)));
        return page;
    }
}
