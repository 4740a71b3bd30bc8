using Nexus.Graph;
using Nexus.Graph.Diff;

namespace Nexus.Studio.WorkspaceView.Proposals;

/// <summary>Words for the parts of a NOG diff (<see cref="GraphDiff"/>): what a reviewer reads instead of JSON.</summary>
public static class GraphChangeText
{
    /// <summary><c>“Counter” (component, panel:counter)</c>.</summary>
    public static string Entity(NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return $"“{entity.Name}” ({NogNames.Of(entity.Category)}, {entity.Id})";
    }

    /// <summary><c>tool:a/add consumes state:a/todos</c>, with its label when it has one.</summary>
    public static string Relationship(NogRelationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var label = string.IsNullOrEmpty(relationship.Label) ? "" : $" “{relationship.Label}”";
        return $"{relationship.From} {Words(NogNames.Of(relationship.Type))}{label} {relationship.To}";
    }

    /// <summary>One changed field of an entity: <c>name: “Counter” → “Tally”</c>; fields without a short value are only named.</summary>
    public static string Field(EntityChange change, string field)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (before, after) = field switch
        {
            "name" => (change.Before.Name, change.After.Name),
            "category" => (NogNames.Of(change.Before.Category), NogNames.Of(change.After.Category)),
            "status" => (NogNames.Of(change.Before.Status), NogNames.Of(change.After.Status)),
            "description" => (change.Before.Description, change.After.Description),
            "sourcePanel" => (change.Before.SourcePanel, change.After.SourcePanel),
            "tags" => (string.Join(", ", change.Before.Tags), string.Join(", ", change.After.Tags)),
            _ => ((string?)null, (string?)null),
        };
        return Describe(field, before, after);
    }

    /// <summary>One changed field of a relationship, as <see cref="Field(EntityChange, string)"/>.</summary>
    public static string Field(RelationshipChange change, string field)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (before, after) = field switch
        {
            "from" => (change.Before.From, change.After.From),
            "to" => (change.Before.To, change.After.To),
            "type" => (NogNames.Of(change.Before.Type), NogNames.Of(change.After.Type)),
            "label" => (change.Before.Label, change.After.Label),
            "meta.notes" => (change.Before.Meta.Notes, change.After.Meta.Notes),
            _ => ((string?)null, (string?)null),
        };
        return Describe(field, before, after);
    }

    private static string Describe(string field, string? before, string? after) =>
        before is null && after is null ? $"{field} changed" : $"{field}: {Quote(before)} → {Quote(after)}";

    private static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"“{value}”";

    private static string Words(string snakeCase) => snakeCase.Replace('_', ' ');
}
