using System.Collections.Immutable;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Json;

internal static partial class JsonAstReader
{
    private static ViewNode View(ViewJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.View, path);
        return Common(new ViewNode(json.Root is null ? null : Components(json.Root, path.Property("root"))), json, path);
    }

    /// <summary>
    /// Reads the component tree with an explicit stack, children before their parent, so that reading costs
    /// no stack whatever the nesting. Nesting deeper than the parser allows is refused, so every later pass
    /// (checker, printer, renderer) can recurse over a tree read from JSON as safely as over a parsed one.
    /// </summary>
    private static ComponentNode Components(ComponentJson root, JsonPathSegment rootPath)
    {
        // NexusPanel is element depth 1 and View depth 2, so the root component is depth 3 (as the parser counts).
        var open = new Stack<PendingComponent>();
        open.Push(Start(root, rootPath, depth: 3));
        while (true)
        {
            var top = open.Peek();
            if (top.Children.Count < top.Children.Capacity)
            {
                var index = top.Children.Count;
                var childPath = top.Path.Property("children").Index(index);
                var child = top.Json.Children![index] ?? throw new NxmlJsonException(childPath.ToString(), "expected a component object, found null");
                open.Push(Start(child, childPath, top.Depth + 1));
                continue;
            }

            open.Pop();
            var component = Finish(top);
            if (open.Count == 0)
            {
                return component;
            }

            open.Peek().Children.Add(component);
        }
    }

    private static PendingComponent Start(ComponentJson json, JsonPathSegment path, int depth)
    {
        if (depth > CheckOptions.NestingDepthCeiling)
        {
            throw new NxmlJsonException(path.ToString(), $"the view is nested deeper than {CheckOptions.NestingDepthCeiling} elements");
        }

        if (string.IsNullOrEmpty(json.Type))
        {
            throw new NxmlJsonException(path.ToString(), "a component needs a non-empty \"type\" (components have no \"kind\")");
        }

        return new PendingComponent(json, path, depth, ImmutableArray.CreateBuilder<ComponentNode>(json.Children?.Count ?? 0));
    }

    private static ComponentNode Finish(PendingComponent pending)
    {
        var (json, path, _, children) = pending;
        return Common(new ComponentNode(json.Type!, children.MoveToImmutable()), json, path) with
        {
            Attributes = [.. (json.Props ?? []).Select(p => NxmlAttribute.Synthetic(p.Key, p.Value))],
            Text = string.IsNullOrEmpty(json.Text) ? null : new NxmlText(json.Text, SourceSpan.None),
            Layout = json.Layout is null ? null : Placement(json.Layout, path.Property("layout")),
            IsImplicit = json.Implicit ?? false,
        };
    }

    private static LayoutInfo Placement(LayoutJson json, JsonPathSegment path) => json.ColSpan is >= 1 and <= LayoutPass.Columns
        ? new LayoutInfo(json.ColSpan, json.NewRow)
        : throw new NxmlJsonException(path.Property("colSpan").ToString(), $"colSpan must be between 1 and {LayoutPass.Columns}, not {json.ColSpan}");

    /// <summary>A component whose children are being read; <see cref="Children"/> has one slot per child in the JSON.</summary>
    private sealed record PendingComponent(ComponentJson Json, JsonPathSegment Path, int Depth, ImmutableArray<ComponentNode>.Builder Children);
}
