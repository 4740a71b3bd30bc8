using Nexus.Graph.Diff;

namespace Nexus.Graph.Tests;

public sealed class GraphDiffTests
{
    [Fact]
    public void Identical_graphs_have_an_empty_diff()
    {
        Assert.True(GraphDiff.Compare(Graphs.Chain(), Graphs.Chain()).IsEmpty);
    }

    [Fact]
    public void The_diff_lists_added_removed_and_changed_with_the_changed_fields()
    {
        var before = Graphs.Chain();
        var after = Graphs.Chain();
        after.AddEntity(Graphs.Entity("new"));
        after.RemoveEntity("f");
        after.UpdateEntity(after.GetEntity("b") with { Description = "described", Tags = ["x"], Properties = NogProperties.Empty.With("k", "v") });
        after.UpdateRelationship(after.GetRelationship("uses:a->e") with { Meta = new RelationshipMeta { Strength = 0.5, Source = RelationshipSource.Ai } });
        after.AddRelationship(Graphs.Link("new", RelationshipType.Triggers, "a"));
        after.RemoveRelationship("depends_on:c->d");

        var diff = GraphDiff.Compare(before, after);

        Assert.False(diff.IsEmpty);
        Assert.Equal(["new"], Graphs.Ids(diff.AddedEntities));
        Assert.Equal(["f"], Graphs.Ids(diff.RemovedEntities));
        var changed = Assert.Single(diff.ChangedEntities);
        Assert.Equal("b", changed.After.Id);
        Assert.Equal(["description", "tags", "properties"], changed.Fields);
        Assert.Equal(["triggers:new->a"], diff.AddedRelationships.Select(r => r.Id));
        Assert.Equal(["depends_on:c->d"], diff.RemovedRelationships.Select(r => r.Id));
        Assert.Equal(["meta.strength", "meta.source"], Assert.Single(diff.ChangedRelationships).Fields);
    }

    [Fact]
    public void Bookkeeping_fields_are_compared_only_when_asked()
    {
        var before = Graphs.Chain();
        var after = Graphs.Chain();
        after.UpdateEntity(after.GetEntity("a") with { Version = 7, UpdatedAt = DateTimeOffset.UnixEpoch });

        Assert.True(GraphDiff.Compare(before, after).IsEmpty);
        Assert.Equal(["updatedAt", "version"], Assert.Single(GraphDiff.Compare(before, after, includeBookkeeping: true).ChangedEntities).Fields);
    }

    [Fact]
    public void Properties_compare_deeply_whatever_their_key_order()
    {
        using var one = System.Text.Json.JsonDocument.Parse("""{"a":{"x":1,"y":[1,2]},"b":true}""");
        using var two = System.Text.Json.JsonDocument.Parse("""{"b":true,"a":{"y":[1,2],"x":1}}""");
        using var three = System.Text.Json.JsonDocument.Parse("""{"b":true,"a":{"y":[2,1],"x":1}}""");

        Assert.Equal(NogProperties.From(one.RootElement), NogProperties.From(two.RootElement));
        Assert.NotEqual(NogProperties.From(one.RootElement), NogProperties.From(three.RootElement));
    }
}
