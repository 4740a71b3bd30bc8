namespace Nexus.Nxml.Syntax;

/// <summary>
/// An attribute as written: its name, its value with entities decoded, and where both stand.
/// <see cref="ValueSpan"/> covers the raw text between the quotes.
/// </summary>
public sealed record NxmlAttribute(string Name, string Value, SourceSpan NameSpan, SourceSpan ValueSpan)
{
    /// <summary>Creates an attribute that has no source (built in code or read from the JSON AST).</summary>
    public static NxmlAttribute Synthetic(string name, string value) => new(name, value, SourceSpan.None, SourceSpan.None);

    /// <summary>True when the raw source text differs from <see cref="Value"/> (entities were decoded).</summary>
    public bool HasDecodedEntities => !ValueSpan.IsEmpty && ValueSpan.Length != Value.Length;
}

/// <summary>Element text (the content of <c>Text</c>, <c>Button</c>, ...), trimmed, entities decoded.</summary>
public sealed record NxmlText(string Value, SourceSpan Span)
{
    public bool HasDecodedEntities => !Span.IsEmpty && Span.Length != Value.Length;
}
