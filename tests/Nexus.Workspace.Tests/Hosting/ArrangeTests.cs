using Nexus.Workspace.Manifest;

namespace Nexus.Workspace.Tests.Hosting;

/// <summary>Arranging panels: order and placement saved in <c>nexus.json</c> in one commit, announced, and checked first.</summary>
public sealed class ArrangeTests
{
    [Fact]
    public async Task Arranging_saves_order_and_widths_in_one_commit_and_announces_it()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);
        var arranged = 0;
        workspace.PanelsArranged += () => arranged++;

        await workspace.ArrangePanelsAsync([new PanelPlacement("notes", Width: 8, Height: 4), new PanelPlacement("counter", Width: 4)]);

        Assert.Equal(["notes", "counter"], workspace.Panels.Select(p => p.PanelId));
        Assert.Equal(1, arranged);
        var commit = workspace.History(limit: 1)[0];
        Assert.Equal("Arrange panels", commit.Message.Trim());
        Assert.Equal(["nexus.json"], commit.Files);
        var saved = WorkspaceManifest.Parse(workspace.Git.ReadText("nexus.json")!);
        Assert.Equal([new PanelPlacement("notes", Width: 8, Height: 4), new PanelPlacement("counter", Width: 4)], saved.Panels);
    }

    [Fact]
    public async Task Reverting_an_arrangement_restores_the_order_and_announces_it()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);
        await workspace.ArrangePanelsAsync([new PanelPlacement("notes"), new PanelPlacement("counter", Width: 12)]);
        var arranged = 0;
        workspace.PanelsArranged += () => arranged++;

        await workspace.RevertAsync(workspace.Git.HeadSha()!);

        Assert.Equal(["counter", "notes"], workspace.Panels.Select(p => p.PanelId));
        Assert.Null(workspace.Manifest.Panels[0].Width);
        Assert.Equal(1, arranged);
    }

    [Theory]
    [InlineData(0, null, "width 0")]
    [InlineData(13, null, "width 13")]
    [InlineData(6, 0, "height 0")]
    [InlineData(6, 25, "height 25")]
    public async Task Placements_off_the_grid_are_refused_and_nothing_changes(int width, int? height, string named)
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        var head = workspace.Git.HeadSha();

        var refused = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.ArrangePanelsAsync([new PanelPlacement("counter", Width: width, Height: height)]));

        Assert.Equal(WorkspaceErrorCodes.InvalidPlacement, refused.Code);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Equal(head, workspace.Git.HeadSha());
        Assert.Null(workspace.Manifest.Panels[0].Width);
    }

    [Fact]
    public async Task A_panel_placed_twice_or_unknown_is_refused()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);

        var twice = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.ArrangePanelsAsync([new PanelPlacement("counter"), new PanelPlacement("counter", Width: 3)]));
        var unknown = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.ArrangePanelsAsync([new PanelPlacement("ghost")]));

        Assert.Equal(WorkspaceErrorCodes.InvalidPlacement, twice.Code);
        Assert.Contains("placed twice", twice.Message, StringComparison.Ordinal);
        Assert.Equal(WorkspaceErrorCodes.PanelNotFound, unknown.Code);
    }
}
