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

        if (RawCarries(code))
        {
            return false;
        }

        return cdataCarries
            ? true
            : throw new NotSupportedException(
                "this handler code contains both a closing </Handler> tag and \"]]>\": neither raw text nor a CDATA section can hold it");
    }

    /// <summary>
    /// Raw text carries the code unless the code closes the element itself (<c>&lt;/Handler</c>, optional
    /// whitespace, <c>&gt;</c>) or starts like a CDATA section (which the reader would unwrap).
    /// </summary>
    private static bool RawCarries(string code)
    {
        if (code.AsSpan().TrimStart().StartsWith(CDataStart, StringComparison.Ordinal))
        {
            return false;
        }

        for (var at = code.IndexOf(ClosingTag, StringComparison.Ordinal); at >= 0; at = code.IndexOf(ClosingTag, at + 1, StringComparison.Ordinal))
        {
            var after = code.AsSpan(at + ClosingTag.Length).TrimStart(MarkupReader.Whitespace);
            if (after.StartsWith('>'))
            {
                return false;
            }
        }

        return true;
    }
}
