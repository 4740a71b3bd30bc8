using System.Collections.Immutable;

namespace Nexus.Graph.Patches;

/// <summary>What a patch changes: an entity, a relationship, or an entity's view hint.</summary>
public enum PatchKind
{
    Entity,
    Relationship,

    /// <summary>
    /// A view hint: presentation data for one entity (position on the NOG canvas, colour, collapsed, ...) that
    /// carries no meaning for queries. Create and update both set the hint; delete removes it (no error when none).
    /// </summary>
    View,
}

public enum PatchOperation
{
    Create,
    Update,
    Delete,
}

/// <summary>Where a patch or patch set is in review. Only <c>pending</c> and <c>approved</c> patches are applied.</summary>
public enum PatchStatus
{
    Pending,
    Approved,
    Rejected,
    Applied,
    Failed,
    Expired,
}

/// <summary>
/// One proposed change to the graph. <see cref="TargetId"/> is the id of the entity or relationship it changes
/// (the entity's id for a view patch). Create and update carry the full new value (an update replaces the whole
/// entity or relationship, it does not merge); delete carries only the id.
/// </summary>
public sealed record GraphPatch
{
    public required string Id { get; init; }

    public required PatchKind Kind { get; init; }

    public required PatchOperation Operation { get; init; }

    public required string TargetId { get; init; }

    /// <summary>The new entity, for entity create and update.</summary>
    public NogEntity? Entity { get; init; }

    /// <summary>The new relationship, for relationship create and update.</summary>
    public NogRelationship? Relationship { get; init; }

    /// <summary>The new view hint, for view create and update.</summary>
    public NogProperties? View { get; init; }

    /// <summary>How sure the proposer is, 0..1; null when not said (people's patches).</summary>
    public double? Confidence { get; init; }

    /// <summary>Why the change is proposed, for the reviewer.</summary>
    public string? Reasoning { get; init; }

    public PatchStatus Status { get; init; } = PatchStatus.Pending;

    public static GraphPatch CreateEntity(string id, NogEntity entity) =>
        new() { Id = id, Kind = PatchKind.Entity, Operation = PatchOperation.Create, TargetId = entity?.Id!, Entity = entity };

    public static GraphPatch UpdateEntity(string id, NogEntity entity) =>
        new() { Id = id, Kind = PatchKind.Entity, Operation = PatchOperation.Update, TargetId = entity?.Id!, Entity = entity };

    public static GraphPatch DeleteEntity(string id, string entityId) =>
        new() { Id = id, Kind = PatchKind.Entity, Operation = PatchOperation.Delete, TargetId = entityId };

    public static GraphPatch CreateRelationship(string id, NogRelationship relationship) =>
        new() { Id = id, Kind = PatchKind.Relationship, Operation = PatchOperation.Create, TargetId = relationship?.Id!, Relationship = relationship };

    public static GraphPatch UpdateRelationship(string id, NogRelationship relationship) =>
        new() { Id = id, Kind = PatchKind.Relationship, Operation = PatchOperation.Update, TargetId = relationship?.Id!, Relationship = relationship };

    public static GraphPatch DeleteRelationship(string id, string relationshipId) =>
        new() { Id = id, Kind = PatchKind.Relationship, Operation = PatchOperation.Delete, TargetId = relationshipId };

    public static GraphPatch SetView(string id, string entityId, NogProperties hint) =>
        new() { Id = id, Kind = PatchKind.View, Operation = PatchOperation.Update, TargetId = entityId, View = hint };

    public static GraphPatch DeleteView(string id, string entityId) =>
        new() { Id = id, Kind = PatchKind.View, Operation = PatchOperation.Delete, TargetId = entityId };
}

/// <summary>Patches proposed and reviewed together, applied all or nothing.</summary>
public sealed record PatchSet
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Reasoning { get; init; }

    public double? Confidence { get; init; }

    /// <summary>Who proposed the set.</summary>
    public RelationshipSource Source { get; init; } = RelationshipSource.User;

    public PatchStatus Status { get; init; } = PatchStatus.Pending;

    /// <summary>Applied in order: a later patch may use what an earlier one created.</summary>
    public ImmutableArray<GraphPatch> Patches { get; init; } = [];
}

/// <summary>
/// What applying a patch set did. On success every applied patch and the set are <c>applied</c>. On failure
/// the graph is as before, the failing patch and the set are <c>failed</c>, and <see cref="FailedIndex"/>,
/// <see cref="FailedPatchId"/>, <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> say which patch and why.
/// </summary>
public sealed record PatchSetResult(
    PatchSet PatchSet,
    bool Succeeded,
    int AppliedCount,
    int? FailedIndex = null,
    string? FailedPatchId = null,
    string? ErrorCode = null,
    string? ErrorMessage = null);
