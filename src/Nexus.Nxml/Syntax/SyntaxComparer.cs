using System.Collections.Immutable;
using System.Globalization;

namespace Nexus.Nxml.Syntax;

/// <summary>
/// Walks two syntax trees side by side and returns the first difference, ignoring source locations.
/// Every node's attributes, leading and end comments are compared along with its typed fields.
/// </summary>
internal sealed class SyntaxComparer(AttributeOrder attributeOrder)
{
    public SyntaxDifference? Panel(PanelNode left, PanelNode right) =>
        Comments(left.LeadingComments, right.LeadingComments, "panel.leadingComments")
        ?? Meta(left.Meta, right.Meta, "panel.meta")

        // The root's tags attribute is compared as the parsed list (Meta.Tags): printing normalizes its spelling.
        ?? Attributes(left.Attributes, right.Attributes, "panel", ignored: "tags")
        ?? Optional(left.Data, right.Data, "data", Data)
        ?? Optional(left.Logic, right.Logic, "logic", Logic)
        ?? Optional(left.View, right.View, "view", View)
        ?? Comments(left.EndComments, right.EndComments, "panel.endComments")
        ?? Comments(left.TrailingComments, right.TrailingComments, "panel.trailingComments");

    private static SyntaxDifference? Meta(PanelMeta left, PanelMeta right, string path) =>
        Value(left.Title, right.Title, path + ".title")
        ?? Value(left.Id, right.Id, path + ".id")
        ?? Value(left.Description, right.Description, path + ".description")
        ?? Value(left.Version, right.Version, path + ".version")
        ?? Value(left.Author, right.Author, path + ".author")
        ?? Each(left.Tags, right.Tags, path + ".tags", static (l, r, p) => Value(l, r, p), static t => t);

    private SyntaxDifference? Data(DataNode left, DataNode right, string path) =>
        Node(left, right, path)
        ?? Each(left.States, right.States, path + ".states", State, static s => s.Name)
        ?? Each(left.Computed, right.Computed, path + ".computed", Computed, static c => c.Name)
        ?? End(left, right, path);

    private SyntaxDifference? State(StateNode left, StateNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Type, right.Type, path + ".type")
        ?? Value(left.Default, right.Default, path + ".default")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? Computed(ComputedNode left, ComputedNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Value, right.Value, path + ".value")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? Logic(LogicNode left, LogicNode right, string path) =>
        Node(left, right, path)
        ?? Each(left.Extensions, right.Extensions, path + ".extensions", Extension, static e => e.Name)
        ?? Each(left.Handlers, right.Handlers, path + ".handlers", Handler, static h => h.Name)
        ?? Each(left.Tools, right.Tools, path + ".tools", Tool, static t => t.Name)
        ?? Each(left.Lifecycles, right.Lifecycles, path + ".lifecycles", Lifecycle, static l => l.On)
        ?? End(left, right, path);

    private SyntaxDifference? Extension(ExtensionNode left, ExtensionNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Alias, right.Alias, path + ".alias")
        ?? Value(left.Source, right.Source, path + ".source")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? Tool(ToolNode left, ToolNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Description, right.Description, path + ".description")
        ?? Value(left.HandlerRef, right.HandlerRef, path + ".handlerRef")
        ?? Node(left, right, path)
        ?? Each(left.Args, right.Args, path + ".args", Arg, static a => a.Name)
        ?? Capabilities(left.Capabilities, right.Capabilities, path + ".capabilities")
        ?? Optional(left.Handler, right.Handler, path + ".handler", Handler)
        ?? End(left, right, path);

