namespace Nexus.Nxml.Checking.Js;

/// <summary>A name used in JavaScript code and where (offsets as the code source gives them).</summary>
internal readonly record struct JsReference(string Name, int Start, int End);

/// <summary>A static <c>$state.key</c> access: read, written directly, or mutated deeply (<c>$state.list.push(x)</c>).</summary>
internal readonly record struct StateAccess(string Key, int Start, int End, bool IsWrite);

/// <summary>What static analysis found in one handler or expression.</summary>
internal sealed class JsFacts
{
    public readonly List<StateAccess> StateAccesses = [];
    public readonly List<JsReference> ScopeReferences = [];
    public readonly List<JsReference> ScopeWrites = [];
    public readonly List<JsReference> ToolReferences = [];
    public readonly List<JsReference> ExtensionReferences = [];
    public readonly List<JsReference> ForbiddenGlobals = [];

    /// <summary>Handler-only globals (<c>$emit</c>, <c>$ext</c>, ...) used where only <c>$state</c> and <c>$scope</c> exist.</summary>
    public readonly List<JsReference> HostGlobals = [];

    /// <summary>State keys written through a local that aliases a state value (<c>const t = $state.todos[0]; t.done = true</c>).</summary>
    public readonly HashSet<string> AliasedWrites = new(StringComparer.Ordinal);

    public readonly HashSet<string> EmittedEvents = new(StringComparer.Ordinal);

    public bool DynamicStateRead;
    public bool DynamicStateWrite;
    public bool DynamicScope;
    public bool DynamicTools;
    public bool DynamicExtensions;
    public bool DynamicEvents;
    public bool UsesView;
    public bool UsesAwait;

    /// <summary>Set when the code does not parse: the message and the offset of the error.</summary>
    public (string Message, int Offset)? SyntaxError;
}
