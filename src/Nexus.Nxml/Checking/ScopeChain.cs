namespace Nexus.Nxml.Checking;

/// <summary>The <c>as</c> names of the Iterates around a view element, innermost first.</summary>
internal sealed class ScopeChain
{
    public static readonly ScopeChain None = new(null, null);

    private readonly string? _name;
    private readonly ScopeChain? _parent;

    private ScopeChain(string? name, ScopeChain? parent)
    {
        _name = name;
        _parent = parent;
    }

    public bool IsEmpty => _name is null;

    public ScopeChain Push(string name) => new(name, this);

    public bool Contains(string name)
    {
        for (var scope = this; scope?._name is not null; scope = scope._parent)
        {
            if (scope._name == name)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<string> Names
    {
        get
        {
            for (var scope = this; scope?._name is not null; scope = scope._parent)
            {
                yield return scope._name;
            }
        }
    }
}
