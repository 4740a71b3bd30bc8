namespace Nexus.Graph;

/// <summary>
/// The Nexus Object Graph: entities joined by directed relationships, with adjacency lists and secondary
/// indexes (category, tag, source panel) kept up to date on every change, so lookups, neighbour and path
/// queries touch only what they return or traverse.
/// <para>
/// Rules: ids are unique (entities among entities, relationships among relationships); a relationship's
/// endpoints must exist; removing an entity also removes every relationship touching it and its view hint.
/// Bad input throws <see cref="GraphException"/> and leaves the graph unchanged.
/// </para>
/// <para>Not thread-safe: one writer at a time, and no reader while a write is in progress.</para>
/// </summary>
public sealed partial class NogGraph
{
    private readonly Dictionary<string, EntityNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NogRelationship> _relationships = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityCategory, HashSet<string>> _byCategory = [];
    private readonly Dictionary<string, HashSet<string>> _byTag = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _byPanel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NogProperties> _viewHints = new(StringComparer.Ordinal);

    public NogGraph(NogGraphOptions? options = null) => Options = options ?? NogGraphOptions.Default;

    public NogGraphOptions Options { get; }

    /// <summary>Goes up by one on every change; lets a reader tell whether the graph moved since it last looked.</summary>
    public long Revision { get; private set; }

    public int EntityCount => _nodes.Count;

    public int RelationshipCount => _relationships.Count;

    /// <summary>Every entity, in no particular order (see <see cref="Find"/> for sorted results).</summary>
    public IEnumerable<NogEntity> Entities => _nodes.Values.Select(static n => n.Entity);

    /// <summary>Every relationship, in no particular order.</summary>
    public IEnumerable<NogRelationship> Relationships => _relationships.Values;

    /// <summary>
    /// The view hints of entities, by entity id: presentation data with no meaning for the graph (a position on
    /// the NOG canvas, a colour, collapsed or not), set by view patches (<see cref="Patches.PatchKind"/>).
    /// </summary>
    public IReadOnlyDictionary<string, NogProperties> ViewHints => _viewHints;

    /// <summary>A graph holding a document's entities, relationships and view hints; endpoints are validated.</summary>
    public static NogGraph FromDocument(NogDocument document, NogGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var graph = new NogGraph(options);
        foreach (var entity in document.Entities)
        {
            graph.AddEntity(entity);
        }

        foreach (var relationship in document.Relationships)
        {
            graph.AddRelationship(relationship);
        }

        foreach (var (entityId, hint) in document.ViewHints)
        {
            graph.SetViewHint(entityId, hint);
        }

        return graph;
    }

    /// <summary>The graph as a document, entities and relationships sorted by id.</summary>
    public NogDocument ToDocument() => new(
        [.. Entities.OrderBy(static e => e.Id, StringComparer.Ordinal)],
        [.. _relationships.Values.OrderBy(static r => r.Id, StringComparer.Ordinal)],
        _viewHints);

    /// <summary>Adds an entity; <c>DUPLICATE_ID</c> when its id is taken, <c>INVALID_ENTITY</c> when a field is invalid.</summary>
    public void AddEntity(NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Validate(Options);
        if (_nodes.ContainsKey(entity.Id))
        {
            throw new GraphException(GraphErrorCodes.DuplicateId, $"an entity with id '{entity.Id}' already exists");
        }

        _nodes.Add(entity.Id, new EntityNode(entity));
        Index(entity);
        Revision++;
    }

    /// <summary>Replaces the entity with the same id (<c>ENTITY_NOT_FOUND</c> when there is none); its relationships stay.</summary>
    public void UpdateEntity(NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Validate(Options);
        var node = Node(entity.Id);
        Unindex(node.Entity);
        node.Entity = entity;
        Index(entity);
        Revision++;
    }

    /// <summary>Removes an entity with every relationship touching it and its view hint; false when there is none.</summary>
    public bool RemoveEntity(string id) => RemoveEntityAndRelationships(id) is not null;

    /// <summary>Adds a relationship; <c>DUPLICATE_ID</c>, <c>MISSING_ENDPOINT</c> or <c>INVALID_RELATIONSHIP</c> when it cannot be.</summary>
    public void AddRelationship(NogRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        relationship.Validate(Options);
        if (_relationships.ContainsKey(relationship.Id))
        {
            throw new GraphException(GraphErrorCodes.DuplicateId, $"a relationship with id '{relationship.Id}' already exists");
        }

        var (from, to) = Endpoints(relationship);
        _relationships.Add(relationship.Id, relationship);
        from.Outgoing.Add(relationship);
        to.Incoming.Add(relationship);
        Revision++;
    }

    /// <summary>Replaces the relationship with the same id (<c>RELATIONSHIP_NOT_FOUND</c> when there is none); its endpoints may change.</summary>
    public void UpdateRelationship(NogRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        relationship.Validate(Options);
        if (!_relationships.TryGetValue(relationship.Id, out var old))
        {
            throw new GraphException(GraphErrorCodes.RelationshipNotFound, $"no relationship has id '{relationship.Id}'");
        }

        var (from, to) = Endpoints(relationship);
        Detach(old);
        _relationships[relationship.Id] = relationship;
        from.Outgoing.Add(relationship);
        to.Incoming.Add(relationship);
        Revision++;
    }

