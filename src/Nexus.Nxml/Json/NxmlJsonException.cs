namespace Nexus.Nxml.Json;

/// <summary>
/// The JSON given to <see cref="NxmlJson.Deserialize(string)"/> is not a JSON AST of a panel: not JSON at all,
/// too deep, or of the wrong shape. <see cref="JsonPath"/> says where (<c>$.logic.tools[0].handler</c>).
/// </summary>
public sealed class NxmlJsonException : Exception
{
    public NxmlJsonException()
        : this("the JSON is not a valid NXML JSON AST")
    {
    }

    public NxmlJsonException(string message)
        : base(message)
    {
    }

    public NxmlJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NxmlJsonException(string jsonPath, string problem, Exception? innerException = null)
        : base($"invalid NXML JSON at {jsonPath}: {problem}", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>Where in the JSON the problem is, as a JSON path from the root (<c>$</c>); null when unknown.</summary>
    public string? JsonPath { get; }
}
