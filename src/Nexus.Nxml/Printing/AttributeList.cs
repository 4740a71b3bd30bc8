using System.Text;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>The attributes of one printed element, in the order they are added; absent values are skipped.</summary>
internal sealed class AttributeList
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];

    /// <summary>Adds an attribute when it carries a value.</summary>
    public AttributeList Add(string name, string? value)
    {
        if (value is not null)
        {
            _attributes.Add(new(name, value));
        }

        return this;
    }

    public AttributeList AddAll(IEnumerable<NxmlAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            _attributes.Add(new(attribute.Name, attribute.Value));
        }

        return this;
    }

    /// <summary>
    /// Adds, in source order, the node's attributes that are not among <paramref name="typed"/>: the reader
    /// keeps attributes an element does not define, so the printer keeps them too (after the defined ones).
    /// </summary>
    public AttributeList AddPassThrough(SyntaxNode node, params ReadOnlySpan<string> typed)
    {
        foreach (var attribute in node.Attributes)
        {
            if (!typed.Contains(attribute.Name))
            {
                _attributes.Add(new(attribute.Name, attribute.Value));
            }
        }

        return this;
    }

    /// <summary>The attributes as they follow an element name: <c> name="value"</c> each.</summary>
    public override string ToString()
    {
        if (_attributes.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in _attributes)
        {
            text.Append(' ').Append(name).Append("=\"").Append(MarkupEscaper.AttributeValue(value)).Append('"');
        }

        return text.ToString();
    }
}
