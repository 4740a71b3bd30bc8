namespace Nexus.Nxml.Json;

/// <summary>How <see cref="NxmlJson.Serialize(Syntax.PanelNode, NxmlJsonOptions?)"/> writes the JSON AST.</summary>
public sealed record NxmlJsonOptions
{
    public static readonly NxmlJsonOptions Default = new();

    /// <summary>Write <c>loc</c> on every node that has a source location. Default true.</summary>
    public bool IncludeLocations { get; init; } = true;

    /// <summary>Indent the JSON for people; compact (the default) for programs.</summary>
    public bool Indented { get; init; }
}
