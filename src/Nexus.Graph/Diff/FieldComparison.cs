namespace Nexus.Graph;

/// <summary>
/// Which fields of two versions of an entity differ, by JSON name. The bookkeeping fields (<c>createdAt</c>,
/// <c>updatedAt</c>, <c>version</c>) say when, not what, so a diff leaves them out unless asked.
/// </summary>
internal static class EntityFields
{
    public static List<string> Changed(NogEntity a, NogEntity b, bool includeBookkeeping)
    {
        var changed = new List<string>();
        Check(changed, "id", string.Equals(a.Id, b.Id, StringComparison.Ordinal));
        Check(changed, "name", string.Equals(a.Name, b.Name, StringComparison.Ordinal));
        Check(changed, "category", a.Category == b.Category);
        Check(changed, "status", a.Status == b.Status);
        Check(changed, "description", string.Equals(a.Description, b.Description, StringComparison.Ordinal));
        Check(changed, "sourcePanel", string.Equals(a.SourcePanel, b.SourcePanel, StringComparison.Ordinal));
        Check(changed, "tags", a.Tags.AsSpan().SequenceEqual(b.Tags.AsSpan()));
        Check(changed, "properties", Equals(a.Properties, b.Properties));
        if (includeBookkeeping)
        {
            Check(changed, "createdAt", a.CreatedAt == b.CreatedAt);
            Check(changed, "updatedAt", a.UpdatedAt == b.UpdatedAt);
            Check(changed, "version", a.Version == b.Version);
        }

        return changed;
    }

    internal static void Check(List<string> changed, string field, bool same)
    {
        if (!same)
        {
            changed.Add(field);
        }
    }
}

/// <summary>Which fields of two versions of a relationship differ, by JSON name (<c>meta.strength</c> for meta's parts).</summary>
internal static class RelationshipFields
{
    public static List<string> Changed(NogRelationship a, NogRelationship b, bool includeBookkeeping)
    {
        var changed = new List<string>();
        EntityFields.Check(changed, "id", string.Equals(a.Id, b.Id, StringComparison.Ordinal));
        EntityFields.Check(changed, "from", string.Equals(a.From, b.From, StringComparison.Ordinal));
        EntityFields.Check(changed, "to", string.Equals(a.To, b.To, StringComparison.Ordinal));
        EntityFields.Check(changed, "type", a.Type == b.Type);
        EntityFields.Check(changed, "label", string.Equals(a.Label, b.Label, StringComparison.Ordinal));
        if (!ReferenceEquals(a.Meta, b.Meta))
        {
            EntityFields.Check(changed, "meta.strength", a.Meta.Strength.Equals(b.Meta.Strength));
            EntityFields.Check(changed, "meta.confidence", a.Meta.Confidence.Equals(b.Meta.Confidence));
            EntityFields.Check(changed, "meta.source", a.Meta.Source == b.Meta.Source);
            EntityFields.Check(changed, "meta.notes", string.Equals(a.Meta.Notes, b.Meta.Notes, StringComparison.Ordinal));
        }

        EntityFields.Check(changed, "properties", Equals(a.Properties, b.Properties));
        if (includeBookkeeping)
        {
            EntityFields.Check(changed, "createdAt", a.CreatedAt == b.CreatedAt);
            EntityFields.Check(changed, "updatedAt", a.UpdatedAt == b.UpdatedAt);
        }

        return changed;
    }
}
