using Nexus.Nxml.Parsing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>
/// Prints a <c>&lt;Handler&gt;</c> so that reading it back gives exactly the same <see cref="HandlerNode.Code"/>:
/// the code is kept byte for byte and only re-indented (<see cref="HandlerCode.Indent"/> undoes what
/// <see cref="HandlerCode.Normalize"/> takes away). One line prints inline; several lines print one level
/// deeper than the tag; empty code prints <c>&lt;Handler /&gt;</c>.
/// </summary>
internal static class HandlerPrinter
{
    private const string ClosingTag = "</Handler";
    private const string CDataStart = "<![CDATA[";
    private const string CDataEnd = "]]>";

    public static void Write(MarkupWriter writer, HandlerNode handler)
    {
        // A handler's content is raw code, so HandlerNode.EndComments (never set by the reader) has no place to go.
        writer.Comments(handler.LeadingComments);
        var attributes = new AttributeList().Add("name", handler.Name).AddPassThrough(handler, "name");
        var code = handler.Code;
        if (code.Length == 0)
        {
            writer.EmptyElement("Handler", attributes);
            return;
        }

        var (open, close) = UsesCData(code) ? (CDataStart, CDataEnd) : (string.Empty, string.Empty);
        if (!code.Contains('\n', StringComparison.Ordinal))
        {
            writer.Line($"<Handler{attributes}>{open}{code}{close}</Handler>");
            return;
        }

        writer.Line($"<Handler{attributes}>{open}");
        writer.Block(HandlerCode.Indent(code, writer.ChildIndentation));
        writer.Line($"{close}</Handler>");
    }

    /// <summary>
    /// Raw text unless the code mentions <c>&lt;/Handler</c> (a CDATA section then keeps the reader from
    /// ending the handler there). Code that neither form can carry is refused rather than printed wrong.
    /// </summary>
    private static bool UsesCData(string code)
    {
        var cdataCarries = !code.Contains(CDataEnd, StringComparison.Ordinal);
        if (code.Contains(ClosingTag, StringComparison.Ordinal) && cdataCarries)
        {
            return true;
        }

        if (RawProblem(code) is not { } rawProblem)
        {
            return false;
        }

        if (!cdataCarries)
        {
            throw new NotSupportedException($"this handler code cannot be printed: it contains \"]]>\", so no CDATA section can hold it, and as raw text it {rawProblem}");
        }

        return true;
    }

    /// <summary>
    /// Why raw text would not read back as the code, following the reader: content that opens with a CDATA
    /// section is skipped to that section's first <c>]]&gt;</c>; the element then ends at the first
    /// <c>&lt;/Handler</c>, optional whitespace, <c>&gt;</c>; content that is exactly one CDATA section is
    /// unwrapped. Null when raw text carries the code.
    /// </summary>
    private static string? RawProblem(string code)
    {
        var trimmed = code.AsSpan().Trim(MarkupReader.Whitespace);
        var searchFrom = 0;
        if (trimmed.StartsWith(CDataStart, StringComparison.Ordinal))
        {
            var opener = code.IndexOf(CDataStart, StringComparison.Ordinal);
            var firstEnd = code.IndexOf(CDataEnd, opener + CDataStart.Length, StringComparison.Ordinal);
            if (firstEnd < 0)
            {
                return "opens a CDATA section that the reader would look for the end of past the handler";
            }

            var body = trimmed[CDataStart.Length..];
            if (body.EndsWith(CDataEnd, StringComparison.Ordinal) && body[..^CDataEnd.Length].IndexOf(CDataEnd, StringComparison.Ordinal) < 0)
            {
                return "would be read as a CDATA section and unwrapped";
            }

            searchFrom = firstEnd + CDataEnd.Length;
        }

        for (var at = code.IndexOf(ClosingTag, searchFrom, StringComparison.Ordinal); at >= 0; at = code.IndexOf(ClosingTag, at + 1, StringComparison.Ordinal))
        {
            if (code.AsSpan(at + ClosingTag.Length).TrimStart(MarkupReader.Whitespace).StartsWith('>'))
            {
                return "would end the <Handler> element early at its </Handler>";
            }
        }

        return null;
    }
}
