using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.Editor;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>Saving and proposing from the editor, on a real workspace behind the port: the API's rules, asked again on every call.</summary>
public sealed class PanelSourceActionsTests
{
    [Fact]
    public async Task Saving_commits_the_source_and_hot_reloads_the_panel_with_its_state()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        await live.Panel.CallAsync("inc");
        var port = new OneWorkspace(StudioRole.Editor) { Live = live.Workspace };

        var commit = await Actions(port).SaveAsync(EditorPanels.Counter, EditorPanels.Renamed, TestContext.Current.CancellationToken);

        Assert.Equal(EditorPanels.Renamed, live.Workspace.GetPanel("counter").Source);
        Assert.Equal("Edit panel counter", commit?.Message);
        Assert.Equal(EditorPanels.Renamed, live.Workspace.Git.ReadText(WorkspacePaths.PanelSource("counter")));
        Assert.Equal("1", await live.StateJsonAsync("count"));
    }

    [Fact]
    public async Task A_source_changed_since_the_editor_loaded_it_is_not_overwritten()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        var port = new OneWorkspace(StudioRole.Editor) { Live = live.Workspace };
        await live.Workspace.ReplaceSourceAsync("counter", EditorPanels.Renamed); // another tab saved

        var mine = EditorPanels.Counter.Replace("Counter", "Mine", StringComparison.Ordinal);
        var refusal = await Assert.ThrowsAsync<PlatformRefusalException>(() => Actions(port).SaveAsync(EditorPanels.Counter, mine, TestContext.Current.CancellationToken));

        Assert.Equal(PanelSourceActions.SourceChanged, refusal.Code);
        Assert.Equal(EditorPanels.Renamed, live.Workspace.GetPanel("counter").Source);
    }

    [Fact]
    public async Task A_viewer_and_a_full_workspace_are_refused_and_nothing_changes()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        var port = new OneWorkspace(StudioRole.Viewer) { Live = live.Workspace };
        var head = live.Workspace.Git.HeadSha();

        var forbidden = await Assert.ThrowsAsync<PlatformRefusalException>(() => Actions(port).SaveAsync(EditorPanels.Counter, EditorPanels.Renamed, TestContext.Current.CancellationToken));
        port.Role = StudioRole.Editor;
        port.ChangeRefusal = new PlatformRefusalException("STORAGE_LIMIT", "The workspace's storage is full.");
        var full = await Assert.ThrowsAsync<PlatformRefusalException>(() => Actions(port).ProposeAsync(EditorPanels.Renamed, "Rename", null, TestContext.Current.CancellationToken));

        Assert.Equal("FORBIDDEN", forbidden.Code);
        Assert.Equal("STORAGE_LIMIT", full.Code);
        Assert.Equal(head, live.Workspace.Git.HeadSha());
        Assert.Empty(live.Workspace.Proposals.List());
    }

    [Fact]
    public async Task A_source_with_errors_is_refused_by_the_workspace_with_its_findings()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        var port = new OneWorkspace(StudioRole.Owner) { Live = live.Workspace };

        var failure = await Assert.ThrowsAsync<WorkspaceException>(() => Actions(port).SaveAsync(EditorPanels.Counter, EditorPanels.Broken, TestContext.Current.CancellationToken));
        var refusal = SourceRefusal.From(failure);

        Assert.Equal("INVALID_NXML", refusal?.Code);
        Assert.Contains(refusal!.Diagnostics, d => d.Code == "INVALID_TYPE");
        Assert.Equal(EditorPanels.Counter, live.Workspace.GetPanel("counter").Source);
    }

    [Fact]
    public async Task Proposing_makes_a_proposal_with_the_edited_file_authored_by_the_user_and_leaves_the_panel_alone()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        var port = new OneWorkspace(StudioRole.Editor) { Live = live.Workspace };

        var proposal = await Actions(port).ProposeAsync(EditorPanels.Renamed, "Say clicks", "Clicks reads better.", TestContext.Current.CancellationToken);

        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal(ProposalAuthors.ForUser(port.UserId), proposal.Author);
        Assert.Equal(["panels/counter.nxml"], proposal.ChangedPaths);
        Assert.Equal("Clicks reads better.", proposal.Description);
        Assert.Equal(EditorPanels.Renamed, live.Workspace.Git.ReadText(WorkspacePaths.PanelSource("counter"), proposal.BranchSha));
        Assert.Equal(EditorPanels.Counter, live.Workspace.GetPanel("counter").Source);
    }

    [Fact]
    public async Task A_removed_panel_is_reported_as_gone()
    {
        await using var live = await LivePanel.StartAsync(EditorPanels.Counter);
        var port = new OneWorkspace(StudioRole.Editor) { Live = live.Workspace };
        await live.Workspace.RemovePanelAsync("counter");

        var refusal = await Assert.ThrowsAsync<PlatformRefusalException>(() => Actions(port).SaveAsync(EditorPanels.Counter, EditorPanels.Renamed, TestContext.Current.CancellationToken));

        Assert.Equal(WorkspaceErrorCodes.PanelNotFound, refusal.Code);
    }

    private static PanelSourceActions Actions(OneWorkspace port) => new(port, port.UserId, port.WorkspaceId, "counter");
}
