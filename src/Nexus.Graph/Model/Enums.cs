namespace Nexus.Graph;

/// <summary>What kind of thing an entity is. JSON: the lower-case name (<c>"concept"</c>).</summary>
public enum EntityCategory
{
    Concept,
    Component,
    Data,
    Action,
    Resource,
    Constraint,
    Milestone,
    Custom,
}

/// <summary>Where an entity is in its life. JSON: the lower-case name (<c>"active"</c>).</summary>
public enum EntityStatus
{
    Draft,
    Active,
    Deprecated,
    Archived,
}

/// <summary>What a relationship says about its two entities. JSON: snake_case (<c>"depends_on"</c>).</summary>
public enum RelationshipType
{
    Contains,
    PartOf,
    Extends,
    Implements,
    DependsOn,
    RequiredBy,
    Uses,
    UsedBy,
    Produces,
    Consumes,
    Transforms,
    RelatedTo,
    SimilarTo,
    ConflictsWith,
    Precedes,
    Follows,
    Triggers,
    Custom,
}

/// <summary>Who asserted a relationship. JSON: the lower-case name (<c>"system"</c>).</summary>
public enum RelationshipSource
{
    User,
    Ai,
    System,
}
