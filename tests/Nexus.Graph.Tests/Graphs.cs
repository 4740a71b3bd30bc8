using System.Collections.Immutable;

namespace Nexus.Graph.Tests;

/// <summary>Small graphs and shorthand for tests.</summary>
internal static class Graphs
{
    public static NogEntity Entity(string id, EntityCategory category = EntityCategory.Concept, string? panel = null, string? description = null, params string[] tags) => new()
    {
        Id = id,
        Name = "Name of " + id,
        Category = category,
        SourcePanel = panel,
        Description = description,
        Tags = [.. tags],
    };

    public static NogRelationship Link(string from, RelationshipType type, string to) => new()
    {
        Id = NogRelationship.DefaultId(type, from, to),
        From = from,
        To = to,
        Type = type,
    };

    /// <summary>a → b → c → d (depends_on), a → e (uses), and f alone.</summary>
    public static NogGraph Chain()
    {
        var graph = new NogGraph();
        foreach (var id in new[] { "a", "b", "c", "d", "e", "f" })
        {
            graph.AddEntity(Entity(id));
        }

        graph.AddRelationship(Link("a", RelationshipType.DependsOn, "b"));
        graph.AddRelationship(Link("b", RelationshipType.DependsOn, "c"));
        graph.AddRelationship(Link("c", RelationshipType.DependsOn, "d"));
        graph.AddRelationship(Link("a", RelationshipType.Uses, "e"));
        return graph;
    }

    public static ImmutableArray<string> Ids(IEnumerable<NogEntity> entities) => [.. entities.Select(e => e.Id)];
}
