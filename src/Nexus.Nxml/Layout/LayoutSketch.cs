using System.Globalization;
using System.Net;
using System.Text;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Layout;

/// <summary>A component's box in a layout sketch, in pixels, with its children.</summary>
public sealed record SketchBox(ComponentNode Component, string Label, double X, double Y, double Width, double Height, IReadOnlyList<SketchBox> Children);

/// <summary>
/// Draws the layout of a view before anything runs: every component as a labelled box, auto layouts on the
/// 12-column grid by their <see cref="LayoutInfo"/>, stacks top to bottom, rows side by side. Heights are
/// nominal (no data is loaded), so the sketch shows placement, not final size.
/// </summary>
public static class LayoutSketch
{
    private const double Padding = 8;
    private const double Header = 22;

    /// <summary>The boxes of the view, laid out in a panel <paramref name="width"/> pixels wide; null for a panel without a view.</summary>
    public static SketchBox? Measure(PanelNode panel, double width = 960)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 120);
        return panel.View?.Root is { } root ? Place(root, 0, 0, width) : null;
    }

    /// <summary>An SVG picture of the layout (one box per component, labelled; the 12-column grid behind).</summary>
    public static string ToSvg(PanelNode panel, double width = 960)
    {
        var root = Measure(panel, width);
        var height = root?.Height ?? 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width + 2}\" height=\"{height + 2}\" viewBox=\"-1 -1 {width + 2} {height + 2}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <title>{Escape(panel.Meta.Title ?? "panel")} - layout sketch</title>\n");
        for (var column = 0; column <= LayoutPass.Columns; column++)
        {
            var x = width * column / LayoutPass.Columns;
            svg.Append(CultureInfo.InvariantCulture, $"  <line x1=\"{x:0.##}\" y1=\"0\" x2=\"{x:0.##}\" y2=\"{height:0.##}\" stroke=\"#e8e8ef\" />\n");
        }

        if (root is null)
        {
            svg.Append("  <text x=\"8\" y=\"24\" fill=\"#666\">(no view: a headless panel)</text>\n");
        }
        else
        {
            Draw(svg, root, 0);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A short label: the component type and the first telling prop (id, label, title, literal content).</summary>
    public static string LabelOf(ComponentNode component)
    {
        var hint = component.Prop("id") is { } id ? "#" + id
            : component.Prop("label") ?? component.Prop("title") ?? component.Text?.Value ?? component.Prop("content")
              ?? component.Prop("strategy") ?? component.Prop("bind") ?? component.Prop("items") ?? component.Prop("over") ?? component.Prop("condition");
        if (hint is null)
        {
            return component.Type;
        }

        hint = hint.ReplaceLineEndings(" ");
        return $"{component.Type} {(hint.Length > 28 ? hint[..27] + "…" : hint)}";
    }

    private static SketchBox Place(ComponentNode component, double x, double y, double width)
    {
        StackGuard.Ensure();
        var label = LabelOf(component);
        if (component.Children.IsEmpty)
        {
            return new SketchBox(component, label, x, y, width, LeafHeight(component), []);
        }

        var innerX = x + Padding;
        var innerWidth = Math.Max(24, width - (2 * Padding));
        var top = y + Header;
        var children = component.Type == "Layout" ? LayoutChildren(component, innerX, top, innerWidth) : Stack(component.Children, innerX, top, innerWidth);
        var bottom = children.Count == 0 ? top : children.Max(c => c.Y + c.Height);
        return new SketchBox(component, label, x, y, width, bottom - y + Padding, children);
    }

    private static List<SketchBox> LayoutChildren(ComponentNode layout, double x, double y, double width) => LayoutPass.StrategyOf(layout) switch
    {
        "stack" => Stack(layout.Children, x, y, width),
        "row" => Row(layout.Children, x, y, width),
        _ => Grid(layout.Children, x, y, width),
    };

    private static List<SketchBox> Stack(IEnumerable<ComponentNode> children, double x, double y, double width)
    {
        var boxes = new List<SketchBox>();
        foreach (var child in children)
        {
            var box = Place(child, x, y, width);
            boxes.Add(box);
            y += box.Height + Padding;
        }

        return boxes;
    }

    private static List<SketchBox> Row(IReadOnlyCollection<ComponentNode> children, double x, double y, double width)
    {
        var each = (width - (Padding * (children.Count - 1))) / children.Count;
        return [.. children.Select((child, i) => Place(child, x + (i * (each + Padding)), y, each))];
    }

    /// <summary>Children of an auto layout, on the grid as the layout pass placed them.</summary>
    private static List<SketchBox> Grid(IEnumerable<ComponentNode> children, double x, double y, double width)
    {
        var boxes = new List<SketchBox>();
        var rowTop = y;
        var rowBottom = y;
        var column = 0;
        foreach (var child in children)
        {
            var info = child.Layout ?? new LayoutInfo(LayoutPass.WeightOf(child), column + LayoutPass.WeightOf(child) > LayoutPass.Columns);
            if (info.NewRow)
            {
                rowTop = rowBottom + Padding;
                column = 0;
            }

            var cell = width / LayoutPass.Columns;
            var box = Place(child, x + (column * cell), rowTop, (info.ColSpan * cell) - Padding);
            boxes.Add(box);
            rowBottom = Math.Max(rowBottom, box.Y + box.Height);
            column += info.ColSpan;
        }

        return boxes;
    }

    private static double LeafHeight(ComponentNode component) => component.Type switch
    {
        "Chart" or "LogStream" => 120,
        "Metric" => 64,
        _ => 40,
    };

    private static void Draw(StringBuilder svg, SketchBox box, int depth)
    {
        var fill = depth % 2 == 0 ? "#f7f7fb" : "#ffffff";
        var stroke = box.Component.Children.IsEmpty ? "#5b6cff" : "#9aa0b4";
        var dash = box.Component.IsImplicit ? " stroke-dasharray=\"4 3\"" : string.Empty;
        svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{box.X:0.##}\" y=\"{box.Y:0.##}\" width=\"{box.Width:0.##}\" height=\"{box.Height:0.##}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\"{dash} />\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{box.X + 6:0.##}\" y=\"{box.Y + 15:0.##}\" fill=\"#222\">{Escape(box.Label)}</text>\n");
        foreach (var child in box.Children)
        {
            Draw(svg, child, depth + 1);
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
