using System.Collections.Immutable;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Parsing;

internal sealed partial class PanelBuilder
{
    private LogicNode BuildLogic(MarkupElement element)
    {
        var leading = TakePending();
        var extensions = ImmutableArray.CreateBuilder<ExtensionNode>();
        var tools = ImmutableArray.CreateBuilder<ToolNode>();
        var handlers = ImmutableArray.CreateBuilder<HandlerNode>();
        var lifecycles = ImmutableArray.CreateBuilder<LifecycleNode>();
        foreach (var child in element.Children)
        {
            if (TakeComment(child) || TakeText(child, element, LogicPath))
            {
                continue;
            }

            var item = (MarkupElement)child;
            switch (item.Name)
            {
                case "Extension":
                    var trivia = LeafTrivia(item);
                    extensions.Add(new ExtensionNode(Value(item, "name"), Value(item, "alias"), Value(item, "source"))
                    {
                        Span = item.Span, Attributes = item.Attributes, LeadingComments = trivia.Leading, EndComments = trivia.End,
                    });
                    break;
                case "Tool":
                    tools.Add(BuildTool(item));
                    break;
                case "Handler":
                    handlers.Add(BuildHandler(item, TakePending()));
                    break;
                case "Lifecycle":
                    lifecycles.Add(BuildLifecycle(item));
                    break;
                default:
                    Unknown(item, "<Logic> holds only <Extension>, <Tool>, <Handler> and <Lifecycle>", ["logic"]);
                    break;
            }
        }

        return new LogicNode(extensions.ToImmutable(), tools.ToImmutable(), handlers.ToImmutable(), lifecycles.ToImmutable())
        {
            Span = element.Span,
            Attributes = element.Attributes,
            LeadingComments = leading,
            EndComments = TakePending(),
        };
    }

    private ToolNode BuildTool(MarkupElement element)
    {
        var leading = TakePending();
        var args = ImmutableArray.CreateBuilder<ArgNode>();
        var body = ReadHandlerOwnerBody(element, ["logic", "tools", Value(element, "name") ?? "?"], args);
        return new ToolNode(Value(element, "name"), Value(element, "description"), Value(element, "handler"), args.ToImmutable(), body.Capabilities, body.Handler)
        {
            Span = element.Span,
            Attributes = element.Attributes,
            LeadingComments = leading,
            EndComments = TakePending(),
        };
    }

    private LifecycleNode BuildLifecycle(MarkupElement element)
    {
        var leading = TakePending();
        var body = ReadHandlerOwnerBody(element, ["logic", "lifecycles", Value(element, "on") ?? "?"], args: null);
        return new LifecycleNode(Value(element, "on"), Value(element, "handler"), body.Capabilities, body.Handler)
        {
            Span = element.Span,
            Attributes = element.Attributes,
            LeadingComments = leading,
            EndComments = TakePending(),
        };
    }

    /// <summary>Reads the children of a Tool (Args, Capabilities, Handler) or a Lifecycle (Capabilities, Handler).</summary>
    private (ImmutableArray<CapabilityNode>? Capabilities, HandlerNode? Handler) ReadHandlerOwnerBody(
        MarkupElement owner,
        ImmutableArray<string> path,
        ImmutableArray<ArgNode>.Builder? args)
    {
        ImmutableArray<CapabilityNode>? capabilities = null;
        HandlerNode? handler = null;
        foreach (var child in owner.Children)
        {
            if (TakeComment(child) || TakeText(child, owner, path))
            {
                continue;
            }

            var item = (MarkupElement)child;
            switch (item.Name)
            {
                case "Arg" when args is not null:
                    var trivia = LeafTrivia(item);
                    args.Add(new ArgNode(Value(item, "name"), Value(item, "type"), Value(item, "required"), Value(item, "default"), Value(item, "description"))
                    {
                        Span = item.Span, Attributes = item.Attributes, LeadingComments = trivia.Leading, EndComments = trivia.End,
                    });
                    break;
                case "Capabilities" when capabilities is null:
                    capabilities = BuildCapabilities(item, path);
                    break;
                case "Capabilities":
                    _diagnostics.Add(Diagnostic.At(DiagnosticCodes.DuplicateSection, $"<{owner.Name}> takes at most one <Capabilities>", item.NameSpan, path));
                    break;
                case "Handler" when handler is null:
                    handler = BuildHandler(item, TakePending());
                    break;
                case "Handler":
                    _diagnostics.Add(Diagnostic.At(DiagnosticCodes.MissingHandler, $"<{owner.Name}> takes exactly one <Handler>; this is a second one", item.NameSpan, path));
                    break;
                default:
                    var allowed = args is null ? "<Capabilities> and <Handler>" : "<Arg>, <Capabilities> and <Handler>";
                    Unknown(item, $"<{owner.Name}> holds only {allowed}", path);
                    break;
            }
        }

        return (capabilities, handler);
    }

    private ImmutableArray<CapabilityNode> BuildCapabilities(MarkupElement element, ImmutableArray<string> path)
    {
        var capabilities = ImmutableArray.CreateBuilder<CapabilityNode>();
        foreach (var child in element.Children)
        {
            if (TakeComment(child) || TakeText(child, element, path))
            {
                continue;
            }

            var item = (MarkupElement)child;
            if (item.Name == "Capability")
            {
                var trivia = LeafTrivia(item);
                capabilities.Add(new CapabilityNode(Value(item, "type"), Value(item, "scope"))
                {
                    Span = item.Span, Attributes = item.Attributes, LeadingComments = trivia.Leading, EndComments = trivia.End,
                });
            }
            else
            {
                Unknown(item, "<Capabilities> holds only <Capability>", path);
            }
        }

        return capabilities.ToImmutable();
    }

    private HandlerNode BuildHandler(MarkupElement element, ImmutableArray<string> leading)
    {
        var codeSpan = CodeRegion(element.RawSpan);
        var code = HandlerCode.Normalize(_source.AsSpan(codeSpan.Start.Offset, codeSpan.Length));
        return new HandlerNode(Value(element, "name"), code, IsAsync: false)
        {
            Span = element.Span,
            Attributes = element.Attributes,
            CodeSpan = codeSpan,
            LeadingComments = leading,
        };
    }

    /// <summary>The raw text of a handler, or the content of the CDATA section that is all of it.</summary>
    private SourceSpan CodeRegion(SourceSpan raw)
    {
        if (raw.IsEmpty)
        {
            return raw;
        }

        var text = _source.AsSpan(raw.Start.Offset, raw.Length);
        var lead = text.Length - text.TrimStart(XmlWhitespace).Length;
        var inner = text.Trim(XmlWhitespace);
        if (!inner.StartsWith("<![CDATA[", StringComparison.Ordinal) || !inner.EndsWith("]]>", StringComparison.Ordinal) || inner.Length < 12)
        {
            return raw;
        }

        var body = inner[9..^3];
        if (body.Contains("]]>", StringComparison.Ordinal))
        {
            return raw;
        }

        var start = Skip(raw.Start, lead + 9);
        return new SourceSpan(start, Skip(start, body.Length));
    }
}
