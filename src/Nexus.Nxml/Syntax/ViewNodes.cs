using System.Collections.Immutable;

namespace Nexus.Nxml.Syntax;

/// <summary><c>&lt;View&gt;</c>: how the panel looks. <see cref="Root"/> is null for an empty view.</summary>
public sealed record ViewNode(ComponentNode? Root) : SyntaxNode;

/// <summary>
/// A component of the view: a Standard Component Library element or a custom one. Its props are its
/// <see cref="SyntaxNode.Attributes"/>, kept as written (<c>"{$state.x}"</c>); <see cref="Text"/> is
/// its element text, trimmed. <see cref="IsImplicit"/> marks the <c>Layout</c> that wraps several
/// top-level elements.
/// </summary>
public sealed record ComponentNode(string Type, ImmutableArray<ComponentNode> Children) : SyntaxNode
{
    public NxmlText? Text { get; init; }

    public bool IsImplicit { get; init; }

    /// <summary>Set by the layout pass on children of <c>auto</c> layouts; null elsewhere.</summary>
    public LayoutInfo? Layout { get; init; }

    /// <summary>The value of a prop as written, or null.</summary>
    public string? Prop(string name) => Attribute(name)?.Value;
}

/// <summary>A child's place on the 12-column grid of an <c>auto</c> layout.</summary>
public sealed record LayoutInfo(int ColSpan, bool NewRow);
