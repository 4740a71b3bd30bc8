using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Proposals;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class WorkspaceProposalTests
{
    private static ProposalRequest Change(string path, string content) => new()
    {
        Title = "Change " + path,
        Author = "ada@example.test",
        Changes = [FileChange.Write(path, content)],
    };

    [Fact]
    public async Task A_proposal_shows_its_file_and_nog_diffs_and_accepting_it_reloads_the_panel()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("rename", new System.Text.Json.Nodes.JsonObject { ["label"] = "carried" });
        using var subscription = panel.Subscribe(64);
        // The rename's state reaches main in a later state commit; commit it now, so that main is pinned after it and
        // only the proposal could move it.
        await workspace.FlushAsync();
        var main = workspace.Git.HeadSha();

        var proposal = await workspace.ProposeAsync(Change("panels/counter.nxml", TestPanels.CounterV2), WorkspaceGraphTests.ConceptFor("counter"));

        Assert.Equal(main, workspace.Git.HeadSha());
        Assert.Equal(TestPanels.Counter, panel.Source);
        var review = workspace.Review(proposal.Id)!;
        Assert.Contains(review.Files, f => f.Path == "panels/counter.nxml" && f.Patch.Contains("+    <Tool name=\"reset\"", StringComparison.Ordinal));
        Assert.Contains(review.GraphDiff.AddedEntities, e => e.Id == "tool:counter/reset");
        Assert.Contains(review.GraphDiff.RemovedEntities, e => e.Id == "tool:counter/inc");
        Assert.Contains(review.GraphDiff.AddedEntities, e => e.Id == "concept:counting");

        var accepted = await workspace.AcceptProposalAsync(proposal.Id);

        Assert.Equal(ProposalStatus.Applied, accepted.Proposal.Status);
        Assert.Equal(TestPanels.CounterV2, panel.Source);
        Assert.Equal("carried", (await panel.GetStateAsync())["label"]!.GetValue<string>());
        Assert.True(workspace.Nog.Current.Graph.ContainsEntity("concept:counting"));
        var reloaded = false;
        while (subscription.Reader.TryRead(out var n))
        {
            reloaded |= n is PanelReloaded;
        }

        Assert.True(reloaded);
    }

    [Fact]
    public async Task A_conflicting_proposal_leaves_main_untouched_and_an_invalid_one_is_refused()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        var proposal = await workspace.ProposeAsync(Change("panels/counter.nxml", TestPanels.CounterV2));
        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2.Replace("Counter v2", "Counter v3", StringComparison.Ordinal));

        // The reloaded panel's state reaches main in a later state commit; commit it now so main moves only if the
        // refused proposals move it.
        await workspace.FlushAsync();
        var main = workspace.Git.HeadSha();

        await Assert.ThrowsAsync<ProposalConflictException>(() => workspace.AcceptProposalAsync(proposal.Id));

        Assert.Equal(main, workspace.Git.HeadSha());
        Assert.Equal(ProposalStatus.Conflicted, workspace.Proposals.Get(proposal.Id)!.Status);
        var branches = workspace.Git.Branches();
        var invalid = await Assert.ThrowsAsync<ProposalInvalidException>(() => workspace.ProposeAsync(Change("panels/counter.nxml", TestPanels.Broken)));
        Assert.Contains("panels/counter.nxml", invalid.Diagnostics.Keys);
        Assert.Equal(branches, workspace.Git.Branches());
        Assert.Equal(main, workspace.Git.HeadSha());
    }

    [Fact]
    public async Task A_proposal_that_adds_a_panel_starts_it_when_accepted_and_rejecting_deletes_the_branch()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var add = await workspace.ProposeAsync(Change("panels/notes.nxml", TestPanels.Notes));
        var other = await workspace.ProposeAsync(Change("panels/counter.nxml", TestPanels.Counter));

        await workspace.AcceptProposalAsync(add.Id);
        var rejected = await workspace.RejectProposalAsync(other.Id);

        Assert.Equal(PanelStatus.Running, workspace.GetPanel("notes").Status);
        Assert.True((await workspace.GetPanel("notes").CallAsync("write", new System.Text.Json.Nodes.JsonObject { ["text"] = "hi" })).Succeeded);
        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        Assert.False(workspace.Git.BranchExists(other.Branch));
        Assert.Null(workspace.FindPanel("counter"));
    }
}
