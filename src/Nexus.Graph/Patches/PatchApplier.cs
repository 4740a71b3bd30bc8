namespace Nexus.Graph.Patches;

/// <summary>
/// Applies patch sets to a graph, all or nothing: each change records how to undo it, and when a patch fails
/// the changes made so far are undone in reverse order, so the graph (and its revision) is exactly as before.
/// Timestamps come from the clock: a create sets <c>createdAt</c> and <c>updatedAt</c>; an update keeps
/// <c>createdAt</c>, sets <c>updatedAt</c> and, for entities, makes <c>version</c> one more than before.
/// </summary>
public static class PatchApplier
{
    /// <summary>Applies the <c>pending</c> and <c>approved</c> patches of the set in order; the others are skipped.</summary>
    public static PatchSetResult Apply(NogGraph graph, PatchSet patchSet, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(patchSet);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var revision = graph.Revision;
        var undo = new List<Action>();
        var patches = patchSet.Patches.IsDefault ? [] : patchSet.Patches;
        var statuses = new PatchStatus[patches.Length];
        var applied = 0;
        for (var i = 0; i < patches.Length; i++)
        {
            var patch = patches[i];
            statuses[i] = patch?.Status ?? PatchStatus.Pending;
            if (patch is not null && patch.Status is not (PatchStatus.Pending or PatchStatus.Approved))
            {
                continue;
            }

            try
            {
                ApplyOne(graph, patch, now, undo);
                statuses[i] = PatchStatus.Applied;
                applied++;
            }
            catch (GraphException error)
            {
                for (var u = undo.Count - 1; u >= 0; u--)
                {
                    undo[u]();
                }

                graph.RestoreRevision(revision);
                var failed = patchSet with
                {
                    Status = PatchStatus.Failed,
                    Patches = [.. patches.Select((p, index) => index == i && p is not null ? p with { Status = PatchStatus.Failed } : p!)],
                };
                return new PatchSetResult(failed, false, 0, i, patch?.Id, error.Code, $"patch {i} ('{patch?.Id}'): {error.Message}");
            }
        }

        var done = patchSet with
        {
            Status = PatchStatus.Applied,
            Patches = [.. patches.Select((p, index) => p with { Status = statuses[index] })],
        };
        return new PatchSetResult(done, true, applied);
    }

    private static void ApplyOne(NogGraph graph, GraphPatch? patch, DateTimeOffset now, List<Action> undo)
    {
        if (patch is null || string.IsNullOrEmpty(patch.TargetId))
        {
            throw Invalid("a patch needs a target id");
        }

        if (patch.Confidence is { } confidence && confidence is not (>= 0 and <= 1))
        {
            throw Invalid($"confidence {confidence} is outside 0..1");
        }

        switch (patch.Kind)
        {
            case PatchKind.Entity:
                ApplyEntity(graph, patch, now, undo);
                break;
            case PatchKind.Relationship:
                ApplyRelationship(graph, patch, now, undo);
                break;
            case PatchKind.View:
                ApplyView(graph, patch, undo);
                break;
            default:
                throw Invalid($"undefined patch kind {(int)patch.Kind}");
        }
    }

    private static void ApplyEntity(NogGraph graph, GraphPatch patch, DateTimeOffset now, List<Action> undo)
    {
        var id = patch.TargetId;
        switch (patch.Operation)
        {
            case PatchOperation.Create:
                var created = Payload(patch.Entity, patch, e => e.Id) with { CreatedAt = now, UpdatedAt = now, Version = 1 };
                graph.AddEntity(created);
                undo.Add(() => graph.RemoveEntity(id));
                break;
            case PatchOperation.Update:
                var old = graph.GetEntity(id);
                graph.UpdateEntity(Payload(patch.Entity, patch, e => e.Id) with { CreatedAt = old.CreatedAt, UpdatedAt = now, Version = old.Version + 1 });
                undo.Add(() => graph.UpdateEntity(old));
                break;
            case PatchOperation.Delete:
                var (entity, relationships, hint) = graph.RemoveEntityAndRelationships(id)
                    ?? throw new GraphException(GraphErrorCodes.EntityNotFound, $"no entity has id '{id}'");
                undo.Add(() =>
                {
                    graph.AddEntity(entity);
                    relationships.ForEach(graph.AddRelationship);
                    if (hint is not null)
                    {
                        graph.SetViewHint(id, hint);
                    }
                });
                break;
            default:
                throw Invalid($"undefined patch operation {(int)patch.Operation}");
        }
    }

    private static void ApplyRelationship(NogGraph graph, GraphPatch patch, DateTimeOffset now, List<Action> undo)
    {
        var id = patch.TargetId;
        switch (patch.Operation)
        {
            case PatchOperation.Create:
                graph.AddRelationship(Payload(patch.Relationship, patch, r => r.Id) with { CreatedAt = now, UpdatedAt = now });
                undo.Add(() => graph.RemoveRelationship(id));
                break;
            case PatchOperation.Update:
                var old = graph.GetRelationship(id);
                graph.UpdateRelationship(Payload(patch.Relationship, patch, r => r.Id) with { CreatedAt = old.CreatedAt, UpdatedAt = now });
                undo.Add(() => graph.UpdateRelationship(old));
                break;
            case PatchOperation.Delete:
                var removed = graph.GetRelationship(id);
                graph.RemoveRelationship(id);
                undo.Add(() => graph.AddRelationship(removed));
                break;
            default:
                throw Invalid($"undefined patch operation {(int)patch.Operation}");
        }
    }

    private static void ApplyView(NogGraph graph, GraphPatch patch, List<Action> undo)
    {
        var id = patch.TargetId;
        _ = graph.GetEntity(id);
        var had = graph.ViewHints.TryGetValue(id, out var previous);
        switch (patch.Operation)
        {
            case PatchOperation.Create or PatchOperation.Update:
                graph.SetViewHint(id, patch.View ?? throw Invalid("a view patch that sets a hint needs the hint"));
                break;
            case PatchOperation.Delete:
                graph.RemoveViewHint(id);
                break;
            default:
                throw Invalid($"undefined patch operation {(int)patch.Operation}");
        }

        undo.Add(() =>
        {
            if (had)
            {
                graph.SetViewHint(id, previous!);
            }
            else
            {
                graph.RemoveViewHint(id);
            }
        });
    }

    private static T Payload<T>(T? value, GraphPatch patch, Func<T, string> id)
        where T : class
    {
        if (value is null)
        {
            throw Invalid($"a {patch.Operation.ToString().ToLowerInvariant()} patch needs the new {patch.Kind.ToString().ToLowerInvariant()}");
        }

        if (!string.Equals(id(value), patch.TargetId, StringComparison.Ordinal))
        {
            throw Invalid($"the patch targets '{patch.TargetId}' but carries '{id(value)}'");
        }

        return value;
    }

    private static GraphException Invalid(string message) => new(GraphErrorCodes.InvalidPatch, message);
}
