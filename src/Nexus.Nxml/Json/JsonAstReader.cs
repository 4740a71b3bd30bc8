using System.Collections.Immutable;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Json;

/// <summary>
/// Turns JSON AST records back into the syntax tree, checking the shape on the way (kinds, required fields,
/// no null where a node belongs) and naming the JSON path of the first problem. It checks the shape, not
/// the meaning: names, types and code are left to the checker. Nodes get no source spans; attributes are
/// rebuilt as synthetic ones so that <see cref="SyntaxNode.Attribute(string)"/> works on every node.
/// </summary>
internal static partial class JsonAstReader
{
    public static PanelNode Panel(PanelJson? json)
    {
        var path = JsonPathSegment.Root;
        if (json is null)
        {
            throw new NxmlJsonException(path.ToString(), "expected a NexusPanel object, found null");
        }

        ExpectKind(json.Kind, JsonAstKinds.Panel, path);
        var meta = Meta(json.Meta, path.Property("meta"));
        var panel = new PanelNode(
            meta,
            json.Data is null ? null : Data(json.Data, path.Property("data")),
            json.Logic is null ? null : Logic(json.Logic, path.Property("logic")),
            json.View is null ? null : View(json.View, path.Property("view")))
        {
            Attributes = Synthetic(
                ("title", meta.Title),
                ("id", meta.Id),
                ("description", meta.Description),
                ("version", meta.Version),
                ("author", meta.Author),
                ("tags", meta.Tags.IsEmpty ? null : string.Join(", ", meta.Tags))),
            TrailingComments = Strings(json.TrailingComments, path.Property("trailingComments")),
        };
        return Common(panel, json, path);
    }

    private static PanelMeta Meta(MetaJson? json, JsonPathSegment path) => json is null
        ? PanelMeta.Empty
        : new PanelMeta(json.Title, json.Id, json.Description, json.Version, json.Author, Strings(json.Tags, path.Property("tags")));

    private static DataNode Data(DataJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Data, path);
        return Common(new DataNode(Items(json.States, path.Property("states"), State), Items(json.Computed, path.Property("computed"), Computed)), json, path);
    }

    private static StateNode State(StateJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.State, path);
        var defaultText = json.Default is { } value ? JsonText.DefaultText(value) : null;
        return Common(new StateNode(json.Name, json.Type, defaultText), json, path) with
        {
            Attributes = Synthetic(("name", json.Name), ("type", json.Type), ("default", defaultText)),
        };
    }

    private static ComputedNode Computed(ComputedJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Computed, path);
        return Common(new ComputedNode(json.Name, json.Value), json, path) with
        {
            Attributes = Synthetic(("name", json.Name), ("value", json.Value)),
        };
    }

    private static ViewNode View(ViewJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.View, path);

        // The View is element depth 2 (NexusPanel is 1), so its root component is depth 3.
        return Common(new ViewNode(json.Root is null ? null : Component(json.Root, path.Property("root"), depth: 3)), json, path);
    }

    /// <summary>
    /// Reads a component and its children. Nesting is bounded like the parser bounds it, so that every later
    /// pass (checker, printer, renderer) can recurse over a tree read from JSON as safely as over a parsed one.
    /// </summary>
    private static ComponentNode Component(ComponentJson json, JsonPathSegment path, int depth)
    {
        if (depth > CheckOptions.NestingDepthCeiling)
        {
            throw new NxmlJsonException(path.ToString(), $"the view is nested deeper than {CheckOptions.NestingDepthCeiling} elements");
        }

        if (string.IsNullOrEmpty(json.Type))
        {
            throw new NxmlJsonException(path.ToString(), "a component needs a non-empty \"type\" (components have no \"kind\")");
        }

        var childrenPath = path.Property("children");
        var children = Items(json.Children, childrenPath, (child, childPath) => Component(child, childPath, depth + 1));
        var props = json.Props ?? [];
        return Common(new ComponentNode(json.Type, children), json, path) with
        {
            Attributes = [.. props.Select(p => NxmlAttribute.Synthetic(p.Key, p.Value))],
            Text = string.IsNullOrEmpty(json.Text) ? null : new NxmlText(json.Text, SourceSpan.None),
            Layout = json.Layout is null ? null : Placement(json.Layout, path.Property("layout")),
            IsImplicit = json.Implicit ?? false,
        };
    }

    private static LayoutInfo Placement(LayoutJson json, JsonPathSegment path) => json.ColSpan is >= 1 and <= LayoutPass.Columns
        ? new LayoutInfo(json.ColSpan, json.NewRow)
        : throw new NxmlJsonException(path.Property("colSpan").ToString(), $"colSpan must be between 1 and {LayoutPass.Columns}, not {json.ColSpan}");

    private static T Common<T>(T node, NodeJson json, JsonPathSegment path)
        where T : SyntaxNode => node with
        {
            LeadingComments = Strings(json.Comments, path.Property("comments")),
            EndComments = Strings(json.EndComments, path.Property("endComments")),
        };

    private static void ExpectKind(string? kind, string expected, JsonPathSegment path)
    {
        if (kind != expected)
        {
            var found = kind is null ? "it is missing" : $"found \"{kind}\"";
            throw new NxmlJsonException(path.ToString(), $"expected \"kind\": \"{expected}\", {found}");
        }
    }

    /// <summary>Reads a list of nodes; a missing list is an empty one, a null entry is an error.</summary>
    private static ImmutableArray<T> Items<TJson, T>(IReadOnlyList<TJson?>? items, JsonPathSegment path, Func<TJson, JsonPathSegment, T> read)
        where TJson : class
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path.Index(i);
            builder.Add(read(items[i] ?? throw new NxmlJsonException(itemPath.ToString(), "expected an object, found null"), itemPath));
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<string> Strings(IReadOnlyList<string?>? items, JsonPathSegment path) =>
        Items(items, path, static (item, _) => item);

    /// <summary>Synthetic attributes for the values that are present, in the canonical order given.</summary>
    private static ImmutableArray<NxmlAttribute> Synthetic(params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        var builder = ImmutableArray.CreateBuilder<NxmlAttribute>(attributes.Length);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                builder.Add(NxmlAttribute.Synthetic(name, value));
            }
        }

        return builder.ToImmutable();
    }
}
