using System.Text.Json;

namespace Nexus.Nxml.Json;

internal sealed partial class ComponentJsonConverter
{
    /// <summary>Writes the subtree depth-first with an explicit stack (see the class remarks for why).</summary>
    public override void Write(Utf8JsonWriter writer, ComponentJson value, JsonSerializerOptions options)
    {
        var open = new Stack<(ComponentJson Component, int NextChild)>();
        WriteHead(writer, value);
        open.Push((value, 0));
        while (open.Count > 0)
        {
            var (component, next) = open.Pop();
            var children = component.Children ?? [];
            if (next < children.Count)
            {
                open.Push((component, next + 1));
                if (children[next] is { } child)
                {
                    WriteHead(writer, child);
                    open.Push((child, 0));
                }
                else
                {
                    writer.WriteNullValue();
                }

                continue;
            }

            WriteTail(writer, component);
        }
    }

    /// <summary>Everything before the children, and the opening of the children array.</summary>
    private static void WriteHead(Utf8JsonWriter writer, ComponentJson component)
    {
        writer.WriteStartObject();
        if (component.Type is not null)
        {
            writer.WriteString("type", component.Type);
        }

        if (component.Props is not null)
        {
            writer.WriteStartObject("props");
            foreach (var (name, text) in component.Props)
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("children");
    }

    /// <summary>The end of the children array and everything after it, in the order the other nodes use.</summary>
    private static void WriteTail(Utf8JsonWriter writer, ComponentJson component)
    {
        writer.WriteEndArray();
        if (component.Text is not null)
        {
            writer.WriteString("text", component.Text);
        }

        if (component.Layout is { } layout)
        {
            writer.WriteStartObject("layout");
            writer.WriteNumber("colSpan", layout.ColSpan);
            writer.WriteBoolean("newRow", layout.NewRow);
            writer.WriteEndObject();
        }

        if (component.Implicit is { } isImplicit)
        {
            writer.WriteBoolean("implicit", isImplicit);
        }

        if (component.Loc is { } loc)
        {
            writer.WriteStartObject("loc");
            writer.WriteNumber("startLine", loc.StartLine);
            writer.WriteNumber("startColumn", loc.StartColumn);
            writer.WriteNumber("endLine", loc.EndLine);
            writer.WriteNumber("endColumn", loc.EndColumn);
            writer.WriteEndObject();
        }

        WriteStrings(writer, "comments", component.Comments);
        WriteStrings(writer, "endComments", component.EndComments);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string?>? strings)
    {
        if (strings is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var text in strings)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }
}
