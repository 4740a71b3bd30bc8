namespace Nexus.Graph;

/// <summary>
/// A directed edge of the NOG: <see cref="From"/> <see cref="Type"/> <see cref="To"/> ("tool:a/add consumes
/// state:a/todos"). Both endpoints must be entities of the graph. Equality compares every field.
/// </summary>
public sealed record NogRelationship
{
    /// <summary>Unique among relationships (ordinal). Derived ones use <c>&lt;type&gt;:&lt;from&gt;-&gt;&lt;to&gt;</c>.</summary>
    public required string Id { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public RelationshipType Type { get; init; } = RelationshipType.RelatedTo;

    /// <summary>Free text; names the relation when <see cref="Type"/> is <see cref="RelationshipType.Custom"/>.</summary>
    public string? Label { get; init; }

    public RelationshipMeta Meta { get; init; } = RelationshipMeta.Default;

    public NogProperties Properties { get; init; } = NogProperties.Empty;

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The deterministic id of a relationship of this type between two entities: <c>depends_on:a-&gt;b</c>.</summary>
    public static string DefaultId(RelationshipType type, string from, string to) => $"{NogNames.Of(type)}:{from}->{to}";

    public bool Equals(NogRelationship? other) =>
        other is not null && RelationshipFields.Changed(this, other, includeBookkeeping: true).Count == 0;

    public override int GetHashCode() => HashCode.Combine(Id, From, To, Type);

    internal void Validate(NogGraphOptions options)
    {
        Require(GraphIds.IsValid(Id, options.MaxIdLength), $"a relationship id must be 1 to {options.MaxIdLength} characters without control characters (got '{GraphIds.Show(Id)}')");
        Require(GraphIds.IsValid(From, options.MaxIdLength) && GraphIds.IsValid(To, options.MaxIdLength), $"relationship '{Id}' needs valid from and to ids");
        Require(NogNames.IsDefined(Type), $"relationship '{Id}' has an undefined type ({(int)Type})");
        Require(Meta is not null, $"relationship '{Id}' has null meta (use RelationshipMeta.Default)");
        Require(Meta!.Strength is >= 0 and <= 1, $"relationship '{Id}' has strength {Meta.Strength}; it must be between 0 and 1");
        Require(Meta.Confidence is >= 0 and <= 1, $"relationship '{Id}' has confidence {Meta.Confidence}; it must be between 0 and 1");
        Require(NogNames.IsDefined(Meta.Source), $"relationship '{Id}' has an undefined source ({(int)Meta.Source})");
        Require(Properties is not null, $"relationship '{Id}' has null properties (use NogProperties.Empty)");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new GraphException(GraphErrorCodes.InvalidRelationship, message);
        }
    }
}

/// <summary>How sure and how strong a relationship is, and who asserted it. Strength and confidence are 0..1.</summary>
public sealed record RelationshipMeta
{
    /// <summary>Strength 1, confidence 1, asserted by a user.</summary>
    public static readonly RelationshipMeta Default = new();

    /// <summary>Strength 1, confidence 1, asserted by the system (derived from NXML).</summary>
    public static readonly RelationshipMeta System = new() { Source = RelationshipSource.System };

    public double Strength { get; init; } = 1;

    public double Confidence { get; init; } = 1;

    public RelationshipSource Source { get; init; } = RelationshipSource.User;

    public string? Notes { get; init; }
}
