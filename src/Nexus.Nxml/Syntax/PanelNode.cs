using System.Collections.Immutable;

namespace Nexus.Nxml.Syntax;

/// <summary>The root of an NXML document: <c>&lt;NexusPanel&gt;</c> and its three optional sections.</summary>
public sealed record PanelNode(PanelMeta Meta, DataNode? Data, LogicNode? Logic, ViewNode? View) : SyntaxNode
{
    /// <summary>Comments after the root element, at the end of the document.</summary>
    public ImmutableArray<string> TrailingComments { get; init; } = [];

    public IEnumerable<StateNode> States => Data?.States ?? [];

    public IEnumerable<ComputedNode> Computeds => Data?.Computed ?? [];

    public IEnumerable<ToolNode> Tools => Logic?.Tools ?? [];
}

/// <summary>The panel's meta data, read from the root attributes.</summary>
public sealed record PanelMeta(string? Title, string? Id, string? Description, string? Version, string? Author, ImmutableArray<string> Tags)
{
    public static readonly PanelMeta Empty = new(null, null, null, null, null, []);

    /// <summary>Splits a <c>tags</c> attribute: comma separated, trimmed, empty entries dropped.</summary>
    public static ImmutableArray<string> SplitTags(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags))
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in tags.Split(','))
        {
            var tag = part.Trim();
            if (tag.Length > 0)
            {
                builder.Add(tag);
            }
        }

        return builder.ToImmutable();
    }
}
