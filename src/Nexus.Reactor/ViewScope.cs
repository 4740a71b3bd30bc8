using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor;

/// <summary>
/// Where a view element stands inside Iterates: for each enclosing Iterate (outermost first) its <c>as</c>
/// name, the Iterate itself and the index and value of the current item. Expressions see the items as
/// <c>$scope.&lt;as&gt;</c>; a <c>bind</c> to <c>$scope.&lt;as&gt;.field</c> writes through to the state the
/// item came from.
/// </summary>
public sealed class ViewScope
{
    public static readonly ViewScope Empty = new([]);

    private ViewScope(ImmutableArray<ScopeEntry> entries) => Entries = entries;

    public ImmutableArray<ScopeEntry> Entries { get; }

    /// <summary>The scope inside one item of an Iterate.</summary>
    public ViewScope Enter(ComponentNode iterate, int index, JsonNode? item)
    {
        ArgumentNullException.ThrowIfNull(iterate);
        var name = iterate.Prop("as") ?? throw new ArgumentException("the Iterate has no 'as'", nameof(iterate));
        return new ViewScope(Entries.Add(new ScopeEntry(name, iterate, index, item?.DeepClone())));
    }

    /// <summary>The entry for an <c>as</c> name, the innermost when names repeat.</summary>
    public ScopeEntry? Find(string name)
    {
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (Entries[i].Name == name)
            {
                return Entries[i];
            }
        }

        return null;
    }
}

/// <summary>One enclosing Iterate: its <c>as</c> name, the element, and the current item.</summary>
public sealed record ScopeEntry(string Name, ComponentNode Iterate, int Index, JsonNode? Item);
