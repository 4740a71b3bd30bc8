using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>
/// Prints a syntax tree as canonical NXML (§9): no <c>&lt;?xml?&gt;</c> declaration; the sections in the
/// order Data, Logic, View, set off by blank lines; two-space indentation; LF line ends and a final newline;
/// one element per line with all its attributes on that line, in a fixed order per element; comments on
/// lines of their own where they stand between elements.
/// </summary>
/// <remarks>
/// <para>
/// Reading the output back gives an equivalent tree (<see cref="SyntaxEquivalence"/>), and printing that
/// tree gives the same text again. Values print from the typed fields of each node; attributes an element
/// does not define are kept after the defined ones, in source order. Attribute values are quoted with
/// <c>"</c>; only <c>"</c>, a carriage return (<c>&amp;#13;</c>) and an <c>&amp;</c> that would otherwise
/// read as an entity are escaped. Element text escapes <c>&lt;</c> instead of <c>"</c>. Root <c>tags</c>
/// print as the parsed list joined with <c>", "</c>.
/// </para>
/// <para>
/// Comments are written exactly as read: NXML's reader ends a comment at the first <c>--&gt;</c> only, so
/// <c>--</c> inside and a final <c>-</c> read back unchanged (a strict XML parser would reject them).
/// </para>
/// <para>
/// Limits, all outside what the reader produces: a comment containing <c>--&gt;</c>, and handler code
/// containing both a closing <c>&lt;/Handler&gt;</c> tag and <c>]]&gt;</c>, cannot be written and throw
/// <see cref="NotSupportedException"/>; a tag containing a comma would split when read back; an implicit
/// root Layout with fewer than two children reads back as its child (or an empty view); a handler's
/// <see cref="SyntaxNode.EndComments"/> have no place inside raw code and are not written. One thing the
/// reader does produce is kept although it is not LF: a lone carriage return inside handler code, which is
/// code and printed byte for byte.
/// </para>
/// </remarks>
public static class NxmlPrinter
{
    private static readonly string[] MetaAttributes = ["id", "title", "description", "version", "author", "tags"];

    public static string Print(PanelNode panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var writer = new MarkupWriter();
        var meta = panel.Meta;
        var attributes = new AttributeList()
            .Add("id", meta.Id)
            .Add("title", meta.Title)
            .Add("description", meta.Description)
            .Add("version", meta.Version)
            .Add("author", meta.Author)
            .Add("tags", meta.Tags.IsEmpty ? null : string.Join(", ", meta.Tags))
            .AddPassThrough(panel, MetaAttributes);

        var sections = Sections(panel).ToList();
        writer.Element(panel, "NexusPanel", attributes, sections.Count > 0, () =>
        {
            for (var i = 0; i < sections.Count; i++)
            {
                if (i > 0)
                {
                    writer.BlankLine();
                }

                sections[i](writer);
            }
        });

        writer.Comments(panel.TrailingComments);
        return writer.ToString();
    }

    private static IEnumerable<Action<MarkupWriter>> Sections(PanelNode panel)
    {
        if (panel.Data is { } data)
        {
            yield return writer => DataPrinter.Write(writer, data);
        }

        if (panel.Logic is { } logic)
        {
            yield return writer => LogicPrinter.Write(writer, logic);
        }

        if (panel.View is { } view)
        {
            yield return writer => ViewPrinter.Write(writer, view);
        }
    }
}
