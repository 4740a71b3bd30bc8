using System.Collections.Immutable;
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
