using Bunit;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.WorkspaceView;

/// <summary>The workspace page's history: viewers read it; a revert needs the editor role, checked again when it runs.</summary>
public sealed class WorkspacePageHistoryTests
{
    [Fact]
    public async Task A_viewer_opens_a_panels_history_and_sees_its_diff_but_no_revert()
    {
        var port = new OneWorkspace(StudioRole.Viewer);
        await using var live = await StartAsync(port);

        var page = RenderPage(live, port);
        Assert.Empty(page.FindAll("[data-action=remove-panel]"));

        page.Find("[data-panel-card=counter] [data-action=panel-history]").Click();
        page.Find("[data-section=history][data-history-panel=counter] [data-commit]").Click();

        Assert.Contains("panels/counter.nxml", page.Find(".studio-diff").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-action=revert-commit]"));
    }

    [Fact]
    public async Task An_editor_demoted_while_the_page_is_open_is_refused_the_revert_and_nothing_changes()
    {
        var port = new OneWorkspace(StudioRole.Editor);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);
        var head = live.Workspace.Git.HeadSha();
        page.Find("[data-action=show-history]").Click();
        page.Find("[data-section=history] [data-commit]").Click();

        port.Role = StudioRole.Viewer;
        page.Find("[data-action=revert-commit]").Click();
        page.Until(() => Assert.NotNull(page.Find(".mud-dialog")));
        page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revert").Click();

        page.Until(() => Assert.NotNull(page.Find("[data-refusal=FORBIDDEN]")));
        Assert.Equal(head, live.Workspace.Git.HeadSha());
        Assert.NotNull(page.Find("[data-panel-card=counter]"));
    }

    [Fact]
    public async Task A_refused_panel_add_shows_its_refusal_and_adds_nothing()
    {
        var port = new OneWorkspace(StudioRole.Editor) { RoomRefusal = new PlatformRefusalException("PANEL_LIMIT", "The workspace already has the most panels its owner's plan allows.") };
        port.Templates["counter2"] = Panels.Counter.Replace("id=\"counter\"", "id=\"counter2\"", StringComparison.Ordinal);
        await using var live = await StartAsync(port);
        var page = RenderPage(live, port);

        page.Find("[data-action=toggle-add-panel]").Click();
        page.Find("[data-action=add-template][data-template=counter2]").Click();

        page.Until(() => Assert.Contains("most panels", page.Find("[data-refusal=PANEL_LIMIT]").TextContent, StringComparison.Ordinal));
        Assert.Single(live.Workspace.Panels);
    }

    /// <summary>The panel's workspace behind the port, and a signed-in user the port knows; the page is rendered in a host with the layout's providers.</summary>
    private static Task<LivePanel> StartAsync(OneWorkspace port) => LivePanel.StartAsync(Panels.Counter, prepare: port.SignIn);

    /// <summary>The workspace page, once its panel card shows.</summary>
    private static IRenderedComponent<WorkspacePageHost> RenderPage(LivePanel live, OneWorkspace port)
    {
        var page = live.RenderWorkspacePage(port.WorkspaceId);
        page.Until(() => Assert.NotNull(page.Find("[data-panel-card=counter]")));
        return page;
    }
}
