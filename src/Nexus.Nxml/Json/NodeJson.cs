using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary>
/// What every node of the JSON AST carries besides its own fields: its source location and the comments
/// around it. Comments are an extension of §8: they are written so that a panel sent through JSON keeps
/// its comments (the canonical printer puts them back where they stood). Each list is omitted when empty.
/// </summary>
public abstract record NodeJson
{
    /// <summary>Where the node stands in the NXML source; omitted when locations are not asked for or the node has no source.</summary>
    [JsonPropertyOrder(100)]
    public LocationJson? Loc { get; init; }

    /// <summary>Comments standing right before the element (<see cref="Syntax.SyntaxNode.LeadingComments"/>).</summary>
    [JsonPropertyOrder(101)]
    public IReadOnlyList<string?>? Comments { get; init; }

    /// <summary>Comments after the element's last child, before its closing tag (<see cref="Syntax.SyntaxNode.EndComments"/>).</summary>
    [JsonPropertyOrder(102)]
    public IReadOnlyList<string?>? EndComments { get; init; }
}

/// <summary>A node's location: 1-based start line and column, and the line and column just after its end.</summary>
public sealed record LocationJson(int StartLine, int StartColumn, int EndLine, int EndColumn);
