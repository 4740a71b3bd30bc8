using System.Collections.Immutable;
using Nexus.Graph;
using Nexus.Nxml;

namespace Nexus.Workspace.Nog;

/// <summary>An authored relationship left out of the merged graph, and why (an endpoint that no longer exists).</summary>
public sealed record SkippedRelationship(NogRelationship Relationship, string ErrorCode, string Reason);

/// <summary>The merged NOG of a workspace, and the authored relationships that could not be part of it.</summary>
public sealed record WorkspaceGraph(NogGraph Graph, ImmutableArray<SkippedRelationship> Skipped);

/// <summary>
/// Keeps each panel's derived part and the authored document (<c>graph/nog.json</c>) and merges them into the
/// workspace's NOG. Setting a panel replaces only that panel's derived part; <see cref="Build"/> merges afresh
/// (linear in the size of the graph, so the merged graph never drifts from its inputs).
/// <para>Merge rules:</para>
/// <list type="bullet">
/// <item>Derived entities come first. An authored entity with the id of a derived one <b>overlays</b> it: its
/// name, its description (when set), its tags (added after the derived ones), its properties (its keys win),
/// its bookkeeping fields, and its status when it is <c>deprecated</c> or <c>archived</c> (people may retire a
/// derived thing; it is otherwise active while its source declares it). Category and source panel stay derived.</item>
/// <item>Other authored entities are added as they are.</item>
/// <item>Authored relationships may point at derived entities. One whose endpoint does not exist (its panel or
/// tool was removed) is left out and reported in <see cref="WorkspaceGraph.Skipped"/>, never an error: it comes
/// back when the entity does. One with the id of a derived relationship replaces it.</item>
/// <item>Authored view hints of entities that do not exist are left out.</item>
/// </list>
/// Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class WorkspaceGraphBuilder(NogGraphOptions? options = null)
{
    private readonly SortedDictionary<string, DerivedPanelGraph> _panels = new(StringComparer.Ordinal);

    public NogGraphOptions Options { get; } = options ?? NogGraphOptions.Default;

    /// <summary>The authored part (entities, relationships and view hints of <c>graph/nog.json</c>).</summary>
    public NogDocument Authored { get; private set; } = NogDocument.Empty;

    /// <summary>The derived part of each panel, by panel id.</summary>
    public IReadOnlyDictionary<string, DerivedPanelGraph> Panels => _panels;

    public void SetAuthored(NogDocument authored)
    {
        ArgumentNullException.ThrowIfNull(authored);
        Authored = authored;
    }

    /// <summary>Derives a panel (see <see cref="NogDerivation.Derive"/>) and replaces its previous part.</summary>
    public DerivedPanelGraph SetPanel(string panelId, NxmlDocument document)
    {
        var derived = NogDerivation.Derive(panelId, document);
        _panels[panelId] = derived;
        return derived;
    }

    /// <summary>Replaces a panel's derived part with one derived before.</summary>
    public void SetPanel(DerivedPanelGraph derived)
    {
        ArgumentNullException.ThrowIfNull(derived);
        _panels[derived.PanelId] = derived;
    }

    public bool RemovePanel(string panelId)
    {
        ArgumentNullException.ThrowIfNull(panelId);
        return _panels.Remove(panelId);
    }

    /// <summary>
    /// The merged graph. Derived entities are unique by construction; an authored entity or relationship that is
    /// invalid for the graph's options throws <see cref="GraphException"/> (the authored document was parsed with
    /// the same rules, so this means a programming error, not bad user input).
    /// </summary>
    public WorkspaceGraph Build()
    {
        var graph = new NogGraph(Options);
        var derivedEntities = new Dictionary<string, NogEntity>(StringComparer.Ordinal);
        foreach (var entity in _panels.Values.SelectMany(p => p.Entities))
        {
            if (derivedEntities.TryAdd(entity.Id, entity))
            {
                graph.AddEntity(entity);
            }
        }

        foreach (var authored in Authored.Entities)
        {
            if (derivedEntities.TryGetValue(authored.Id, out var derived))
            {
                graph.UpdateEntity(Overlay(derived, authored));
            }
            else if (!graph.ContainsEntity(authored.Id))
            {
                graph.AddEntity(authored);
            }
        }

        foreach (var relationship in _panels.Values.SelectMany(p => p.Relationships))
        {
            if (!graph.TryGetRelationship(relationship.Id, out _))
            {
                graph.AddRelationship(relationship);
            }
        }

        var skipped = ImmutableArray.CreateBuilder<SkippedRelationship>();
        foreach (var relationship in Authored.Relationships)
        {
            try
            {
                if (graph.TryGetRelationship(relationship.Id, out _))
                {
                    graph.UpdateRelationship(relationship);
                }
                else
                {
                    graph.AddRelationship(relationship);
                }
            }
            catch (GraphException error) when (error.Code == GraphErrorCodes.MissingEndpoint)
            {
                skipped.Add(new SkippedRelationship(relationship, error.Code, error.Message));
            }
        }

        foreach (var (entityId, hint) in Authored.ViewHints)
        {
            if (graph.ContainsEntity(entityId))
            {
                graph.SetViewHint(entityId, hint);
            }
        }

        return new WorkspaceGraph(graph, skipped.ToImmutable());
    }

    private static NogEntity Overlay(NogEntity derived, NogEntity authored) => derived with
    {
        Name = authored.Name,
        Description = authored.Description ?? derived.Description,
        Status = authored.Status is EntityStatus.Deprecated or EntityStatus.Archived ? authored.Status : derived.Status,
        Tags = [.. derived.Tags.Concat(authored.Tags).Distinct(StringComparer.Ordinal)],
        Properties = derived.Properties.Overlay(authored.Properties),
        CreatedAt = authored.CreatedAt,
        UpdatedAt = authored.UpdatedAt,
        Version = authored.Version,
    };
}