    private SyntaxDifference? Arg(ArgNode left, ArgNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Type, right.Type, path + ".type")
        ?? Value(left.Required, right.Required, path + ".required")
        ?? Value(left.Default, right.Default, path + ".default")
        ?? Value(left.Description, right.Description, path + ".description")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? Capabilities(ImmutableArray<CapabilityNode>? left, ImmutableArray<CapabilityNode>? right, string path)
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? null : new SyntaxDifference(path, Declared(left), Declared(right));
        }

        return Each(left.Value, right.Value, path, Capability, static c => c.Type);

        static string? Declared(ImmutableArray<CapabilityNode>? list) => list is null ? null : $"{list.Value.Length} declared";
    }

    private SyntaxDifference? Capability(CapabilityNode left, CapabilityNode right, string path) =>
        Value(left.Type, right.Type, path + ".type")
        ?? Value(left.Scope, right.Scope, path + ".scope")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? Lifecycle(LifecycleNode left, LifecycleNode right, string path) =>
        Value(left.On, right.On, path + ".on")
        ?? Value(left.HandlerRef, right.HandlerRef, path + ".handlerRef")
        ?? Node(left, right, path)
        ?? Capabilities(left.Capabilities, right.Capabilities, path + ".capabilities")
        ?? Optional(left.Handler, right.Handler, path + ".handler", Handler)
        ?? End(left, right, path);

    private SyntaxDifference? Handler(HandlerNode left, HandlerNode right, string path) =>
        Value(left.Name, right.Name, path + ".name")
        ?? Value(left.Code, right.Code, path + ".code")
        ?? Value(Flag(left.IsAsync), Flag(right.IsAsync), path + ".isAsync")
        ?? Node(left, right, path)
        ?? End(left, right, path);

    private SyntaxDifference? View(ViewNode left, ViewNode right, string path) =>
        Node(left, right, path)
        ?? Optional(left.Root, right.Root, path + ".root", Component)
        ?? End(left, right, path);

    private SyntaxDifference? Component(ComponentNode left, ComponentNode right, string path)
    {
        StackGuard.Ensure();
        return ComponentFields(left, right, path);
    }

    private SyntaxDifference? ComponentFields(ComponentNode left, ComponentNode right, string path) =>
        Value(left.Type, right.Type, path + ".type")
        ?? Value(Flag(left.IsImplicit), Flag(right.IsImplicit), path + ".isImplicit")
        ?? Node(left, right, path)
        ?? Value(left.Text?.Value, right.Text?.Value, path + ".text")
        ?? Value(Show(left.Layout), Show(right.Layout), path + ".layout")
        ?? Each(left.Children, right.Children, path + ".children", Component, static c => c.Type)
        ?? End(left, right, path);

    /// <summary>What every node has besides its typed fields and content: leading comments and attributes.</summary>
    private SyntaxDifference? Node(SyntaxNode left, SyntaxNode right, string path) =>
        Comments(left.LeadingComments, right.LeadingComments, path + ".leadingComments")
        ?? Attributes(left.Attributes, right.Attributes, path, ignored: null);

    private static SyntaxDifference? End(SyntaxNode left, SyntaxNode right, string path) =>
        Comments(left.EndComments, right.EndComments, path + ".endComments");

    private SyntaxDifference? Attributes(ImmutableArray<NxmlAttribute> left, ImmutableArray<NxmlAttribute> right, string path, string? ignored)
    {
        var leftList = Arrange(left, ignored);
        var rightList = Arrange(right, ignored);
        var (l, r) = (0, 0);
        while (l < leftList.Count && r < rightList.Count)
        {
            var (a, b) = (leftList[l], rightList[r]);
            if (a.Name != b.Name)
            {
                if (attributeOrder == AttributeOrder.Significant)
                {
                    return new SyntaxDifference($"{path}.attributes[{l}]", a.Name, b.Name);
                }

                // Both lists are sorted by name: the smaller name is missing from the other list.
                return string.CompareOrdinal(a.Name, b.Name) < 0
                    ? new SyntaxDifference($"{path}@{a.Name}", a.Value, null)
                    : new SyntaxDifference($"{path}@{b.Name}", null, b.Value);
            }

            if (a.Value != b.Value)
            {
                return new SyntaxDifference($"{path}@{a.Name}", a.Value, b.Value);
            }

            (l, r) = (l + 1, r + 1);
        }

        return l < leftList.Count ? new SyntaxDifference($"{path}@{leftList[l].Name}", leftList[l].Value, null)
            : r < rightList.Count ? new SyntaxDifference($"{path}@{rightList[r].Name}", null, rightList[r].Value)
            : null;
    }

    private List<NxmlAttribute> Arrange(ImmutableArray<NxmlAttribute> attributes, string? ignored)
    {
        var kept = attributes.Where(a => a.Name != ignored);

        // A stable sort: should a tree built in code repeat a name, both copies keep their relative order.
        return attributeOrder == AttributeOrder.Ignored ? [.. kept.OrderBy(static a => a.Name, StringComparer.Ordinal)] : [.. kept];
    }

    private static SyntaxDifference? Comments(ImmutableArray<string> left, ImmutableArray<string> right, string path) =>
        Each(left, right, path, static (l, r, p) => Value(l, r, p), static _ => null);

    private static SyntaxDifference? Optional<T>(T? left, T? right, string path, Func<T, T, string, SyntaxDifference?> compare)
        where T : class
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? null : new SyntaxDifference(path, left is null ? null : "present", right is null ? null : "present");
        }

        return compare(left, right, path);
    }

    /// <summary>Compares two lists item by item (so the first differing item is named), then their lengths.</summary>
    private static SyntaxDifference? Each<T>(
        ImmutableArray<T> left,
        ImmutableArray<T> right,
        string path,
        Func<T, T, string, SyntaxDifference?> compare,
        Func<T, string?> label)
    {
        var shared = Math.Min(left.Length, right.Length);
        for (var i = 0; i < shared; i++)
        {
            var name = label(left[i]);
            var itemPath = name is null ? $"{path}[{i}]" : $"{path}[{i}:{name}]";
            if (compare(left[i], right[i], itemPath) is { } difference)
            {
                return difference;
            }
        }

        return left.Length == right.Length
            ? null
            : new SyntaxDifference(path + ".length", left.Length.ToString(CultureInfo.InvariantCulture), right.Length.ToString(CultureInfo.InvariantCulture));
    }

    private static SyntaxDifference? Value(string? left, string? right, string path) =>
        string.Equals(left, right, StringComparison.Ordinal) ? null : new SyntaxDifference(path, left, right);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string? Show(LayoutInfo? layout) =>
        layout is null ? null : $"colSpan {layout.ColSpan}{(layout.NewRow ? ", new row" : string.Empty)}";
}
