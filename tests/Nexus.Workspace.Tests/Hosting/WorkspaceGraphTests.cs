using Nexus.Graph;
using Nexus.Graph.Patches;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class WorkspaceGraphTests
{
    internal static PatchSet ConceptFor(string panelId, string concept = "concept:counting") => new()
    {
        Id = "set-" + concept,
        Title = "Counting is a concept",
        Patches =
        [
            GraphPatch.CreateEntity("p1", new NogEntity { Id = concept, Name = "Counting", Category = EntityCategory.Concept }),
            GraphPatch.CreateRelationship("p2", new NogRelationship { Id = "implements:" + panelId, From = "panel:" + panelId, To = concept, Type = RelationshipType.Implements }),
        ],
    };

    [Fact]
    public async Task The_nog_is_derived_from_the_panels_and_follows_their_edits_and_removal()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);

        var graph = workspace.Nog.Current.Graph;
        Assert.True(graph.ContainsEntity("panel:counter"));
        Assert.True(graph.ContainsEntity("tool:counter/inc"));
        Assert.Contains(graph.Outgoing("tool:counter/inc"), r => r.To == "state:counter/count" && r.Type == RelationshipType.Transforms);
        Assert.NotNull(graph.ShortestPath("tool:counter/inc", "state:counter/label"));

        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2);
        graph = workspace.Nog.Current.Graph;
        Assert.False(graph.ContainsEntity("tool:counter/inc"));
        Assert.True(graph.ContainsEntity("tool:counter/reset"));

        await workspace.RemovePanelAsync("counter");
        Assert.Empty(workspace.Nog.Current.Graph.FindByPanel("counter"));
        Assert.NotEmpty(workspace.Nog.Current.Graph.FindByPanel("notes"));
    }

    [Fact]
    public async Task Patches_that_apply_are_committed_as_authored_entities_and_survive_a_reopen()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);

        var result = await workspace.ApplyGraphPatchesAsync(ConceptFor("counter"));

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Contains("concept:counting", workspace.Git.ReadText("graph/nog.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("tool:counter/inc", workspace.Git.ReadText("graph/nog.json"), StringComparison.Ordinal);
        await workspace.DisposeAsync();
        var reopened = await fixture.OpenAsync();
        var path = reopened.Nog.Current.Graph.ShortestPath("tool:counter/inc", "concept:counting");
        Assert.NotNull(path);
        Assert.Equal(["tool:counter/inc", "panel:counter", "concept:counting"], path.Entities.Select(e => e.Id));
    }

    [Fact]
    public async Task A_failing_patch_set_changes_nothing_and_derived_entities_cannot_be_deleted()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        var head = workspace.Git.HeadSha();
        var dangling = new PatchSet
        {
            Id = "bad",
            Patches =
            [
                GraphPatch.CreateEntity("p1", new NogEntity { Id = "concept:x", Name = "X" }),
                GraphPatch.CreateRelationship("p2", new NogRelationship { Id = "r", From = "concept:x", To = "concept:missing", Type = RelationshipType.RelatedTo }),
            ],
        };

        var result = await workspace.ApplyGraphPatchesAsync(dangling);

        Assert.False(result.Succeeded);
        Assert.Equal("p2", result.FailedPatchId);
        Assert.Equal(head, workspace.Git.HeadSha());
        Assert.False(workspace.Nog.Current.Graph.ContainsEntity("concept:x"));
        var refused = await Assert.ThrowsAsync<GraphException>(() => workspace.ApplyGraphPatchesAsync(new PatchSet { Id = "del", Patches = [GraphPatch.DeleteEntity("d", "panel:counter")] }));
        Assert.Equal(GraphErrorCodes.InvalidPatch, refused.Code);
        Assert.Equal(head, workspace.Git.HeadSha());
    }
}
