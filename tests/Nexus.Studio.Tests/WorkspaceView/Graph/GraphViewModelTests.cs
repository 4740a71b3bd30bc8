using Nexus.Graph;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.Graph;
using Nexus.Workspace;

namespace Nexus.Studio.Tests.WorkspaceView.Graph;

/// <summary>The NOG view's model over a real workspace whose panels derive entities, and patches add more.</summary>
public sealed class GraphViewModelTests
{
    [Fact]
    public async Task Every_category_has_its_own_colour_whatever_the_graph_holds()
    {
        var colours = Enum.GetValues<EntityCategory>().Select(CategoryPalette.ColorOf).ToList();
        await using var live = await LivePanel.StartAsync(GraphFixtures.Notes);
        var model = Snapshot(live.Workspace);

        Assert.Equal(colours.Count, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(colours, c => Assert.Matches("^#[0-9a-f]{6}$", c));
        // Only component and data are present here; the colours are those of the palette all the same.
        Assert.Equal([EntityCategory.Component, EntityCategory.Data], model.Categories);
        Assert.Equal(colours[(int)EntityCategory.Data], CategoryPalette.ColorOf(model.Categories[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CategoryPalette.ColorOf((EntityCategory)99));
    }

    [Fact]
    public async Task Hiding_a_category_hides_its_entities_and_every_relationship_touching_them()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        var model = Snapshot(live.Workspace);
        var allRelationships = model.VisibleRelationships.Count;
        Assert.Contains(model.VisibleRelationships, r => r.To == "state:tasks/items");

        model.ShowCategory(EntityCategory.Data, shown: false);

        Assert.Equal(["panel:tasks", "tool:tasks/add", "tool:tasks/clear"], model.VisibleEntities.Select(e => e.Id));
        var visible = model.VisibleEntities.Select(e => e.Id).ToHashSet();
        Assert.NotEmpty(model.VisibleRelationships);
        Assert.All(model.VisibleRelationships, r => Assert.True(visible.Contains(r.From) && visible.Contains(r.To), r.Id));
        Assert.False(model.IsCategoryShown(EntityCategory.Data));

        model.ShowCategory(EntityCategory.Data, shown: true);
        Assert.Equal(6, model.VisibleEntities.Count);
        Assert.Equal(allRelationships, model.VisibleRelationships.Count);
    }

    [Fact]
    public async Task Hiding_a_panel_hides_what_it_derives_and_the_authored_links_to_it()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        await live.Workspace.AddPanelAsync(GraphFixtures.Notes);
        Assert.True((await live.Workspace.ApplyGraphPatchesAsync(GraphFixtures.Planning())).Succeeded);
        var model = Snapshot(live.Workspace);
        Assert.Equal(["notes", "tasks", GraphViewModel.NoPanel], model.Panels);

        model.ShowPanel("tasks", shown: false);

        Assert.Equal(["concept:planning", "panel:notes", "state:notes/text"], model.VisibleEntities.Select(e => e.Id));
        Assert.Equal(["contains:panel:notes->state:notes/text"], model.VisibleRelationships.Select(r => r.Id));

        model.ShowPanel(GraphViewModel.NoPanel, shown: false);
        Assert.DoesNotContain(model.VisibleEntities, e => e.Id == "concept:planning");
    }

    [Fact]
    public async Task The_selected_entitys_neighbours_are_its_relationships_in_both_directions()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        var model = Snapshot(live.Workspace);

        Assert.True(model.Select("state:tasks/items"));

        Assert.Equal("items", model.Selected!.Name);
        Assert.DoesNotContain(model.Neighbors, n => n.Outgoing);
        Assert.Contains(model.Neighbors, n => n.Other.Id == "panel:tasks" && n.Label == "contains");
        Assert.Contains(model.Neighbors, n => n.Other.Id == "tool:tasks/clear" && n.Label == "transforms");
        Assert.Contains(model.Neighbors, n => n.Other.Id == "computed:tasks/open" && n.Label == "depends_on");
        var graph = live.Workspace.Nog.Current.Graph;
        Assert.Equal(graph.Incoming("state:tasks/items").Select(r => r.Id).Order(), model.Neighbors.Select(n => n.Relationship.Id).Order());

        Assert.True(model.Select("panel:tasks"));
        Assert.All(model.Neighbors, n => Assert.True(n.Outgoing));
        Assert.Equal(5, model.Neighbors.Count);
    }

    [Fact]
    public async Task Selecting_an_unknown_entity_selects_nothing()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        var model = Snapshot(live.Workspace);
        model.Select("panel:tasks");

        Assert.False(model.Select("state:tasks/nope"));

        Assert.Null(model.Selected);
        Assert.Empty(model.Neighbors);
        Assert.True(model.Select(null));
    }

    [Fact]
    public async Task A_refresh_keeps_the_filters_and_the_selection_while_the_entity_exists()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        var model = Snapshot(live.Workspace);
        model.Select("tool:tasks/add");
        model.ShowCategory(EntityCategory.Data, shown: false);
        var revision = model.Revision;

        Assert.True((await live.Workspace.ApplyGraphPatchesAsync(GraphFixtures.Planning())).Succeeded);
        model.Refresh(live.Workspace.Nog.Current.Graph, live.Workspace.Nog.Version);

        Assert.Equal("tool:tasks/add", model.Selected?.Id);
        Assert.False(model.IsCategoryShown(EntityCategory.Data));
        Assert.Contains(model.VisibleEntities, e => e.Id == "concept:planning");
        Assert.True(model.Revision > revision);

        await live.Workspace.ReplaceSourceAsync("tasks", GraphFixtures.Tasks.Replace("<Tool name=\"add\"", "<Tool name=\"push\"", StringComparison.Ordinal));
        model.Refresh(live.Workspace.Nog.Current.Graph, live.Workspace.Nog.Version);

        Assert.Null(model.Selected);
        Assert.Contains(model.Entities, e => e.Id == "tool:tasks/push");
    }

    [Fact]
    public async Task Search_finds_visible_entities_by_name_or_description()
    {
        await using var live = await LivePanel.StartAsync(GraphFixtures.Tasks);
        var model = Snapshot(live.Workspace);

        Assert.Equal(["tool:tasks/add", "tool:tasks/clear"], model.Search("ADD").Concat(model.Search("clear all")).Select(e => e.Id));
        Assert.Equal(model.VisibleEntities, model.Search("  "));
        model.ShowCategory(EntityCategory.Action, shown: false);
        Assert.Empty(model.Search("add a task"));
    }

    private static GraphViewModel Snapshot(NexusWorkspace workspace)
    {
        var model = new GraphViewModel();
        model.Refresh(workspace.Nog.Current.Graph, workspace.Nog.Version);
        return model;
    }
}
