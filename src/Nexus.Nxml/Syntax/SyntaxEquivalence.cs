namespace Nexus.Nxml.Syntax;

/// <summary>How <see cref="SyntaxEquivalence"/> treats the order of an element's attributes.</summary>
public enum AttributeOrder
{
    /// <summary>
    /// Attributes are compared as a set of name/value pairs. The order is where they stand in the source,
    /// a matter of layout like spans; the canonical printer puts them in a fixed order of its own.
    /// </summary>
    Ignored,

    /// <summary>Attributes must also stand in the same order.</summary>
    Significant,
}

/// <summary>The first place where two syntax trees differ: a readable path and both values.</summary>
public sealed record SyntaxDifference(string Path, string? Left, string? Right)
{
    public override string ToString() => $"{Path}: {Show(Left)} != {Show(Right)}";

    private static string Show(string? value) => value is null ? "(none)" : $"\"{value}\"";
}

/// <summary>
/// Compares syntax trees while ignoring where things stand in the source (spans, attribute name and value
/// spans, handler code spans). The records' own equality cannot do this: their <c>ImmutableArray</c>
/// members compare by reference, and spans always differ between two sources.
/// </summary>
public static class SyntaxEquivalence
{
    /// <summary>True when both trees say the same thing, wherever it stands in their sources.</summary>
    public static bool AreEquivalent(PanelNode left, PanelNode right, AttributeOrder attributeOrder = AttributeOrder.Ignored) =>
        FirstDifference(left, right, attributeOrder) is null;

    /// <summary>The first difference between the trees, in document order, or null when they are equivalent.</summary>
    public static SyntaxDifference? FirstDifference(PanelNode left, PanelNode right, AttributeOrder attributeOrder = AttributeOrder.Ignored)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new SyntaxComparer(attributeOrder).Panel(left, right);
    }

    /// <summary>A one-line description of the first difference, or null when the trees are equivalent.</summary>
    public static string? DescribeDifference(PanelNode left, PanelNode right, AttributeOrder attributeOrder = AttributeOrder.Ignored) =>
        FirstDifference(left, right, attributeOrder)?.ToString();
}
