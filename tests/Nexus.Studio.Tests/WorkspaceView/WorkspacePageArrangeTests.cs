using Bunit;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.Arrange;
using Nexus.Workspace.Manifest;

namespace Nexus.Studio.Tests.WorkspaceView;

/// <summary>Arranging the workspace grid: editors through the menu or a drop/resize, saved in nexus.json; viewers only look.</summary>
public sealed class WorkspacePageArrangeTests
{
    [Fact]
    public async Task An_editor_moves_and_widens_a_panel_through_the_menu_and_the_manifest_holds_it()
    {
        var port = new OneWorkspace(StudioRole.Editor);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);
        Assert.Equal(["counter", "notes"], ItemIds(page));

        ChooseFromMenu(page, "counter", "[data-action=arrange-move-right]");

        page.Until(() => Assert.Equal(["notes", "counter"], ItemIds(page)));
        Assert.Equal(["notes", "counter"], live.Workspace.Manifest.Panels.Select(p => p.Id));
        Assert.Equal("Arrange panels", live.Workspace.History(limit: 1)[0].Message.Trim());

        ChooseFromMenu(page, "counter", "[data-action=arrange-width][data-width='8']");

        page.Until(() => Assert.Equal("8", page.Find("[data-panel-item=counter]").GetAttribute("data-width")));
        Assert.Contains("--studio-span: 8", page.Find("[data-panel-item=counter]").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(8, live.Workspace.Manifest.Panels.Single(p => p.Id == "counter").Width);
        Assert.Contains("\"width\": 8", live.Workspace.Git.ReadText("nexus.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drop_and_a_resize_from_the_browser_are_saved_once_each()
    {
        var port = new OneWorkspace(StudioRole.Editor);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);
        var grid = page.FindComponent<ArrangeGrid>();
        var commits = live.Workspace.History().Count;

        await page.InvokeAsync(() => grid.Instance.DropAsync("notes", "counter"));
        await page.InvokeAsync(() => grid.Instance.ResizeAsync("notes", 4, 3));

        Assert.Equal([new PanelPlacement("notes", Width: 4, Height: 3), new PanelPlacement("counter")], live.Workspace.Manifest.Panels);
        Assert.Equal(commits + 2, live.Workspace.History().Count);
        Assert.Equal(["notes", "counter"], ItemIds(page));
        Assert.Contains("studio-grid-sized", page.Find("[data-panel-item=notes]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_saved_arrangement_without_handles_or_menu()
    {
        var port = new OneWorkspace(StudioRole.Viewer);
        await using var live = await StartAsync(port);
        await live.Workspace.ArrangePanelsAsync([new PanelPlacement("notes", Width: 12), new PanelPlacement("counter", Width: 3)]);

        var page = RenderPage(live, port);

        Assert.Equal(["notes", "counter"], ItemIds(page));
        Assert.Equal("12", page.Find("[data-panel-item=notes]").GetAttribute("data-width"));
        Assert.Equal("fixed", page.Find("[data-arrange-grid]").GetAttribute("data-arrange-grid"));
        Assert.Empty(page.FindAll("[data-drag-handle], [data-resize-handle], [data-action=arrange-menu]"));
        Assert.NotEmpty(page.FindAll("[data-panel-card=counter] [data-action=panel-log]"));

        // A call from the browser's script (a stale page) changes nothing either.
        await page.InvokeAsync(() => page.FindComponent<ArrangeGrid>().Instance.DropAsync("counter", "notes"));
        Assert.Equal(["notes", "counter"], live.Workspace.Manifest.Panels.Select(p => p.Id));
    }

    [Fact]
    public async Task An_editor_demoted_while_the_page_is_open_is_refused_and_the_grid_keeps_the_saved_order()
    {
        var port = new OneWorkspace(StudioRole.Editor);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);
        var head = live.Workspace.Git.HeadSha();

        port.Role = StudioRole.Viewer;
        ChooseFromMenu(page, "counter", "[data-action=arrange-move-right]");

        page.Until(() => Assert.NotNull(page.Find("[data-refusal=FORBIDDEN]")));
        Assert.Equal(head, live.Workspace.Git.HeadSha());
        Assert.Equal(["counter", "notes"], ItemIds(page));
    }

    [Fact]
    public async Task An_open_page_follows_an_arrangement_made_elsewhere()
    {
        var port = new OneWorkspace(StudioRole.Viewer);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);

        await live.Workspace.ArrangePanelsAsync([new PanelPlacement("notes", Width: 4), new PanelPlacement("counter")]);

        page.Until(() => Assert.Equal(["notes", "counter"], ItemIds(page)));
        Assert.Equal("4", page.Find("[data-panel-item=notes]").GetAttribute("data-width"));
    }

    [Fact]
    public void Moves_stay_on_the_grid_and_a_drop_takes_the_targets_place()
    {
        var manifest = new WorkspaceManifest { Name = "w", Panels = [new PanelPlacement("b", Width: 3), new PanelPlacement("a")] };
        var arrangement = PanelArrangement.Of(["a", "b", "c"], manifest);

        Assert.Equal(["b", "a", "c"], arrangement.Placements.Select(p => p.Id));
        Assert.Equal(["b", "a", "c"], arrangement.MoveBy("b", -1).Placements.Select(p => p.Id));
        Assert.Equal(["a", "c", "b"], arrangement.MoveBy("b", 5).Placements.Select(p => p.Id));
        Assert.Equal(["a", "c", "b"], arrangement.MoveOnto("b", "c").Placements.Select(p => p.Id));
        Assert.Equal(["c", "b", "a"], arrangement.MoveOnto("c", "b").Placements.Select(p => p.Id));
        Assert.True(arrangement.MoveOnto("ghost", "a").SameAs(arrangement));
        Assert.Equal(new PanelPlacement("b", Width: 6, Height: 2), arrangement.Resize("b", 6, 2).Find("b"));
    }

    /// <summary>Opens a card's arrange menu and picks an item (MudBlazor draws the menu in the popover provider).</summary>
    private static void ChooseFromMenu(IRenderedComponent<WorkspacePageHost> page, string panelId, string item)
    {
        page.Find($"[data-panel-card={panelId}] [data-action=arrange-menu] button").Click();
        page.Until(() => Assert.NotNull(page.Find($".mud-popover-open {item}")));
        page.Find($".mud-popover-open {item}").Click();
    }

    private static List<string?> ItemIds(IRenderedComponent<WorkspacePageHost> page) =>
        [.. page.FindAll("[data-panel-item]").Select(e => e.GetAttribute("data-panel-item"))];

    /// <summary>A workspace with two panels, counter first, behind the port.</summary>
    private static async Task<LivePanel> StartAsync(OneWorkspace port)
    {
        var live = await LivePanel.StartAsync(Panels.Counter, prepare: port.SignIn);
        await live.Workspace.AddPanelAsync(Panels.Notes);
        return live;
    }

    private static IRenderedComponent<WorkspacePageHost> RenderPage(LivePanel live, OneWorkspace port)
    {
        var page = live.RenderWorkspacePage(port.WorkspaceId);
        page.Until(() => Assert.Equal(2, page.FindAll("[data-panel-card]").Count));
        return page;
    }
}
