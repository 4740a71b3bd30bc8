namespace Nexus.Graph.Tests;

/// <summary>
/// A graph of 100,000 entities and 500,000 relationships: built, then queried. The timeouts only bound a hang;
/// they are generous on purpose (the machine is shared), and no speed is asserted.
/// </summary>
public sealed class LargeGraphTests
{
    private const int EntityCount = 100_000;
    private const int RelationshipCount = 500_000;

    private static readonly Lazy<NogGraph> Large = new(Build);

    [Fact(Timeout = 120_000)]
    public async Task A_large_graph_holds_every_entity_and_relationship()
    {
        var graph = await Task.Run(() => Large.Value, TestContext.Current.CancellationToken);

        Assert.Equal(EntityCount, graph.EntityCount);
        Assert.Equal(RelationshipCount, graph.RelationshipCount);
        Assert.Equal(EntityCount / 8, graph.FindByCategory(EntityCategory.Milestone).Count);
        Assert.Equal(EntityCount / 100, graph.FindByTag("t7").Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task Shortest_paths_on_a_large_graph_are_found_and_are_consistent()
    {
        var graph = await Task.Run(() => Large.Value, TestContext.Current.CancellationToken);
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
        {
            var from = $"e{random.Next(EntityCount)}";
            var to = $"e{random.Next(EntityCount)}";

            var path = graph.ShortestPath(from, to);

            // The ring e0-e1-...-e99999 joins everything, so a path always exists.
            Assert.NotNull(path);
            Assert.Equal(from, path.Entities[0].Id);
            Assert.Equal(to, path.Entities[^1].Id);
            for (var step = 0; step < path.Length; step++)
            {
                var link = path.Relationships[step];
                var (a, b) = (path.Entities[step].Id, path.Entities[step + 1].Id);
                Assert.True((link.From == a && link.To == b) || (link.From == b && link.To == a));
            }

            // A one-sided search of depth path.Length - 1 must not reach the target: the path is the shortest.
            if (path.Length > 1)
            {
                Assert.DoesNotContain(graph.Neighbors(from, path.Length - 1), n => n.Entity.Id == to);
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Neighbor_queries_on_a_large_graph_stay_local()
    {
        var graph = await Task.Run(() => Large.Value, TestContext.Current.CancellationToken);

        var one = graph.Neighbors("e500", 1);
        var two = graph.Neighbors("e500", 2);

        var direct = graph.Outgoing("e500").Select(r => r.To).Concat(graph.Incoming("e500").Select(r => r.From)).Where(id => id != "e500").ToHashSet();
        Assert.Equal(direct.Order(), one.Select(n => n.Entity.Id).Order());
        Assert.True(two.Count > one.Count);
        Assert.True(two.Count < 1_000, $"depth 2 reached {two.Count} entities");
        Assert.All(two, n => Assert.InRange(n.Depth, 1, 2));
    }

    /// <summary>A ring through every entity (so all are connected) plus random relationships, from a fixed seed.</summary>
    private static NogGraph Build()
    {
        var graph = new NogGraph();
        var categories = Enum.GetValues<EntityCategory>();
        for (var i = 0; i < EntityCount; i++)
        {
            graph.AddEntity(new NogEntity
            {
                Id = $"e{i}",
                Name = $"Entity {i}",
                Category = categories[i % categories.Length],
                Tags = [$"t{i % 100}"],
                SourcePanel = $"panel-{i % 50}",
            });
        }

        var types = Enum.GetValues<RelationshipType>();
        for (var i = 0; i < EntityCount; i++)
        {
            graph.AddRelationship(new NogRelationship { Id = $"r{i}", From = $"e{i}", To = $"e{(i + 1) % EntityCount}", Type = RelationshipType.Precedes });
        }

        var random = new Random(7);
        for (var i = EntityCount; i < RelationshipCount; i++)
        {
            graph.AddRelationship(new NogRelationship
            {
                Id = $"r{i}",
                From = $"e{random.Next(EntityCount)}",
                To = $"e{random.Next(EntityCount)}",
                Type = types[i % types.Length],
            });
        }

        return graph;
    }
}
