using System.Text.Json.Nodes;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class HistoryTests
{
    [Fact]
    public async Task Panel_history_lists_the_commits_of_its_source_and_its_state()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);
        await panel.CallAsync("inc");
        await workspace.FlushAsync();
        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2);
        await workspace.FlushAsync();

        var messages = workspace.PanelHistory("counter").Select(c => c.Message.Trim()).ToList();

        // The reload saves the new state too (its count changed type, so it starts from its default).
        Assert.Equal(["Save state of counter", "Edit panel counter", "Save state of counter", "Add panel counter"], messages);
        Assert.DoesNotContain("Add panel notes", messages);
    }

    [Fact]
    public async Task Reverting_a_state_commit_puts_the_live_state_back_and_a_second_revert_is_a_conflict()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("rename", new JsonObject { ["label"] = "before" });
        await workspace.FlushAsync();
        await panel.CallAsync("rename", new JsonObject { ["label"] = "after" });
        var change = await workspace.FlushAsync();
        var diff = workspace.Diff(change![..10]);
        Assert.Contains("-  \"label\": \"before\"", diff, StringComparison.Ordinal);
        Assert.Contains("+  \"label\": \"after\"", diff, StringComparison.Ordinal);

        var revert = await workspace.RevertAsync(change);

        Assert.NotEqual(change, revert);
        Assert.Equal("before", (await panel.GetStateAsync())["label"]!.GetValue<string>());
        Assert.Contains("before", workspace.Git.ReadText("state/counter.json"), StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.RevertAsync(change));
        Assert.Equal(WorkspaceErrorCodes.Conflict, again.Code);
        Assert.Contains("nothing left to revert", again.Message, StringComparison.Ordinal);
        Assert.Equal(revert, workspace.Git.HeadSha());
        Assert.True((await panel.CallAsync("inc")).Succeeded);
    }

    [Fact]
    public async Task Reverting_an_edit_reloads_the_old_source_and_reverting_an_add_removes_the_panel()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        var added = workspace.Git.HeadSha()!;
        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2);
        var edited = workspace.Git.HeadSha()!;

        await workspace.RevertAsync(edited);
        Assert.Equal(TestPanels.Counter, panel.Source);
        Assert.True((await panel.CallAsync("inc")).Succeeded);
        await workspace.FlushAsync();

        var conflict = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.RevertAsync(added));
        Assert.Equal(WorkspaceErrorCodes.Conflict, conflict.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HEAD~1")]
    [InlineData("main")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    public async Task Diff_and_revert_of_what_is_not_a_commit_of_the_workspace_answer_commit_not_found(string sha)
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        var head = workspace.Git.HeadSha();

        Assert.Equal(WorkspaceErrorCodes.CommitNotFound, Assert.Throws<WorkspaceException>(() => workspace.Diff(sha)).Code);
        Assert.Equal(WorkspaceErrorCodes.CommitNotFound, (await Assert.ThrowsAsync<WorkspaceException>(() => workspace.RevertAsync(sha))).Code);
        Assert.Equal(head, workspace.Git.HeadSha());
    }

    [Fact]
    public async Task A_clone_has_the_same_history_panels_and_state_under_its_own_name()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("inc");

        var clone = fixture.Track(await workspace.CloneAsync(fixture.Folder("clone"), "Copy"));

        Assert.Equal("Copy", clone.Name);
        Assert.Equal(1, (await clone.GetPanel("counter").GetStateAsync())["count"]!.GetValue<double>());
        Assert.True(clone.History().Count >= workspace.History().Count + 1);
        await clone.GetPanel("counter").CallAsync("inc");
        Assert.Equal(1, (await panel.GetStateAsync())["count"]!.GetValue<double>());
    }
}
