using System.Collections.Frozen;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Printing;

/// <summary>
/// The canonical order of a component's attributes:
/// <list type="number">
/// <item><c>id</c>;</item>
/// <item>the component's own props in the order of the §6.3 table (aliases and compatibility props right
/// after the prop they stand for: Iterate <c>over</c> after <c>items</c>, Layout <c>direction</c> after
/// <c>strategy</c>), leaving out the action props of Button and Action;</item>
/// <item><c>colSpan</c> (the layout override every child of an auto layout takes);</item>
/// <item><c>trigger</c>, <c>args</c>, <c>payload</c>;</item>
/// <item>every other (pass-through) attribute, in source order.</item>
/// </list>
/// Custom components have no props of their own, so they print <c>id</c>, <c>colSpan</c>, the action
/// props and then the rest as written.
/// </summary>
internal static class ComponentAttributeOrder
{
    private static readonly string[] ButtonProps = ["label", "variant", "disabled"];

    private static readonly FrozenDictionary<string, string[]> OwnProps = new Dictionary<string, string[]>
    {
        ["Layout"] = ["strategy", "direction", "gap", "align", "justify"],
        ["Container"] = ["title", "variant"],
        ["If"] = ["condition"],
        ["Iterate"] = ["items", "over", "as", "key"],
        ["Text"] = ["content", "variant"],
        ["Metric"] = ["label", "value", "unit", "trend"],
        ["StatusBadge"] = ["label", "status", "value"],
        ["LogStream"] = ["data", "height", "autoScroll"],
        ["Chart"] = ["type", "data", "xKey", "yKey", "height"],
        ["Input"] = ["bind", "placeholder", "inputType", "disabled"],
        ["Switch"] = ["bind", "label", "disabled"],
        ["Button"] = ButtonProps,
        ["Action"] = ButtonProps,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ActionProps = ["trigger", "args", "payload"];

    /// <summary>The component's attributes in canonical order (a stable sort: pass-through ones keep source order).</summary>
    public static IEnumerable<NxmlAttribute> Arrange(ComponentNode component)
    {
        var own = OwnProps.GetValueOrDefault(component.Type, []);
        return component.Attributes.OrderBy(attribute => Rank(attribute.Name, own));
    }

    private static int Rank(string name, string[] own)
    {
        if (name == "id")
        {
            return 0;
        }

        var index = Array.IndexOf(own, name);
        if (index >= 0)
        {
            return 1 + index;
        }

        if (name == "colSpan")
        {
            return 100;
        }

        index = Array.IndexOf(ActionProps, name);
        return index >= 0 ? 101 + index : int.MaxValue;
    }
}
