using System.Collections.Immutable;

namespace Nexus.Graph;

/// <summary>
/// Entities, relationships and view hints as plain data: what <c>graph/nog.json</c> holds. Unlike a
/// <see cref="NogGraph"/>, a document does not require relationship endpoints to exist (authored relationships
/// may point at entities derived from panels), but ids are unique (checked when parsed from JSON).
/// </summary>
public sealed record NogDocument
{
    public static readonly NogDocument Empty = new([], [], null);

    public NogDocument(
        IEnumerable<NogEntity> entities,
        IEnumerable<NogRelationship> relationships,
        IEnumerable<KeyValuePair<string, NogProperties>>? viewHints = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(relationships);
        Entities = [.. entities];
        Relationships = [.. relationships];
        ViewHints = viewHints is null
            ? ImmutableSortedDictionary.Create<string, NogProperties>(StringComparer.Ordinal)
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, viewHints);
    }

    public ImmutableArray<NogEntity> Entities { get; init; }

    public ImmutableArray<NogRelationship> Relationships { get; init; }

    /// <summary>View hints by entity id (see <see cref="NogGraph.ViewHints"/>).</summary>
    public ImmutableSortedDictionary<string, NogProperties> ViewHints { get; init; }
}
