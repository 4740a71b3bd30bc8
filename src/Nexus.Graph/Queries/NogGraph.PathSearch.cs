namespace Nexus.Graph;

public sealed partial class NogGraph
{
    /// <summary>
    /// One bidirectional breadth-first search. Each side records, for every entity it reached, the entity it came
    /// from, the relationship it crossed and its distance. The side with the smaller frontier expands a whole
    /// level; every entity the other side already reached is a meeting point, and the best one of that level
    /// gives a shortest path.
    /// </summary>
    private sealed class PathSearch(NogGraph graph, PathOptions options)
    {
        private readonly Dictionary<string, Step> _forward = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Step> _backward = new(StringComparer.Ordinal);

        public GraphPath? Run(EntityNode from, EntityNode to)
        {
            if (ReferenceEquals(from, to))
            {
                return SingleEntity(from.Entity);
            }

            _forward[from.Entity.Id] = new Step(null, null, 0);
            _backward[to.Entity.Id] = new Step(null, null, 0);
            var forwardFrontier = new List<EntityNode> { from };
            var backwardFrontier = new List<EntityNode> { to };
            while (forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
            {
                string? meeting;
                if (forwardFrontier.Count <= backwardFrontier.Count)
                {
                    (forwardFrontier, meeting) = Expand(forwardFrontier, _forward, _backward, forwards: true);
                }
                else
                {
                    (backwardFrontier, meeting) = Expand(backwardFrontier, _backward, _forward, forwards: false);
                }

                if (meeting is not null)
                {
                    return Build(meeting);
                }
            }

            return null;
        }

        private (List<EntityNode> Next, string? Meeting) Expand(
            List<EntityNode> frontier, Dictionary<string, Step> reached, Dictionary<string, Step> other, bool forwards)
        {
            var next = new List<EntityNode>();
            string? meeting = null;
            var best = int.MaxValue;
            foreach (var node in frontier)
            {
                var depth = reached[node.Entity.Id].Depth + 1;

                // Forwards follows relationships from→to; backwards to→from. Undirected searches take both ways.
                Cross(forwards ? node.Outgoing : node.Incoming, towardsTo: forwards);
                if (!options.Directed)
                {
                    Cross(forwards ? node.Incoming : node.Outgoing, towardsTo: !forwards);
                }

                void Cross(List<NogRelationship> relationships, bool towardsTo)
                {
                    foreach (var relationship in relationships)
                    {
                        var id = towardsTo ? relationship.To : relationship.From;
                        if (!Allowed(relationship, options.Types) || reached.ContainsKey(id))
                        {
                            continue;
                        }

                        reached[id] = new Step(node.Entity.Id, relationship, depth);
                        next.Add(graph._nodes[id]);
                        if (other.TryGetValue(id, out var there) && depth + there.Depth < best)
                        {
                            best = depth + there.Depth;
                            meeting = id;
                        }
                    }
                }
            }

            return (next, meeting);
        }

        private GraphPath Build(string meeting)
        {
            var entities = new List<NogEntity>();
            var relationships = new List<NogRelationship>();
            for (var id = meeting; _forward[id] is { Previous: { } previous, Via: { } via }; id = previous)
            {
                entities.Add(graph._nodes[previous].Entity);
                relationships.Add(via);
            }

            entities.Reverse();
            relationships.Reverse();
            entities.Add(graph._nodes[meeting].Entity);
            for (var id = meeting; _backward[id] is { Previous: { } previous, Via: { } via }; id = previous)
            {
                entities.Add(graph._nodes[previous].Entity);
                relationships.Add(via);
            }

            return new GraphPath([.. entities], [.. relationships]);
        }

        private readonly record struct Step(string? Previous, NogRelationship? Via, int Depth);
    }
}
