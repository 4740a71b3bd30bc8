using Nexus.Graph;
using Nexus.Graph.Patches;
using Nexus.Workspace.Tests.Hosting;

namespace Nexus.Workspace.Tests.Nog;

/// <summary>The live NOG tells its readers (the Studio's graph view) when it changed, and only then.</summary>
public sealed class WorkspaceNogChangedTests
{
    [Fact]
    public async Task Changed_is_raised_after_panel_changes_and_applied_patches_with_the_new_graph_readable()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var seen = new List<(long Version, bool HasCounter, bool HasConcept)>();
        workspace.Nog.Changed += () =>
        {
            var graph = workspace.Nog.Current.Graph;
            seen.Add((workspace.Nog.Version, graph.ContainsEntity("panel:counter"), graph.ContainsEntity("concept:counting")));
        };

        await workspace.AddPanelAsync(TestPanels.Counter);
        Assert.True((await workspace.ApplyGraphPatchesAsync(WorkspaceGraphTests.ConceptFor("counter"))).Succeeded);
        var afterPatch = seen.Count;
        var refused = await workspace.ApplyGraphPatchesAsync(new PatchSet
        {
            Id = "dangling",
            Patches = [GraphPatch.CreateRelationship("r", new NogRelationship { Id = "r", From = "panel:counter", To = "concept:missing" })],
        });
        await workspace.RemovePanelAsync("counter");

        Assert.False(refused.Succeeded);
        Assert.Contains(seen, s => s.HasCounter && !s.HasConcept);
        Assert.Contains(seen, s => s.HasCounter && s.HasConcept);
        Assert.False(seen[^1].HasCounter);
        Assert.Equal(afterPatch + 1, seen.Count); // the refused set changed nothing; the removal once
        Assert.Equal(seen.Select(s => s.Version).Order(), seen.Select(s => s.Version));
        Assert.Equal(workspace.Nog.Version, seen[^1].Version);
    }
}
