using System.Collections.Immutable;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>
/// Prints <c>&lt;Logic&gt;</c> in the order things are referred to: Extensions (handlers use them), named
/// Handlers (tools and lifecycles refer to them), Tools, Lifecycles; each group in source order. Inside a
/// Tool: Args, Capabilities, Handler. A blank line sets off each handler-carrying block.
/// </summary>
internal static class LogicPrinter
{
    public static void Write(MarkupWriter writer, LogicNode logic)
    {
        var hasContent = logic.Extensions.Length + logic.Handlers.Length + logic.Tools.Length + logic.Lifecycles.Length > 0;
        writer.Element(logic, "Logic", new AttributeList().AddPassThrough(logic), hasContent, () =>
        {
            foreach (var extension in logic.Extensions)
            {
                WriteExtension(writer, extension);
            }

            var separate = logic.Extensions.Length > 0;
            foreach (var handler in logic.Handlers)
            {
                Separate(writer, ref separate);
                HandlerPrinter.Write(writer, handler);
            }

            foreach (var tool in logic.Tools)
            {
                Separate(writer, ref separate);
                WriteTool(writer, tool);
            }

            foreach (var lifecycle in logic.Lifecycles)
            {
                Separate(writer, ref separate);
                WriteLifecycle(writer, lifecycle);
            }
        });
    }

    private static void Separate(MarkupWriter writer, ref bool separate)
    {
        if (separate)
        {
            writer.BlankLine();
        }

        separate = true;
    }

    private static void WriteExtension(MarkupWriter writer, ExtensionNode extension)
    {
        // Alias is null unless it was written: the default (the name's last segment) stays implicit.
        var attributes = new AttributeList()
            .Add("name", extension.Name)
            .Add("alias", extension.Alias)
            .Add("source", extension.Source)
            .AddPassThrough(extension, "name", "alias", "source");
        writer.Element(extension, "Extension", attributes, hasContent: false, static () => { });
    }

    private static void WriteTool(MarkupWriter writer, ToolNode tool)
    {
        var attributes = new AttributeList()
            .Add("name", tool.Name)
            .Add("description", tool.Description)
            .Add("handler", tool.HandlerRef)
            .AddPassThrough(tool, "name", "description", "handler");
        var hasContent = tool.Args.Length > 0 || tool.Capabilities is not null || tool.Handler is not null;
        writer.Element(tool, "Tool", attributes, hasContent, () =>
        {
            foreach (var arg in tool.Args)
            {
                WriteArg(writer, arg);
            }

            WriteCapabilities(writer, tool.Capabilities);
            if (tool.Handler is { } handler)
            {
                HandlerPrinter.Write(writer, handler);
            }
        });
    }

    private static void WriteArg(MarkupWriter writer, ArgNode arg)
    {
        var attributes = new AttributeList()
            .Add("name", arg.Name)
            .Add("type", arg.Type)
            .Add("required", arg.Required)
            .Add("default", arg.Default)
            .Add("description", arg.Description)
            .AddPassThrough(arg, "name", "type", "required", "default", "description");
        writer.Element(arg, "Arg", attributes, hasContent: false, static () => { });
    }

    private static void WriteLifecycle(MarkupWriter writer, LifecycleNode lifecycle)
    {
        var attributes = new AttributeList()
            .Add("on", lifecycle.On)
            .Add("handler", lifecycle.HandlerRef)
            .AddPassThrough(lifecycle, "on", "handler");
        var hasContent = lifecycle.Capabilities is not null || lifecycle.Handler is not null;
        writer.Element(lifecycle, "Lifecycle", attributes, hasContent, () =>
        {
            WriteCapabilities(writer, lifecycle.Capabilities);
            if (lifecycle.Handler is { } handler)
            {
                HandlerPrinter.Write(writer, handler);
            }
        });
    }

    /// <summary>
    /// Null (none declared: inferred from the code) prints nothing; an empty list prints
    /// <c>&lt;Capabilities /&gt;</c>, so that "declared, none granted" survives.
    /// </summary>
    private static void WriteCapabilities(MarkupWriter writer, ImmutableArray<CapabilityNode>? capabilities)
    {
        if (capabilities is not { } list)
        {
            return;
        }

        var none = new AttributeList();
        if (list.IsEmpty)
        {
            writer.EmptyElement("Capabilities", none);
            return;
        }

        writer.Open("Capabilities", none);
        foreach (var capability in list)
        {
            var attributes = new AttributeList()
                .Add("type", capability.Type)
                .Add("scope", capability.Scope)
                .AddPassThrough(capability, "type", "scope");
            writer.Element(capability, "Capability", attributes, hasContent: false, static () => { });
        }

        writer.Close("Capabilities");
    }
}
