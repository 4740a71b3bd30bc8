namespace Nexus.Studio.Rendering.Components;

/// <summary>The CSS classes of a Layout (nxml.css defines them): strategy, gap, alignment, pass-through classes.</summary>
internal static class LayoutStyle
{
    public static string Classes(string strategy, PropValues props)
    {
        var classes = $"nx-layout nx-layout-{strategy} nx-gap-{props.Choice("gap", "md")} nx-align-{Alignment(props, "align")} nx-justify-{Alignment(props, "justify")}";
        return props.ClassName is { } extra ? classes + " " + extra : classes;
    }

    /// <summary>The alignment keywords; <c>space-between</c> is the earlier hosts' name for <c>between</c>.</summary>
    private static string Alignment(PropValues props, string name) => props.Choice(name, name == "align" ? "stretch" : "start") switch
    {
        "space-between" => "between",
        var value => value,
    };
}
