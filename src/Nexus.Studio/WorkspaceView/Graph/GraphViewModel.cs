using Nexus.Graph;

namespace Nexus.Studio.WorkspaceView.Graph;

/// <summary>One relationship of the selected entity and the entity at its other end.</summary>
public sealed record NeighborLink(NogRelationship Relationship, NogEntity Other, bool Outgoing)
{
    /// <summary>What the link says: the relationship type, or its label for a custom one.</summary>
    public string Label => GraphViewModel.LabelOf(Relationship);
}

/// <summary>
/// What the NOG view shows: a snapshot of the workspace's graph, the category and panel filters, and the selected
/// entity with its neighbours. Filters hide entities, and a relationship shows only while both its ends do.
/// A refresh takes a new snapshot and keeps the filters, and the selection while its entity still exists.
/// Queries (search, incoming, outgoing) are the graph's own, the same the HTTP API answers with.
/// </summary>
public sealed class GraphViewModel
{
    /// <summary>The panel filter's key for entities that come from no panel (authored ones): no panel id is empty.</summary>
    public const string NoPanel = "";

    private readonly HashSet<EntityCategory> _hiddenCategories = [];
    private readonly HashSet<string> _hiddenPanels = new(StringComparer.Ordinal);
    private NogGraph _graph = new();

    /// <summary>Every entity, sorted by id.</summary>
    public IReadOnlyList<NogEntity> Entities { get; private set; } = [];

    /// <summary>The categories present in the graph, in the categories' order.</summary>
    public IReadOnlyList<EntityCategory> Categories { get; private set; } = [];

    /// <summary>The panels entities come from, sorted, then <see cref="NoPanel"/> when some come from none.</summary>
    public IReadOnlyList<string> Panels { get; private set; } = [];

    /// <summary>The entities the filters let through, sorted by id.</summary>
    public IReadOnlyList<NogEntity> VisibleEntities { get; private set; } = [];

    /// <summary>The relationships whose two ends are both visible, sorted by id.</summary>
    public IReadOnlyList<NogRelationship> VisibleRelationships { get; private set; } = [];

    /// <summary>The workspace NOG's version this snapshot was taken at.</summary>
    public long Version { get; private set; }

    /// <summary>One more whenever what is visible may have changed (a refresh or a filter): the canvas redraws then.</summary>
    public int Revision { get; private set; }

    public bool IsEmpty => Entities.Count == 0;

    public NogEntity? Selected { get; private set; }

    /// <summary>The selected entity's relationships to others: outgoing first, then incoming, each sorted by id.</summary>
    public IReadOnlyList<NeighborLink> Neighbors { get; private set; } = [];

    /// <summary>What a relationship's link is labelled with: its type, or its own label for a custom one.</summary>
    public static string LabelOf(NogRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return relationship.Type == RelationshipType.Custom && !string.IsNullOrWhiteSpace(relationship.Label)
            ? relationship.Label
            : NogNames.Of(relationship.Type);
    }

    /// <summary>The key of an entity's panel in the panel filter.</summary>
    public static string PanelOf(NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.SourcePanel ?? NoPanel;
    }

    /// <summary>Takes a new snapshot of the graph (shared, never changed here); filters stay, and so does a selection that still exists.</summary>
    public void Refresh(NogGraph graph, long version)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        Version = version;
        Entities = [.. graph.Entities.OrderBy(e => e.Id, StringComparer.Ordinal)];
        Categories = [.. Entities.Select(e => e.Category).Distinct().Order()];
        Panels = [.. Entities.Select(PanelOf).Distinct(StringComparer.Ordinal).OrderBy(p => p.Length == 0).ThenBy(p => p, StringComparer.Ordinal)];
        Select(Selected?.Id);
        Filter();
    }

    public bool IsCategoryShown(EntityCategory category) => !_hiddenCategories.Contains(category);

    public bool IsPanelShown(string panel) => !_hiddenPanels.Contains(panel);

    public void ShowCategory(EntityCategory category, bool shown)
    {
        _ = shown ? _hiddenCategories.Remove(category) : _hiddenCategories.Add(category);
        Filter();
    }

    public void ShowPanel(string panel, bool shown)
    {
        ArgumentNullException.ThrowIfNull(panel);
        _ = shown ? _hiddenPanels.Remove(panel) : _hiddenPanels.Add(panel);
        Filter();
    }

    public bool IsVisible(NogEntity entity) => IsCategoryShown(entity.Category) && IsPanelShown(PanelOf(entity));

    /// <summary>Selects an entity by id (null clears); false, and nothing selected, when the graph has no such entity.</summary>
    public bool Select(string? id)
    {
        if (id is not null && _graph.TryGetEntity(id, out var entity))
        {
            Selected = entity;
            Neighbors = [.. _graph.Outgoing(id).Select(r => Link(r, r.To, outgoing: true)), .. _graph.Incoming(id).Select(r => Link(r, r.From, outgoing: false))];
            return true;
        }

        (Selected, Neighbors) = (null, []);
        return id is null;
    }

    /// <summary>The visible entities whose name, description or tags contain the text (the graph's search); all visible ones for blank text.</summary>
    public IReadOnlyList<NogEntity> Search(string? text) =>
        string.IsNullOrWhiteSpace(text) ? VisibleEntities : [.. _graph.Search(text.Trim()).Where(IsVisible)];

    private NeighborLink Link(NogRelationship relationship, string otherId, bool outgoing) =>
        new(relationship, _graph.GetEntity(otherId), outgoing);

    private void Filter()
    {
        VisibleEntities = [.. Entities.Where(IsVisible)];
        var visible = VisibleEntities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        VisibleRelationships = [.. _graph.Relationships.Where(r => visible.Contains(r.From) && visible.Contains(r.To)).OrderBy(r => r.Id, StringComparer.Ordinal)];
        Revision++;
    }
}
