namespace Nexus.Graph;

/// <summary>
/// Bad input to the NOG: a duplicate id, a missing endpoint, an invalid field, unreadable JSON. <see cref="Code"/>
/// is one of <see cref="GraphErrorCodes"/>, for programs; the message is for people.
/// </summary>
public sealed class GraphException : Exception
{
    public GraphException(string code, string message)
        : base(message) => Code = code;

    public GraphException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    public GraphException()
        : this(GraphErrorCodes.InvalidEntity, "invalid graph input")
    {
    }

    public GraphException(string message)
        : this(GraphErrorCodes.InvalidEntity, message)
    {
    }

    public GraphException(string message, Exception innerException)
        : this(GraphErrorCodes.InvalidEntity, message, innerException)
    {
    }

    /// <summary>The machine-readable error code (<c>DUPLICATE_ID</c>, <c>ENTITY_NOT_FOUND</c>, ...).</summary>
    public string Code { get; }
}

/// <summary>The error codes a <see cref="GraphException"/> carries.</summary>
public static class GraphErrorCodes
{
    /// <summary>An entity or relationship id that is already taken.</summary>
    public const string DuplicateId = "DUPLICATE_ID";

    /// <summary>No entity has this id.</summary>
    public const string EntityNotFound = "ENTITY_NOT_FOUND";

    /// <summary>No relationship has this id.</summary>
    public const string RelationshipNotFound = "RELATIONSHIP_NOT_FOUND";

    /// <summary>A relationship's <c>from</c> or <c>to</c> names no entity.</summary>
    public const string MissingEndpoint = "MISSING_ENDPOINT";

    /// <summary>An entity with an empty or too long id or name, or an undefined enum value.</summary>
    public const string InvalidEntity = "INVALID_ENTITY";

    /// <summary>A relationship with an empty or too long id, or a strength or confidence outside 0..1.</summary>
    public const string InvalidRelationship = "INVALID_RELATIONSHIP";

    /// <summary>A patch whose kind, operation and payload do not fit together.</summary>
    public const string InvalidPatch = "INVALID_PATCH";

    /// <summary>A query argument out of range (a negative or too large depth).</summary>
    public const string InvalidQuery = "INVALID_QUERY";

    /// <summary>NOG JSON that does not parse or does not have the documented shape.</summary>
    public const string InvalidJson = "INVALID_JSON";
}
