using Nexus.Graph.Json;
using Nexus.Graph.Patches;

namespace Nexus.Graph.Tests;

public sealed class PatchApplierTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_patch_set_applies_in_order_and_stamps_what_it_changes()
    {
        var graph = Graphs.Chain();
        var set = new PatchSet
        {
            Id = "set-1",
            Patches =
            [
                GraphPatch.CreateEntity("p1", Graphs.Entity("g", EntityCategory.Constraint)),
                GraphPatch.CreateRelationship("p2", Graphs.Link("g", RelationshipType.ConflictsWith, "a")),
                GraphPatch.UpdateEntity("p3", Graphs.Entity("b") with { Description = "now described" }),
                GraphPatch.DeleteRelationship("p4", "uses:a->e"),
                GraphPatch.SetView("p5", "g", NogProperties.Empty.With("x", "10")),
            ],
        };

        var result = PatchApplier.Apply(graph, set, new FixedClock());

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.AppliedCount);
        Assert.Equal(PatchStatus.Applied, result.PatchSet.Status);
        Assert.All(result.PatchSet.Patches, p => Assert.Equal(PatchStatus.Applied, p.Status));
        Assert.Equal(Now, graph.GetEntity("g").CreatedAt);
        Assert.Equal(1, graph.GetEntity("g").Version);
        Assert.Equal(2, graph.GetEntity("b").Version);
        Assert.Equal(Now, graph.GetEntity("b").UpdatedAt);
        Assert.Equal("now described", graph.GetEntity("b").Description);
        Assert.Equal(Now, graph.GetRelationship("conflicts_with:g->a").CreatedAt);
        Assert.Empty(graph.Incoming("e"));
        Assert.True(graph.ViewHints.ContainsKey("g"));
    }

    [Fact]
    public void A_failing_patch_leaves_the_graph_exactly_as_before_and_says_which_and_why()
    {
        var graph = Graphs.Chain();
        graph.SetViewHint("a", NogProperties.Empty.With("x", "1"));
        var before = NogJson.Serialize(graph);
        var revision = graph.Revision;
        var set = new PatchSet
        {
            Id = "set-2",
            Patches =
            [
                GraphPatch.CreateEntity("p1", Graphs.Entity("g")),
                GraphPatch.DeleteEntity("p2", "a"),
                GraphPatch.UpdateEntity("p3", Graphs.Entity("c", EntityCategory.Resource)),
                GraphPatch.DeleteView("p4", "b"),
                GraphPatch.CreateRelationship("p5", Graphs.Link("g", RelationshipType.Uses, "a")),
            ],
        };

        var result = PatchApplier.Apply(graph, set, new FixedClock());

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.FailedIndex);
        Assert.Equal("p5", result.FailedPatchId);
        Assert.Equal(GraphErrorCodes.MissingEndpoint, result.ErrorCode);
        Assert.Contains("'a'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(PatchStatus.Failed, result.PatchSet.Status);
        Assert.Equal(PatchStatus.Failed, result.PatchSet.Patches[4].Status);
        Assert.Equal(PatchStatus.Pending, result.PatchSet.Patches[0].Status);
        Assert.Equal(before, NogJson.Serialize(graph));
        Assert.Equal(revision, graph.Revision);
        Assert.Equal(2, graph.Outgoing("a").Count);
    }

    [Fact]
    public void Rejected_patches_are_skipped()
    {
        var graph = Graphs.Chain();
        var set = new PatchSet
        {
            Id = "set-3",
            Patches =
            [
                GraphPatch.DeleteEntity("p1", "a") with { Status = PatchStatus.Rejected },
                GraphPatch.DeleteEntity("p2", "f") with { Status = PatchStatus.Approved },
            ],
        };

        var result = PatchApplier.Apply(graph, set);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.AppliedCount);
        Assert.True(graph.ContainsEntity("a"));
        Assert.False(graph.ContainsEntity("f"));
        Assert.Equal(PatchStatus.Rejected, result.PatchSet.Patches[0].Status);
    }

    [Theory]
    [InlineData("mismatch")]
    [InlineData("missing-payload")]
    [InlineData("confidence")]
    [InlineData("delete-missing")]
    public void Malformed_patches_fail_with_a_code(string kind)
    {
        var graph = Graphs.Chain();
        var patch = kind switch
        {
            "mismatch" => GraphPatch.UpdateEntity("p", Graphs.Entity("b")) with { TargetId = "c" },
            "missing-payload" => new GraphPatch { Id = "p", Kind = PatchKind.Relationship, Operation = PatchOperation.Create, TargetId = "r" },
            "confidence" => GraphPatch.DeleteEntity("p", "f") with { Confidence = 2 },
            _ => GraphPatch.DeleteEntity("p", "nope"),
        };

        var result = PatchApplier.Apply(graph, new PatchSet { Id = "s", Patches = [patch] });

        Assert.False(result.Succeeded);
        Assert.Equal(kind == "delete-missing" ? GraphErrorCodes.EntityNotFound : GraphErrorCodes.InvalidPatch, result.ErrorCode);
        Assert.Equal(6, graph.EntityCount);
    }
}
