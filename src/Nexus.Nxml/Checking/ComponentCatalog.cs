using System.Collections.Frozen;

namespace Nexus.Nxml.Checking;

/// <summary>A Standard Component Library component (§6.3): its required props, enumerated props and grid weight.</summary>
public sealed record ComponentSpec(
    string Name,
    IReadOnlyList<string> Required,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Enums,
    int Weight,
    bool TakesText = false)
{
    /// <summary>The prop that element text stands for (<c>content</c> for Text, <c>label</c> for Button and Action).</summary>
    public string? TextProp => TakesText ? (Name == "Text" ? "content" : "label") : null;
}

/// <summary>The Standard Component Library and the props every component shares.</summary>
public static class ComponentCatalog
{
    /// <summary>Props that are always JavaScript expressions, braces optional (§6.1).</summary>
    public static readonly FrozenSet<string> ExpressionProps = FrozenSet.Create(StringComparer.Ordinal, "args", "payload");

    /// <summary>Props whose value is a name, never an expression.</summary>
    public static readonly FrozenSet<string> NameProps = FrozenSet.Create(StringComparer.Ordinal, "id", "trigger", "as", "key", "colSpan");

    /// <summary>The weight of components not in the library (custom components).</summary>
    public const int DefaultWeight = 6;

    private static readonly string[] Alignment = ["start", "center", "end", "stretch", "between", "space-between"];
    private static readonly string[] ButtonVariants = ["primary", "secondary", "danger", "ghost"];

    private static readonly FrozenDictionary<string, ComponentSpec> Specs = new ComponentSpec[]
    {
        new("Layout", [], new Dictionary<string, IReadOnlyList<string>>
        {
            ["strategy"] = ["auto", "stack", "row", "flex"],
            ["gap"] = ["xs", "sm", "md", "lg", "xl"],
            ["align"] = Alignment,
            ["justify"] = Alignment,
            ["direction"] = ["row", "column"],
        }, 12),
        new("Container", [], new Dictionary<string, IReadOnlyList<string>> { ["variant"] = ["card", "panel", "section", "transparent"] }, 12),
        new("If", ["condition"], new Dictionary<string, IReadOnlyList<string>>(), 12),
        new("Iterate", ["items", "as"], new Dictionary<string, IReadOnlyList<string>>(), 12),
        new("Text", ["content"], new Dictionary<string, IReadOnlyList<string>> { ["variant"] = ["h1", "h2", "h3", "h4", "body", "code", "caption"] }, 12, TakesText: true),
        new("Metric", ["label", "value"], new Dictionary<string, IReadOnlyList<string>> { ["trend"] = ["up", "down", "neutral"] }, 3),
        new("StatusBadge", ["label"], new Dictionary<string, IReadOnlyList<string>> { ["status"] = ["success", "warn", "error", "info"] }, 3),
        new("LogStream", ["data"], new Dictionary<string, IReadOnlyList<string>> { ["autoScroll"] = ["true", "false"] }, 12),
        new("Chart", ["type", "data"], new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["line", "bar", "pie", "area"] }, 6),
        new("Input", ["bind"], new Dictionary<string, IReadOnlyList<string>> { ["inputType"] = ["text", "number", "password", "email"] }, 6),
        new("Switch", ["bind"], new Dictionary<string, IReadOnlyList<string>>(), 3),
        new("Button", ["label"], new Dictionary<string, IReadOnlyList<string>> { ["variant"] = ButtonVariants }, 3, TakesText: true),
        new("Action", ["trigger", "label"], new Dictionary<string, IReadOnlyList<string>> { ["variant"] = ButtonVariants }, 3, TakesText: true),
    }.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    public static IEnumerable<ComponentSpec> All => Specs.Values;

    public static ComponentSpec? Find(string name) => Specs.GetValueOrDefault(name);

    /// <summary>Whether a prop of this component is an expression prop (always JavaScript, braces optional).</summary>
    public static bool IsExpressionProp(string component, string prop) =>
        ExpressionProps.Contains(prop) ||
        (component == "If" && prop == "condition") ||
        (component == "Iterate" && prop is "items" or "over");

    /// <summary>The grid weight of a component in an <c>auto</c> layout (§6.4).</summary>
    public static int WeightOf(string component) => Find(component)?.Weight ?? DefaultWeight;
}
