namespace Nexus.Graph.Json;

/// <summary>The limits of reading NOG JSON. Every value is validated when set.</summary>
public sealed record NogJsonOptions
{
    public static readonly NogJsonOptions Default = new();

    /// <summary>Characters of JSON text read at most (<c>INVALID_JSON</c> beyond). Default 64 Mi characters.</summary>
    public int MaxDocumentChars
    {
        get;
        init => field = value >= 1_024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDocumentChars), value, "MaxDocumentChars must be at least 1,024");
    } = 64 * 1024 * 1024;

    /// <summary>Nesting depth of the JSON (properties included). Default 64.</summary>
    public int MaxDepth
    {
        get;
        init => field = value is >= 8 and <= 1_000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "MaxDepth must be between 8 and 1,000");
    } = 64;

    /// <summary>The rules entities and relationships read are validated against (id length, ...).</summary>
    public NogGraphOptions Graph
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Graph));
    } = NogGraphOptions.Default;
}
