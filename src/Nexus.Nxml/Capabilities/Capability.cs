namespace Nexus.Nxml.Capabilities;

/// <summary>The kinds of access a handler can be granted (§4.4).</summary>
public enum CapabilityKind
{
    StateRead,
    StateWrite,
    EventsEmit,
    ViewUpdate,
    Ext,
}

/// <summary>One granted access: a kind and a scope (a state key, event name, extension alias, or <c>*</c>).</summary>
public readonly record struct Capability(CapabilityKind Kind, string Scope)
{
    public const string AnyScope = "*";

    private static readonly (string Name, CapabilityKind Kind)[] Names =
    [
        ("state:read", CapabilityKind.StateRead),
        ("state:write", CapabilityKind.StateWrite),
        ("events:emit", CapabilityKind.EventsEmit),
        ("view:update", CapabilityKind.ViewUpdate),
        ("ext", CapabilityKind.Ext),
    ];

    public static IEnumerable<string> TypeNames => Names.Select(n => n.Name);

    public static bool TryParseType(string? type, out CapabilityKind kind)
    {
        foreach (var (name, value) in Names)
        {
            if (name == type)
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string TypeName(CapabilityKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary><c>state:write:todos</c>, <c>ext:http</c>, <c>view:update:*</c>.</summary>
    public override string ToString() => $"{TypeName(Kind)}:{Scope}";
}
