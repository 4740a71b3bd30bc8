using System.Collections.Immutable;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Parsing;

/// <summary>
/// Turns the generic element tree into typed syntax nodes and reports what the typed tree cannot hold:
/// a wrong root, unknown or duplicate sections and elements, stray text.
/// </summary>
internal sealed partial class PanelBuilder
{
    private static readonly char[] XmlWhitespace = MarkupReader.Whitespace.ToCharArray();

    // Diagnostic paths of stray text in each section, made once rather than for every child read.
    private static readonly ImmutableArray<string> PanelPath = ["panel"];
    private static readonly ImmutableArray<string> DataPath = ["data"];
    private static readonly ImmutableArray<string> ViewPath = ["view"];
    private static readonly ImmutableArray<string> LogicPath = ["logic"];

    private readonly string _source;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<string> _pendingComments = [];

    private PanelBuilder(string source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>Builds the panel, or returns null when the root is not <c>NexusPanel</c>.</summary>
    public static PanelNode? Build(string source, MarkupResult markup, List<Diagnostic> diagnostics)
    {
        var root = markup.Root!;
        if (root.Name != "NexusPanel")
        {
            diagnostics.Add(Diagnostic.At(
                DiagnosticCodes.InvalidRoot,
                $"the root element must be <NexusPanel>, not <{root.Name}>",
                root.NameSpan,
                []));
            return null;
        }

        return new PanelBuilder(source, diagnostics).BuildPanel(root, markup);
    }

    private PanelNode BuildPanel(MarkupElement root, MarkupResult markup)
    {
        DataNode? data = null;
        LogicNode? logic = null;
        ViewNode? view = null;
        foreach (var child in root.Children)
        {
            if (TakeComment(child) || TakeText(child, root, PanelPath))
            {
                continue;
            }

            var element = (MarkupElement)child;
            switch (element.Name)
            {
                case "Data":
                    data = Section(data, element, BuildData);
                    break;
                case "Logic":
                    logic = Section(logic, element, BuildLogic);
                    break;
                case "View":
                    view = Section(view, element, BuildView);
                    break;
                default:
                    Unknown(element, "a <NexusPanel> holds only <Data>, <Logic> and <View>", []);
                    break;
            }
        }

        var attributes = root.Attributes;
        var meta = new PanelMeta(
            Value(attributes, "title"),
            Value(attributes, "id"),
            Value(attributes, "description"),
            Value(attributes, "version"),
            Value(attributes, "author"),
            PanelMeta.SplitTags(Value(attributes, "tags")));
        return new PanelNode(meta, data, logic, view)
        {
            Span = root.Span,
            Attributes = attributes,
            LeadingComments = [.. markup.LeadingComments.Select(c => c.Text)],
            EndComments = TakePending(),
            TrailingComments = [.. markup.TrailingComments.Select(c => c.Text)],
        };
    }

    private T Section<T>(T? existing, MarkupElement element, Func<MarkupElement, T> build)
        where T : SyntaxNode
    {
        if (existing is null)
        {
            return build(element);
        }

        _diagnostics.Add(Diagnostic.At(
            DiagnosticCodes.DuplicateSection,
            $"<{element.Name}> appears more than once (first at {existing.Span.Start}); a panel has at most one",
            element.NameSpan,
            [element.Name.ToLowerInvariant()]));
        _pendingComments.Clear();
        return existing;
    }

    private DataNode BuildData(MarkupElement element)
    {
        var leading = TakePending();
        var states = ImmutableArray.CreateBuilder<StateNode>(element.Children.Length);
        var computed = ImmutableArray.CreateBuilder<ComputedNode>();
        foreach (var child in element.Children)
        {
            if (TakeComment(child) || TakeText(child, element, DataPath))
            {
                continue;
            }

            var item = (MarkupElement)child;
            switch (item.Name)
            {
                case "State":
                    var stateTrivia = LeafTrivia(item);
                    states.Add(new StateNode(Value(item, "name"), Value(item, "type"), Value(item, "default"))
                    {
                        Span = item.Span, Attributes = item.Attributes, LeadingComments = stateTrivia.Leading, EndComments = stateTrivia.End,
                    });
                    break;
                case "Computed":
                    var computedTrivia = LeafTrivia(item);
                    computed.Add(new ComputedNode(Value(item, "name"), Value(item, "value"))
                    {
                        Span = item.Span, Attributes = item.Attributes, LeadingComments = computedTrivia.Leading, EndComments = computedTrivia.End,
                    });
                    break;
                default:
                    Unknown(item, "<Data> holds only <State> and <Computed>", ["data"]);
                    break;
            }
        }

        return new DataNode(states.DrainToImmutable(), computed.ToImmutable())
        {
            Span = element.Span,
            Attributes = element.Attributes,
            LeadingComments = leading,
            EndComments = TakePending(),
        };
    }

    private ViewNode BuildView(MarkupElement element)
    {
        var leading = TakePending();
        var components = ImmutableArray.CreateBuilder<ComponentNode>();
        foreach (var child in element.Children)
        {
            if (TakeComment(child) || TakeText(child, element, ViewPath))
            {
                continue;
            }

            components.Add(BuildComponent((MarkupElement)child));
        }

        var end = TakePending();
        ComponentNode? root = components.Count switch
        {
            0 => null,
            1 => components[0],
            _ => new ComponentNode("Layout", components.ToImmutable())
            {
                IsImplicit = true,
                Span = element.Span,
                Attributes = [NxmlAttribute.Synthetic("strategy", "auto")],
            },
        };
        return new ViewNode(root)
        {
            Span = element.Span,
            Attributes = element.Attributes,
            LeadingComments = leading,
            EndComments = end,
        };
    }

    private ComponentNode BuildComponent(MarkupElement element)
    {
        StackGuard.Ensure();
        var leading = TakePending();
        // Sized for the usual case, children only: the array then becomes the node's without a copy.
        var children = ImmutableArray.CreateBuilder<ComponentNode>(element.Children.Length);
        List<MarkupText>? texts = null;
        foreach (var child in element.Children)
        {
            if (TakeComment(child))
            {
                continue;
            }

            if (child is MarkupText text)
            {
                (texts ??= []).Add(text);
                continue;
            }

            children.Add(BuildComponent((MarkupElement)child));
        }

        return new ComponentNode(element.Name, children.DrainToImmutable())
        {
            Span = element.Span,
            Attributes = element.Attributes,
            Text = texts is null ? null : ElementText(texts),
            LeadingComments = leading,
            EndComments = TakePending(),
        };
    }

    /// <summary>The element's text: its text and CDATA parts joined, leading and trailing whitespace trimmed.</summary>
    private NxmlText? ElementText(List<MarkupText> texts)
    {
        var joined = texts.Count == 1 ? texts[0].Value : string.Concat(texts.Select(t => t.Value));
        var trimmed = joined.Trim(XmlWhitespace);
        if (trimmed.Length == 0)
        {
            return null;
        }

        var first = texts[0];
        var last = texts[^1];
        var start = first.IsCData ? first.Span.Start : Skip(first.Span.Start, first.Value.Length - first.Value.TrimStart(XmlWhitespace).Length);
        var endOffset = last.IsCData ? last.Span.End.Offset : last.Span.End.Offset - (last.Value.Length - last.Value.TrimEnd(XmlWhitespace).Length);
        return new NxmlText(trimmed, new SourceSpan(start, Skip(start, endOffset - start.Offset)));
    }

    /// <summary>The position <paramref name="count"/> characters after <paramref name="position"/>.</summary>
    private SourcePosition Skip(SourcePosition position, int count)
    {
        var skipped = _source.AsSpan(position.Offset, count);
        var newline = skipped.LastIndexOf('\n');
        return newline < 0
            ? position with { Offset = position.Offset + count, Column = position.Column + count }
            : new SourcePosition(position.Offset + count, position.Line + skipped.Count('\n'), count - newline);
    }

    /// <summary>
    /// The comments before a leaf element and inside it, after reporting anything else inside it. A leaf node
    /// is then built in one go: <c>new StateNode(...) { Span = ..., LeadingComments = trivia.Leading, ... }</c>.
    /// </summary>
    private (ImmutableArray<string> Leading, ImmutableArray<string> End) LeafTrivia(MarkupElement element)
    {
        var leading = TakePending();
        foreach (var child in element.Children)
        {
            if (!TakeComment(child))
            {
                ReportStrayContent(child, element);
            }
        }

        return (leading, TakePending());
    }

    private void ReportStrayContent(MarkupNode child, MarkupElement parent)
    {
        if (child is MarkupElement element)
        {
            Unknown(element, $"<{parent.Name}> takes no child elements", []);
        }
        else
        {
            TakeText(child, parent, []);
        }
    }

    private bool TakeComment(MarkupNode node)
    {
        if (node is not MarkupComment comment)
        {
            return false;
        }

        _pendingComments.Add(comment.Text);
        return true;
    }

    /// <summary>Reports text where only elements belong (whitespace was already dropped by the reader).</summary>
    private bool TakeText(MarkupNode node, MarkupElement parent, ImmutableArray<string> path)
    {
        if (node is not MarkupText text)
        {
            return false;
        }

        var shown = text.Value.Trim();
        if (shown.Length > 24)
        {
            shown = shown[..24] + "...";
        }

        _diagnostics.Add(Diagnostic.At(
            DiagnosticCodes.UnknownElement,
            $"unexpected text \"{shown}\" inside <{parent.Name}>: only elements belong here",
            text.Span,
            path));
        return true;
    }

    private void Unknown(MarkupElement element, string why, ImmutableArray<string> path)
    {
        _pendingComments.Clear();
        _diagnostics.Add(Diagnostic.At(
            DiagnosticCodes.UnknownElement,
            $"unknown element <{element.Name}>: {why}",
            element.NameSpan,
            path));
    }

    private ImmutableArray<string> TakePending()
    {
        if (_pendingComments.Count == 0)
        {
            return [];
        }

        var comments = _pendingComments.ToImmutableArray();
        _pendingComments.Clear();
        return comments;
    }

    private static string? Value(MarkupElement element, string name) => Value(element.Attributes, name);

    private static string? Value(ImmutableArray<NxmlAttribute> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
