using System.Collections.Immutable;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Layout;

/// <summary>
/// The layout ("Tetris") pass (§6.4): places the children of every <c>auto</c> layout on a 12-column grid
/// before any data is loaded, so the geometry does not jump when data arrives.
/// </summary>
public static class LayoutPass
{
    public const int Columns = 12;

    /// <summary>The panel with <see cref="ComponentNode.Layout"/> set on the children of every auto layout.</summary>
    public static PanelNode Apply(PanelNode panel)
    {
        if (panel.View?.Root is not { } root)
        {
            return panel;
        }

        return panel with { View = panel.View with { Root = Apply(root) } };
    }

    private static ComponentNode Apply(ComponentNode component)
    {
        StackGuard.Ensure();
        if (component.Children.IsEmpty)
        {
            return component;
        }

        var auto = IsAutoLayout(component);
        var children = ImmutableArray.CreateBuilder<ComponentNode>(component.Children.Length);
        var rowWeight = 0;
        var changed = false;
        foreach (var child in component.Children)
        {
            var placed = Apply(child);
            if (auto)
            {
                var weight = WeightOf(child);
                var newRow = rowWeight + weight > Columns;
                rowWeight = newRow ? weight : rowWeight + weight;
                placed = placed with { Layout = new LayoutInfo(weight, newRow) };
            }
            else if (placed.Layout is not null)
            {
                placed = placed with { Layout = null };
            }

            changed |= !ReferenceEquals(placed, child);
            children.Add(placed);
        }

        // A subtree the pass leaves as it is keeps its nodes: no copy of every container on the way.
        return changed ? component with { Children = children.MoveToImmutable() } : component;
    }

    /// <summary>The strategy a Layout uses: <c>auto</c>, <c>stack</c> or <c>row</c> (the compatibility <c>flex</c> maps by direction; a binding falls back to auto).</summary>
    public static string StrategyOf(ComponentNode layout)
    {
        var strategy = layout.Prop("strategy")?.Trim();
        return strategy switch
        {
            "stack" or "row" => strategy,
            "flex" => layout.Prop("direction")?.Trim() == "row" ? "row" : "stack",
            _ => "auto",
        };
    }

    public static bool IsAutoLayout(ComponentNode component) => component.Type == "Layout" && StrategyOf(component) == "auto";

    /// <summary>A child's weight: an explicit <c>colSpan</c> from 1 to 12, else its component's weight.</summary>
    public static int WeightOf(ComponentNode child) =>
        int.TryParse(child.Prop("colSpan")?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var span) && span is >= 1 and <= Columns
            ? span
            : ComponentCatalog.WeightOf(child.Type);
}
