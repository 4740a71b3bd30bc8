using System.Collections.Immutable;
using System.Text;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>
/// Writes canonical NXML line by line: two spaces per level, LF line ends, every line (the last one too)
/// ending with a newline.
/// </summary>
internal sealed class MarkupWriter
{
    private const int IndentWidth = 2;

    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>The indentation of the lines inside the element being written.</summary>
    public string ChildIndentation => new(' ', (_depth + 1) * IndentWidth);

    public void Line(string content) => _text.Append(' ', _depth * IndentWidth).Append(content).Append('\n');

    /// <summary>Lines that already carry their own indentation (re-indented handler code).</summary>
    public void Block(string lines) => _text.Append(lines).Append('\n');

    public void BlankLine() => _text.Append('\n');

    /// <summary>Comments, each on its own line, as written between <c>&lt;!--</c> and <c>--&gt;</c>.</summary>
    public void Comments(ImmutableArray<string> comments)
    {
        foreach (var comment in comments)
        {
            // The reader ends a comment at the first "-->", and only there: "--" and a final "-" read back as written.
            if (comment.Contains("-->", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"the comment \"{comment}\" contains \"-->\", which would end it early; NXML comments cannot escape it");
            }

            Line("<!--" + comment + "-->");
        }
    }

    public void EmptyElement(string name, AttributeList attributes) => Line($"<{name}{attributes} />");

    public void Open(string name, AttributeList attributes)
    {
        Line($"<{name}{attributes}>");
        _depth++;
    }

    public void Close(string name)
    {
        _depth--;
        Line($"</{name}>");
    }

    /// <summary>
    /// An element with its leading comments; its content (when <paramref name="hasContent"/>) and its end
    /// comments go inside. An element with neither is self-closing.
    /// </summary>
    public void Element(SyntaxNode node, string name, AttributeList attributes, bool hasContent, Action writeContent)
    {
        Comments(node.LeadingComments);
        if (!hasContent && node.EndComments.IsEmpty)
        {
            EmptyElement(name, attributes);
            return;
        }

        Open(name, attributes);
        if (hasContent)
        {
            writeContent();
        }

        Comments(node.EndComments);
        Close(name);
    }

    public override string ToString() => _text.ToString();
}
