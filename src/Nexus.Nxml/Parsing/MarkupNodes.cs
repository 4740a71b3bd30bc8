using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Parsing;

/// <summary>The generic element tree the reader produces; the builder turns it into typed syntax nodes.</summary>
internal abstract class MarkupNode
{
    public SourceSpan Span;
}

internal sealed class MarkupElement(string name, SourceSpan nameSpan) : MarkupNode
{
    public readonly string Name = name;
    public readonly SourceSpan NameSpan = nameSpan;
    public ImmutableArray<NxmlAttribute> Attributes = [];
    private List<MarkupNode>? _children;

    /// <summary>Child elements, text and comments in order (leaf elements never allocate a list).</summary>
    public ReadOnlySpan<MarkupNode> Children => CollectionsMarshal.AsSpan(_children);

    public void Add(MarkupNode child) => (_children ??= []).Add(child);

    /// <summary>For raw-text elements (<c>Handler</c>): where the raw content stands.</summary>
    public SourceSpan RawSpan;
}

internal sealed class MarkupText : MarkupNode
{
    public readonly string Value;
    public readonly bool IsCData;

    public MarkupText(string value, SourceSpan span, bool isCData)
    {
        Value = value;
        Span = span;
        IsCData = isCData;
    }
}

internal sealed class MarkupComment : MarkupNode
{
    public readonly string Text;

    public MarkupComment(string text, SourceSpan span)
    {
        Text = text;
        Span = span;
    }
}
