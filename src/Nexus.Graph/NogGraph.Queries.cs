namespace Nexus.Graph;

/// <summary>Lookups and traversals. Results that are sets come sorted by id, traversals in breadth-first order.</summary>
public sealed partial class NogGraph
{
    public bool ContainsEntity(string id) => _nodes.ContainsKey(id);

    public bool TryGetEntity(string id, out NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = _nodes.TryGetValue(id, out var node);
        entity = found ? node!.Entity : null!;
        return found;
    }

    /// <summary>The entity with this id; <c>ENTITY_NOT_FOUND</c> when there is none.</summary>
    public NogEntity GetEntity(string id) => Node(id).Entity;

    public bool TryGetRelationship(string id, out NogRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _relationships.TryGetValue(id, out relationship!);
    }

    /// <summary>The relationship with this id; <c>RELATIONSHIP_NOT_FOUND</c> when there is none.</summary>
    public NogRelationship GetRelationship(string id) =>
        TryGetRelationship(id, out var relationship)
            ? relationship
            : throw new GraphException(GraphErrorCodes.RelationshipNotFound, $"no relationship has id '{GraphIds.Show(id)}'");

    /// <summary>The relationships from this entity (<c>ENTITY_NOT_FOUND</c> when there is none), oldest first.</summary>
    public IReadOnlyList<NogRelationship> Outgoing(string id) => [.. Node(id).Outgoing];

    /// <summary>The relationships to this entity (<c>ENTITY_NOT_FOUND</c> when there is none), oldest first.</summary>
    public IReadOnlyList<NogRelationship> Incoming(string id) => [.. Node(id).Incoming];

    public IReadOnlyList<NogEntity> FindByCategory(EntityCategory category) => Find(new EntityQuery { Category = category });

    public IReadOnlyList<NogEntity> FindByTag(string tag) => Find(new EntityQuery { Tag = tag });

    public IReadOnlyList<NogEntity> FindByPanel(string panelId) => Find(new EntityQuery { Panel = panelId });

    public IReadOnlyList<NogEntity> Search(string text) => Find(new EntityQuery { Text = text });

    /// <summary>
    /// The entities matching every criterion of the query, sorted by id. The smallest index among category, tag
    /// and panel gives the candidates; a text-only query scans every entity (substring search has no index).
    /// </summary>
    public IReadOnlyList<NogEntity> Find(EntityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<string>? candidates = null;
        var smallest = int.MaxValue;
        Consider(query.Category is { } category ? _byCategory.GetValueOrDefault(category) : null, query.Category is not null);
        Consider(query.Tag is { } tag ? _byTag.GetValueOrDefault(tag) : null, query.Tag is not null);
        Consider(query.Panel is { } panel ? _byPanel.GetValueOrDefault(panel) : null, query.Panel is not null);

        var entities = (candidates?.Select(id => _nodes[id].Entity) ?? Entities).Where(e => Matches(e, query));
        return [.. entities.OrderBy(static e => e.Id, StringComparer.Ordinal)];

        void Consider(HashSet<string>? ids, bool asked)
        {
            if (!asked)
            {
                return;
            }

            ids ??= [];
            if (ids.Count < smallest)
            {
                smallest = ids.Count;
                candidates = ids;
            }
        }
    }

    /// <summary>
    /// The entities within <paramref name="depth"/> relationships of <paramref name="id"/>, following relationships
    /// in both directions (breadth first; the start is not included), optionally only relationships of the given
    /// types. Depth 0 is empty; a depth above <see cref="NogGraphOptions.MaxNeighborDepth"/> is <c>INVALID_QUERY</c>.
    /// </summary>
    public IReadOnlyList<Neighbor> Neighbors(string id, int depth = 1, IReadOnlySet<RelationshipType>? types = null)
    {
        var start = Node(id);
        if (depth < 0 || depth > Options.MaxNeighborDepth)
        {
            throw new GraphException(GraphErrorCodes.InvalidQuery, $"depth {depth} is out of range: it must be between 0 and {Options.MaxNeighborDepth}");
        }

        var found = new List<Neighbor>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var frontier = new List<EntityNode> { start };
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<EntityNode>();
            foreach (var node in frontier)
            {
                Visit(node.Outgoing, outgoing: true, level);
                Visit(node.Incoming, outgoing: false, level);
            }

            frontier = next;

            void Visit(List<NogRelationship> relationships, bool outgoing, int at)
            {
                foreach (var relationship in relationships)
                {
                    if (Allowed(relationship, types) && seen.Add(outgoing ? relationship.To : relationship.From))
                    {
                        var reached = _nodes[outgoing ? relationship.To : relationship.From];
                        found.Add(new Neighbor(reached.Entity, at, relationship));
                        next.Add(reached);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A shortest path from <paramref name="fromId"/> to <paramref name="toId"/>, or null when none exists. A
    /// breadth-first search from both ends at once (expanding the smaller frontier a whole level at a time), so a
    /// query visits far fewer entities than a one-sided search. Both ids must exist (<c>ENTITY_NOT_FOUND</c>).
    /// </summary>
    public GraphPath? ShortestPath(string fromId, string toId, PathOptions? options = null)
    {
        var from = Node(fromId);
        var to = Node(toId);
        return new PathSearch(this, options ?? PathOptions.Default).Run(from, to);
    }

    private static bool Allowed(NogRelationship relationship, IReadOnlySet<RelationshipType>? types) =>
        types is null || types.Count == 0 || types.Contains(relationship.Type);

    private static bool Matches(NogEntity entity, EntityQuery query)
    {
        if ((query.Category is { } category && entity.Category != category)
            || (query.Panel is { } panel && !string.Equals(entity.SourcePanel, panel, StringComparison.Ordinal))
            || (query.Tag is { } tag && !entity.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (string.IsNullOrEmpty(query.Text))
        {
            return true;
        }

        var text = query.Text;
        return entity.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (entity.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
            || entity.Tags.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static GraphPath SingleEntity(NogEntity entity) => new([entity], []);
}
