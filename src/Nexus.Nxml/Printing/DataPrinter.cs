using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>Prints <c>&lt;Data&gt;</c>: all States, then all Computeds, each group in source order.</summary>
internal static class DataPrinter
{
    public static void Write(MarkupWriter writer, DataNode data)
    {
        var hasContent = data.States.Length + data.Computed.Length > 0;
        writer.Element(data, "Data", new AttributeList().AddPassThrough(data), hasContent, () =>
        {
            foreach (var state in data.States)
            {
                var attributes = new AttributeList()
                    .Add("name", state.Name)
                    .Add("type", state.Type)
                    .Add("default", state.Default)
                    .AddPassThrough(state, "name", "type", "default");
                writer.Element(state, "State", attributes, hasContent: false, static () => { });
            }

            foreach (var computed in data.Computed)
            {
                var attributes = new AttributeList()
                    .Add("name", computed.Name)
                    .Add("value", computed.Value)
                    .AddPassThrough(computed, "name", "value");
                writer.Element(computed, "Computed", attributes, hasContent: false, static () => { });
            }
        });
    }
}
