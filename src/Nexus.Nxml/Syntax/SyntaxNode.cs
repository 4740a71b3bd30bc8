using System.Collections.Immutable;

namespace Nexus.Nxml.Syntax;

/// <summary>
/// Base of every NXML syntax node. Nodes are immutable records; <see cref="Span"/> and
/// <see cref="Attributes"/> tell where the node and each of its attributes stand in the source.
/// </summary>
public abstract record SyntaxNode
{
    /// <summary>Where the element stands, from its <c>&lt;</c> to the end of its closing tag.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The element's attributes as written, in source order (empty for nodes built in code).</summary>
    public ImmutableArray<NxmlAttribute> Attributes { get; init; } = [];

    /// <summary>XML comments standing right before this element, in order (text between <c>&lt;!--</c> and <c>--&gt;</c>).</summary>
    public ImmutableArray<string> LeadingComments { get; init; } = [];

    /// <summary>XML comments after the last child of this element, before its closing tag.</summary>
    public ImmutableArray<string> EndComments { get; init; } = [];

    /// <summary>The attribute with this name, or null.</summary>
    public NxmlAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The span of the attribute's value when present, else the element's span.</summary>
    public SourceSpan SpanOf(string attributeName) => Attribute(attributeName)?.ValueSpan is { IsEmpty: false } span ? span : Span;
}
