using BenchmarkDotNet.Attributes;
using Nexus.Graph;

namespace Nexus.Benchmarks.Graph;

/// <summary>
/// Queries on a NOG of 100,000 entities and 500,000 relationships (a ring through every entity plus random
/// relationships from a fixed seed), built once in the setup. One operation is one query; each invocation runs
/// <see cref="Queries"/> of them over fixed random entities so the loop costs nothing measurable.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class GraphQueryBenchmarks
{
    public const int Queries = 100;

    private const int EntityCount = 100_000;
    private const int RelationshipCount = 500_000;

    private readonly string[] _from = new string[Queries];
    private readonly string[] _to = new string[Queries];
    private NogGraph _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        _graph = Build();
        var random = new Random(11);
        for (var i = 0; i < Queries; i++)
        {
            _from[i] = $"e{random.Next(EntityCount)}";
            _to[i] = $"e{random.Next(EntityCount)}";
        }
    }

    /// <summary>Shortest path (both directions) between two random entities; the ring guarantees one exists.</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public int ShortestPath()
    {
        var total = 0;
        for (var i = 0; i < Queries; i++)
        {
            total += _graph.ShortestPath(_from[i], _to[i])!.Length;
        }

        return total;
    }

    /// <summary>The direct neighbours of a random entity (about 10 on average).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public int Neighbors_Depth1() => Neighbors(1);

    /// <summary>The entities within two relationships of a random entity (about 100 on average).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public int Neighbors_Depth2() => Neighbors(2);

    private int Neighbors(int depth)
    {
        var total = 0;
        for (var i = 0; i < Queries; i++)
        {
            total += _graph.Neighbors(_from[i], depth).Count;
        }

        return total;
    }

    private static NogGraph Build()
    {
        var graph = new NogGraph();
        var categories = Enum.GetValues<EntityCategory>();
        for (var i = 0; i < EntityCount; i++)
        {
            graph.AddEntity(new NogEntity { Id = $"e{i}", Name = $"Entity {i}", Category = categories[i % categories.Length], Tags = [$"t{i % 100}"] });
        }

        for (var i = 0; i < EntityCount; i++)
        {
            graph.AddRelationship(new NogRelationship { Id = $"r{i}", From = $"e{i}", To = $"e{(i + 1) % EntityCount}", Type = RelationshipType.Precedes });
        }

        var types = Enum.GetValues<RelationshipType>();
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
