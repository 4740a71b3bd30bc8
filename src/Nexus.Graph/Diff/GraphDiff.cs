using System.Collections.Immutable;

namespace Nexus.Graph.Diff;

/// <summary>An entity present on both sides with different values, and which fields (JSON names) differ.</summary>
public sealed record EntityChange(NogEntity Before, NogEntity After, ImmutableArray<string> Fields);

/// <summary>A relationship present on both sides with different values, and which fields differ (<c>meta.strength</c>, ...).</summary>
public sealed record RelationshipChange(NogRelationship Before, NogRelationship After, ImmutableArray<string> Fields);

/// <summary>
/// What changed between two graphs, matched by id; every list sorted by id. By default the bookkeeping fields
/// (<c>createdAt</c>, <c>updatedAt</c>, <c>version</c>) are not compared: they say when something changed, not
/// what, and a diff shown to a reviewer should only list changes of meaning. View hints are not compared.
/// </summary>
public sealed record GraphDiff
{
    public ImmutableArray<NogEntity> AddedEntities { get; init; } = [];

    public ImmutableArray<NogEntity> RemovedEntities { get; init; } = [];

    public ImmutableArray<EntityChange> ChangedEntities { get; init; } = [];

    public ImmutableArray<NogRelationship> AddedRelationships { get; init; } = [];

    public ImmutableArray<NogRelationship> RemovedRelationships { get; init; } = [];

    public ImmutableArray<RelationshipChange> ChangedRelationships { get; init; } = [];

    public bool IsEmpty =>
        AddedEntities.IsEmpty && RemovedEntities.IsEmpty && ChangedEntities.IsEmpty
        && AddedRelationships.IsEmpty && RemovedRelationships.IsEmpty && ChangedRelationships.IsEmpty;

    /// <summary>The changes that turn <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static GraphDiff Compare(NogGraph before, NogGraph after, bool includeBookkeeping = false)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Compare(before.Entities, after.Entities, before.Relationships, after.Relationships, includeBookkeeping);
    }

    /// <summary>The changes that turn one document into another (ids must be unique within each, as parsed documents are).</summary>
    public static GraphDiff Compare(NogDocument before, NogDocument after, bool includeBookkeeping = false)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Compare(before.Entities, after.Entities, before.Relationships, after.Relationships, includeBookkeeping);
    }

    private static GraphDiff Compare(
        IEnumerable<NogEntity> entitiesBefore,
        IEnumerable<NogEntity> entitiesAfter,
        IEnumerable<NogRelationship> relationshipsBefore,
        IEnumerable<NogRelationship> relationshipsAfter,
        bool includeBookkeeping)
    {
        var entities = Sides(entitiesBefore, entitiesAfter, static e => e.Id, (a, b) => EntityFields.Changed(a, b, includeBookkeeping));
        var relationships = Sides(relationshipsBefore, relationshipsAfter, static r => r.Id, (a, b) => RelationshipFields.Changed(a, b, includeBookkeeping));
        return new GraphDiff
        {
            AddedEntities = entities.Added,
            RemovedEntities = entities.Removed,
            ChangedEntities = [.. entities.Changed.Select(c => new EntityChange(c.Before, c.After, c.Fields))],
            AddedRelationships = relationships.Added,
            RemovedRelationships = relationships.Removed,
            ChangedRelationships = [.. relationships.Changed.Select(c => new RelationshipChange(c.Before, c.After, c.Fields))],
        };
    }

    private static (ImmutableArray<T> Added, ImmutableArray<T> Removed, List<(T Before, T After, ImmutableArray<string> Fields)> Changed) Sides<T>(
        IEnumerable<T> before, IEnumerable<T> after, Func<T, string> id, Func<T, T, List<string>> changedFields)
    {
        var old = before.ToDictionary(id, StringComparer.Ordinal);
        var added = new List<T>();
        var changed = new List<(T, T, ImmutableArray<string>)>();
        foreach (var item in after.OrderBy(id, StringComparer.Ordinal))
        {
            if (!old.Remove(id(item), out var previous))
            {
                added.Add(item);
            }
            else if (changedFields(previous, item) is { Count: > 0 } fields)
            {
                changed.Add((previous, item, [.. fields]));
            }
        }

        return ([.. added], [.. old.Values.OrderBy(id, StringComparer.Ordinal)], changed);
    }
}
