using Bunit;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.History;

namespace Nexus.Studio.Tests.WorkspaceView;

/// <summary>The history section over a real workspace: commits, a commit's diff, revert with its confirmation.</summary>
public sealed class HistoryViewTests
{
    [Fact]
    public async Task The_workspace_commits_are_listed_newest_first_and_a_panel_filter_keeps_only_that_panels()
    {
        await using var live = await LivePanel.StartAsync(Panels.Counter);
        await live.Workspace.AddPanelAsync(Panels.Notes);
        await live.Panel.CallAsync("inc");
        await live.Workspace.FlushAsync();

        var cut = RenderHistory(live, "counter", canRevert: true, _ => Task.FromResult(true));
        Assert.Equal(["Save state of counter", "Add panel counter"], Messages(cut));

        cut.Find("[data-action=history-all]").Click();

        var messages = Messages(cut);
        Assert.Equal(live.Workspace.History(limit: HistoryView.PageSize).Select(c => c.Message), messages);
        Assert.Equal("Save state of counter", messages[0]);
        Assert.Contains("Add panel notes", messages);
        Assert.Equal("", cut.Find("[data-section=history]").GetAttribute("data-history-panel"));
    }

    [Fact]
    public async Task A_long_history_shows_a_page_of_commits_and_older_ones_on_demand()
    {
        await using var live = await LivePanel.StartAsync(Panels.Counter);
        for (var i = 0; i < HistoryView.PageSize + 5; i++)
        {
            await live.Panel.CallAsync("inc");
            await live.Workspace.FlushAsync();
        }

        var all = live.Workspace.History(limit: 1_000).Select(c => (string?)c.Message).ToList();
        var cut = RenderHistory(live, null, canRevert: false, _ => Task.FromResult(true));
        Assert.Equal(all.Take(HistoryView.PageSize), Messages(cut));

        cut.Find("[data-action=history-more]").Click();

        Assert.Equal(all, Messages(cut));
        Assert.Empty(cut.FindAll("[data-action=history-more]"));
    }

    [Fact]
    public async Task Selecting_a_state_commit_shows_its_removed_and_added_lines()
    {
        await using var live = await LivePanel.StartAsync(Panels.Counter);
        await live.Panel.CallAsync("inc");
        var sha = (await live.Workspace.FlushAsync())!;
        var cut = RenderHistory(live, "counter", canRevert: false, _ => Task.FromResult(true));
        Assert.NotNull(cut.Find("[data-empty=diff]"));

        cut.Find($"[data-commit='{sha}']").Click();

        Assert.Equal(sha, cut.Find("[data-diff]").GetAttribute("data-diff"));
        Assert.Equal("-  \"count\": 0", cut.Find(".studio-diff-removed").TextContent);
        Assert.Equal("+  \"count\": 1", cut.Find(".studio-diff-added").TextContent);
        Assert.Contains("state/counter.json", cut.Find(".studio-diff-file").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_is_not_offered_the_revert()
    {
        await using var live = await LivePanel.StartAsync(Panels.Counter);
        var cut = RenderHistory(live, null, canRevert: false, _ => throw new InvalidOperationException("a viewer cannot revert"));

        cut.Find("[data-commit]").Click();

        Assert.NotNull(cut.Find("[data-diff]"));
        Assert.Empty(cut.FindAll("[data-action=revert-commit]"));
    }

    [Fact]
    public async Task Revert_asks_first_cancel_keeps_everything_and_confirm_reverts_and_lists_the_new_commit()
    {
        await using var live = await LivePanel.StartAsync(Panels.Counter);
        await live.Panel.CallAsync("inc");
        var sha = (await live.Workspace.FlushAsync())!;
        var reverted = new List<string>();
        var cut = RenderHistory(live, null, canRevert: true, async commit =>
        {
            reverted.Add(commit);
            await live.Workspace.RevertAsync(commit);
            return true;
        });
        cut.Find($"[data-commit='{sha}']").Click();

        cut.Find("[data-action=revert-commit]").Click();
        cut.Until(() => Assert.NotNull(cut.Find(".mud-dialog")));
        cut.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        cut.Until(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Empty(reverted);
        Assert.Equal("1", await live.StateJsonAsync("count"));

        cut.Find("[data-action=revert-commit]").Click();
        cut.Until(() => Assert.NotNull(cut.Find(".mud-dialog")));
        cut.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revert").Click();

        cut.Until(() => Assert.StartsWith("Revert", cut.Find("[data-commit]").GetAttribute("data-commit-message"), StringComparison.Ordinal));
        Assert.Equal([sha], reverted);
        Assert.Equal("0", await live.StateJsonAsync("count"));
        Assert.Empty(cut.FindAll("[data-diff]"));
    }

    private static List<string?> Messages(IRenderedComponent<HistoryHost> cut) =>
        cut.FindAll("[data-commit]").Select(e => e.GetAttribute("data-commit-message")).ToList();

    private static IRenderedComponent<HistoryHost> RenderHistory(LivePanel live, string? panelId, bool canRevert, Func<string, Task<bool>> revert) =>
        live.Bunit.Render<HistoryHost>(p => p
            .Add(h => h.Workspace, live.Workspace)
            .Add(h => h.PanelId, panelId)
            .Add(h => h.CanRevert, canRevert)
            .Add(h => h.Revert, revert));
}
