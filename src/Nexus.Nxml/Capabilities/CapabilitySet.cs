using System.Collections.Frozen;

namespace Nexus.Nxml.Capabilities;

/// <summary>
/// The capabilities of one handler. An access is allowed when its exact scope or <c>*</c> is granted for its
/// kind; <c>state:write:k</c> also grants <c>state:read:k</c>.
/// </summary>
public sealed class CapabilitySet
{
    public static readonly CapabilitySet Empty = new([]);

    // Checked on every state access of every handler: a frozen set is the fastest lookup .NET has.
    private readonly FrozenSet<Capability> _granted;

    public CapabilitySet(IEnumerable<Capability> granted) => _granted = granted.ToFrozenSet();

    public IReadOnlyCollection<Capability> Granted => _granted;

    public bool Allows(CapabilityKind kind, string scope)
    {
        if (Has(kind, scope))
        {
            return true;
        }

        return kind == CapabilityKind.StateRead && Has(CapabilityKind.StateWrite, scope);
    }

    private bool Has(CapabilityKind kind, string scope) =>
        _granted.Contains(new Capability(kind, scope)) || _granted.Contains(new Capability(kind, Capability.AnyScope));

    /// <summary>The capabilities as sorted strings (<c>state:read:count</c>, ...), for people and JSON.</summary>
    public IEnumerable<string> Describe() => _granted.Select(c => c.ToString()).Order(StringComparer.Ordinal);

    public override string ToString() => string.Join(", ", Describe());
}
