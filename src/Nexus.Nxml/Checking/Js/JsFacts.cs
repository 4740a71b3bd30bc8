namespace Nexus.Nxml.Checking.Js;

/// <summary>A name used in JavaScript code and where (offsets as the code source gives them).</summary>
internal readonly record struct JsReference(string Name, int Start, int End);

/// <summary>A static <c>$state.key</c> access: read, written directly, or mutated deeply (<c>$state.list.push(x)</c>).</summary>
internal readonly record struct StateAccess(string Key, int Start, int End, bool IsWrite);

/// <summary>
/// What static analysis found in one handler or expression. Most code uses few of these kinds, so each
/// collection is created on its first entry (the checker analyses hundreds of snippets per document).
/// </summary>
internal sealed class JsFacts
{
    private List<StateAccess>? _stateAccesses;
    private List<JsReference>? _scopeReferences;
    private List<JsReference>? _scopeWrites;
    private List<JsReference>? _toolReferences;
    private List<JsReference>? _extensionReferences;
    private List<JsReference>? _forbiddenGlobals;
    private List<JsReference>? _hostGlobals;
    private HashSet<string>? _aliasedWrites;
    private HashSet<string>? _emittedEvents;

    public FactList<StateAccess> StateAccesses => new(_stateAccesses);

    public FactList<JsReference> ScopeReferences => new(_scopeReferences);

    public FactList<JsReference> ScopeWrites => new(_scopeWrites);

    public FactList<JsReference> ToolReferences => new(_toolReferences);

    public FactList<JsReference> ExtensionReferences => new(_extensionReferences);

    public FactList<JsReference> ForbiddenGlobals => new(_forbiddenGlobals);

    /// <summary>Handler-only globals (<c>$emit</c>, <c>$ext</c>, ...) used where only <c>$state</c> and <c>$scope</c> exist.</summary>
    public FactList<JsReference> HostGlobals => new(_hostGlobals);

    /// <summary>State keys written through a local that aliases a state value (<c>const t = $state.todos[0]; t.done = true</c>).</summary>
    public IReadOnlyCollection<string> AliasedWrites => _aliasedWrites ?? (IReadOnlyCollection<string>)[];

    public IReadOnlyCollection<string> EmittedEvents => _emittedEvents ?? (IReadOnlyCollection<string>)[];

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

    public void AddStateAccess(StateAccess access) => (_stateAccesses ??= []).Add(access);

    public void AddScopeReference(JsReference reference) => (_scopeReferences ??= []).Add(reference);

    public void AddScopeWrite(JsReference reference) => (_scopeWrites ??= []).Add(reference);

    public void AddToolReference(JsReference reference) => (_toolReferences ??= []).Add(reference);

    public void AddExtensionReference(JsReference reference) => (_extensionReferences ??= []).Add(reference);

    public void AddForbiddenGlobal(JsReference reference) => (_forbiddenGlobals ??= []).Add(reference);

    public void AddHostGlobal(JsReference reference) => (_hostGlobals ??= []).Add(reference);

    public void AddAliasedWrite(string key) => (_aliasedWrites ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);

    public void AddEmittedEvent(string name) => (_emittedEvents ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
}