    /// <summary>Removes a relationship; false when there is none.</summary>
    public bool RemoveRelationship(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_relationships.Remove(id, out var relationship))
        {
            return false;
        }

        Detach(relationship);
        Revision++;
        return true;
    }

    /// <summary>Sets an entity's view hint (replacing any); <c>ENTITY_NOT_FOUND</c> when the entity does not exist.</summary>
    public void SetViewHint(string entityId, NogProperties hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        _ = Node(entityId);
        _viewHints[entityId] = hint;
        Revision++;
    }

    /// <summary>Removes an entity's view hint; false when it had none.</summary>
    public bool RemoveViewHint(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var removed = _viewHints.Remove(entityId);
        Revision += removed ? 1 : 0;
        return removed;
    }

    /// <summary>A copy sharing the (immutable) entities and relationships but none of the graph's own structures.</summary>
    public NogGraph Clone() => FromDocument(new NogDocument([.. Entities], [.. _relationships.Values], _viewHints), Options);

    /// <summary>Puts the revision back after a rolled-back patch set (the content is as before, so is the revision).</summary>
    internal void RestoreRevision(long revision) => Revision = revision;

    /// <summary>Removes an entity and returns what went with it (for undo), or null when it did not exist.</summary>
    internal (NogEntity Entity, List<NogRelationship> Relationships, NogProperties? ViewHint)? RemoveEntityAndRelationships(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_nodes.TryGetValue(id, out var node))
        {
            return null;
        }

        // Self-loops are in both lists: collect them once.
        var touching = new List<NogRelationship>(node.Outgoing.Count + node.Incoming.Count);
        touching.AddRange(node.Outgoing);
        touching.AddRange(node.Incoming.Where(r => !string.Equals(r.From, id, StringComparison.Ordinal)));
        foreach (var relationship in touching)
        {
            _relationships.Remove(relationship.Id);
            Detach(relationship);
        }

        _viewHints.Remove(id, out var hint);
        _nodes.Remove(id);
        Unindex(node.Entity);
        Revision++;
        return (node.Entity, touching, hint);
    }

    private EntityNode Node(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _nodes.TryGetValue(id, out var node)
            ? node
            : throw new GraphException(GraphErrorCodes.EntityNotFound, $"no entity has id '{GraphIds.Show(id)}'");
    }

    private (EntityNode From, EntityNode To) Endpoints(NogRelationship relationship)
    {
        if (!_nodes.TryGetValue(relationship.From, out var from))
        {
            throw new GraphException(GraphErrorCodes.MissingEndpoint, $"relationship '{relationship.Id}' comes from '{relationship.From}', which is no entity");
        }

        if (!_nodes.TryGetValue(relationship.To, out var to))
        {
            throw new GraphException(GraphErrorCodes.MissingEndpoint, $"relationship '{relationship.Id}' goes to '{relationship.To}', which is no entity");
        }

        return (from, to);
    }

    private void Detach(NogRelationship relationship)
    {
        if (_nodes.TryGetValue(relationship.From, out var from))
        {
            RemoveById(from.Outgoing, relationship.Id);
        }

        if (_nodes.TryGetValue(relationship.To, out var to))
        {
            RemoveById(to.Incoming, relationship.Id);
        }
    }

    private static void RemoveById(List<NogRelationship> list, string id)
    {
        var index = list.FindIndex(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        if (index >= 0)
        {
            list.RemoveAt(index);
        }
    }

    private void Index(NogEntity entity)
    {
        Add(_byCategory, entity.Category, entity.Id);
        foreach (var tag in entity.Tags)
        {
            Add(_byTag, tag, entity.Id);
        }

        if (entity.SourcePanel is { } panel)
        {
            Add(_byPanel, panel, entity.Id);
        }
    }

    private void Unindex(NogEntity entity)
    {
        Remove(_byCategory, entity.Category, entity.Id);
        foreach (var tag in entity.Tags)
        {
            Remove(_byTag, tag, entity.Id);
        }

        if (entity.SourcePanel is { } panel)
        {
            Remove(_byPanel, panel, entity.Id);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, HashSet<string>> index, TKey key, string id)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            index.Add(key, ids);
        }

        ids.Add(id);
    }

    private static void Remove<TKey>(Dictionary<TKey, HashSet<string>> index, TKey key, string id)
        where TKey : notnull
    {
        // Tags differing only in case share one set; an entity may carry both spellings, so remove once only.
        if (index.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }

    /// <summary>An entity with its adjacency lists (kept in insertion order, so traversals are deterministic).</summary>
    private sealed class EntityNode(NogEntity entity)
    {
        public NogEntity Entity { get; set; } = entity;

        public List<NogRelationship> Outgoing { get; } = [];

        public List<NogRelationship> Incoming { get; } = [];
    }
}
