using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>Prints <c>&lt;View&gt;</c> and its component tree.</summary>
internal static class ViewPrinter
{
    public static void Write(MarkupWriter writer, ViewNode view) =>
        writer.Element(view, "View", new AttributeList().AddPassThrough(view), view.Root is not null, () => WriteComponent(writer, view.Root!));

    private static void WriteComponent(MarkupWriter writer, ComponentNode component)
    {
        StackGuard.Ensure();
        if (component.IsImplicit)
        {
            WriteImplicitRoot(writer, component);
            return;
        }

        writer.Comments(component.LeadingComments);
        var attributes = new AttributeList().AddAll(ComponentAttributeOrder.Arrange(component));
        var text = component.Text is { } nodeText ? MarkupEscaper.Text(nodeText.Value) : null;
        var type = component.Type;
        if (component.Children.IsEmpty && component.EndComments.IsEmpty)
        {
            writer.Line(text is null ? $"<{type}{attributes} />" : $"<{type}{attributes}>{text}</{type}>");
            return;
        }

        // The reader trims element text and joins the text around child elements, so text on a line of
        // its own before the children reads back the same.
        writer.Open(type, attributes);
        if (text is not null)
        {
            writer.Line(text);
        }

        foreach (var child in component.Children)
        {
            WriteComponent(writer, child);
        }

        writer.Comments(component.EndComments);
        writer.Close(type);
    }

    /// <summary>
    /// The Layout the reader wraps around several top-level components prints as those components only,
    /// so that it reads back as implicit again (its synthetic <c>strategy="auto"</c> is not written).
    /// </summary>
    private static void WriteImplicitRoot(MarkupWriter writer, ComponentNode root)
    {
        writer.Comments(root.LeadingComments);
        foreach (var child in root.Children)
        {
            WriteComponent(writer, child);
        }

        writer.Comments(root.EndComments);
    }
}
