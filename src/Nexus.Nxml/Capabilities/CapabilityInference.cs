using Nexus.Nxml.Checking.Js;

namespace Nexus.Nxml.Capabilities;

/// <summary>
/// Infers a handler's capabilities from its code when it declares none (§4.4): <c>$state.x</c> read or
/// written, <c>$emit('e')</c>, <c>$ext.a</c>, <c>$view</c>; a computed access (<c>$state[k]</c>,
/// <c>$emit(name)</c>) grants the <c>*</c> scope of its kind.
/// </summary>
internal static class CapabilityInference
{
    public static CapabilitySet Infer(JsFacts facts)
    {
        var granted = new List<Capability>();
        foreach (var access in facts.StateAccesses)
        {
            granted.Add(new Capability(access.IsWrite ? CapabilityKind.StateWrite : CapabilityKind.StateRead, access.Key));
        }

        granted.AddRange(facts.AliasedWrites.Select(key => new Capability(CapabilityKind.StateWrite, key)));
        granted.AddRange(facts.EmittedEvents.Select(name => new Capability(CapabilityKind.EventsEmit, name)));
        granted.AddRange(facts.ExtensionReferences.Select(e => new Capability(CapabilityKind.Ext, e.Name)));
        AddAny(granted, facts.DynamicStateRead, CapabilityKind.StateRead);
        AddAny(granted, facts.DynamicStateWrite, CapabilityKind.StateWrite);
        AddAny(granted, facts.DynamicEvents, CapabilityKind.EventsEmit);
        AddAny(granted, facts.DynamicExtensions, CapabilityKind.Ext);
        AddAny(granted, facts.UsesView, CapabilityKind.ViewUpdate);
        return new CapabilitySet(granted);
    }

    private static void AddAny(List<Capability> granted, bool condition, CapabilityKind kind)
    {
        if (condition)
        {
            granted.Add(new Capability(kind, Capability.AnyScope));
        }
    }
}
