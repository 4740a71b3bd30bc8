namespace Nexus.Graph.Json;

/// <summary>
/// The JSON of <c>graph/nog.json</c>: <c>{"entities": [...], "relationships": [...], "views": {...}}</c>, camelCase
/// fields, snake_case enum values. <see cref="Serialize(NogDocument)"/> writes the canonical form (sorted,
/// two-space indented, final newline), and <c>Serialize(Parse(x)) == x</c> for every <c>x</c> it wrote.
/// Parsing never throws anything but <see cref="GraphException"/> (<c>INVALID_JSON</c>, <c>DUPLICATE_ID</c>,
/// <c>INVALID_ENTITY</c>, <c>INVALID_RELATIONSHIP</c>), with the JSON path or line of the problem.
/// </summary>
public static class NogJson
{
    public static string Serialize(NogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return NogJsonWriter.Write(document);
    }

    public static string Serialize(NogGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return NogJsonWriter.Write(graph.ToDocument());
    }

    /// <summary>
    /// A document from JSON: the shape and every field are checked, ids are unique, but relationship endpoints
    /// need not exist (see <see cref="NogDocument"/>). Absent optional fields take their defaults.
    /// </summary>
    public static NogDocument Parse(string json, NogJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= NogJsonOptions.Default;
        using var document = NogJsonReader.ParseDocument(json, options);
        return NogJsonReader.ReadDocument(document.RootElement, options);
    }

    /// <summary>A graph from JSON: <see cref="Parse"/>, then every endpoint must exist (<c>MISSING_ENDPOINT</c>).</summary>
    public static NogGraph ParseGraph(string json, NogJsonOptions? options = null)
    {
        options ??= NogJsonOptions.Default;
        return NogGraph.FromDocument(Parse(json, options), options.Graph);
    }
}
