using System.Collections.Frozen;

namespace Nexus.Nxml.Parsing;

/// <summary>Gives one string instance per element or attribute name, so reading a name rarely allocates.</summary>
internal sealed class NameTable
{
    private static readonly string[] KnownNames =
    [
        "NexusPanel", "Data", "Logic", "View", "State", "Computed", "Tool", "Arg", "Handler", "Lifecycle",
        "Extension", "Capabilities", "Capability", "Layout", "Container", "If", "Iterate", "Text", "Metric",
        "StatusBadge", "LogStream", "Chart", "Input", "Switch", "Button", "Action",
        "id", "title", "description", "version", "author", "tags", "name", "type", "default", "value", "required",
        "handler", "on", "alias", "source", "scope", "strategy", "gap", "align", "justify", "direction", "variant",
        "condition", "items", "over", "as", "key", "content", "label", "unit", "trend", "status", "data", "height",
        "autoScroll", "xKey", "yKey", "bind", "placeholder", "inputType", "disabled", "trigger", "args", "payload",
        "colSpan", "className",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Known =
        KnownNames.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _others;

    public string Get(ReadOnlySpan<char> name)
    {
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        _others ??= new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        if (_others.Value.TryGetValue(name, out var seen))
        {
            return seen;
        }

        var text = new string(name);
        _others.Value.Set.Add(text);
        return text;
    }
}
