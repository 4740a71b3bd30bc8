using Nexus.Graph.Json;
using Nexus.Graph.Patches;

namespace Nexus.Graph.Tests;

public sealed class PatchSetJsonTests
{
    private const string Set = """
        {
          "title": "Counting",
          "source": "ai",
          "confidence": 0.8,
          "patches": [
            { "kind": "entity", "operation": "create", "entity": { "id": "concept:a", "name": "A", "category": "concept" } },
            { "kind": "entity", "operation": "create", "entity": { "id": "concept:b", "name": "B" }, "reasoning": "b follows a" },
            { "id": "r", "kind": "relationship", "operation": "create",
              "relationship": { "id": "precedes:a-b", "from": "concept:a", "to": "concept:b", "type": "precedes", "meta": { "source": "ai", "confidence": 0.5 } } },
            { "kind": "view", "operation": "update", "targetId": "concept:a", "view": { "x": 10, "y": 20 } }
          ]
        }
        """;

    [Fact]
    public void A_set_reads_with_defaults_for_what_it_leaves_out_and_applies()
    {
        var set = PatchSetJson.Parse(Set);

        Assert.StartsWith("set-", set.Id, StringComparison.Ordinal);
        Assert.Equal("Counting", set.Title);
        Assert.Equal(RelationshipSource.Ai, set.Source);
        Assert.Equal(["p1", "p2", "r", "p4"], set.Patches.Select(p => p.Id));
        Assert.Equal("concept:b", set.Patches[1].TargetId);
        Assert.Equal("b follows a", set.Patches[1].Reasoning);
        Assert.All(set.Patches, p => Assert.Equal(PatchStatus.Pending, p.Status));

        var graph = new NogGraph();
        var result = PatchApplier.Apply(graph, set);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(RelationshipType.Precedes, graph.GetRelationship("precedes:a-b").Type);
        Assert.Single(graph.ViewHints);
    }

    [Theory]
    [InlineData("""{"patches":[]}""", "$.patches")]
    [InlineData("""{"patches":[{"operation":"create","entity":{"id":"a","name":"A"}}]}""", "$.patches[0].kind")]
    [InlineData("""{"patches":[{"kind":"entity","operation":"upsert","entity":{"id":"a","name":"A"}}]}""", "$.patches[0].operation")]
    [InlineData("""{"patches":[{"kind":"entity","operation":"delete"}]}""", "$.patches[0]")]
    [InlineData("""{"patches":[{"kind":"entity","operation":"create","entity":{"id":"a"}}]}""", "$.patches[0].entity")]
    [InlineData("""{"patches":[{"kind":"entity","operation":"delete","targetId":"a","extra":1}]}""", "extra")]
    [InlineData("""{"patches":[""", "")]
    public void Bad_sets_are_refused_with_a_graph_error_that_says_where(string json, string where)
    {
        var error = Assert.Throws<GraphException>(() => PatchSetJson.Parse(json));

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_patches_are_refused()
    {
        var json = """{"patches":[""" + string.Join(",", Enumerable.Repeat("""{"kind":"entity","operation":"delete","targetId":"a"}""", 3)) + "]}";

        Assert.Throws<GraphException>(() => PatchSetJson.Parse(json, maxPatches: 2));
        Assert.Equal(3, PatchSetJson.Parse(json, maxPatches: 3).Patches.Length);
    }
}
