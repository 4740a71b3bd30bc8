using Jint;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor.Program;

/// <summary>
/// One piece of panel code as a script the sandbox evaluates to a function: a handler
/// (<c>async function ($args, $state, $emit, $log, $view, $ext, $tools) { ... }</c>), a computed or a view
/// expression (<c>function ($state, $scope) { return (...); }</c>). The script is prepared once, on first
/// use, and shared by every instance of the panel. The code always starts on the script's second line, so
/// a position in the script maps back to the code by subtracting one line.
/// </summary>
internal sealed class ScriptSource
{
    /// <summary>The parameters every handler function takes, in order.</summary>
    public const string HandlerParameters = "$args, $state, $emit, $log, $view, $ext, $tools";

    private readonly Lazy<Prepared<Acornima.Ast.Script>> _prepared;

    private ScriptSource(string name, string script, HandlerNode? handler, bool detached = false)
    {
        Name = name;
        Handler = handler;
        IsDetached = detached;
        _prepared = new Lazy<Prepared<Acornima.Ast.Script>>(() => Engine.PrepareScript(script, name, strict: true), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A name for stack traces (<c>tool:add</c>, <c>computed:total</c>, <c>view:12</c>).</summary>
    public string Name { get; }

    /// <summary>The handler this script runs, for mapping error positions into the NXML file.</summary>
    public HandlerNode? Handler { get; }

    public Prepared<Acornima.Ast.Script> Prepared => _prepared.Value;

    /// <summary>Compiled for a one-off evaluation outside the panel's view: engines do not keep its function.</summary>
    public bool IsDetached { get; }

    /// <summary>
    /// A handler is the body of an async function. One that never uses <c>await</c> runs as a plain function:
    /// it behaves the same (a returned promise is still awaited, a throw is still a failure) without the
    /// promise machinery on every call.
    /// </summary>
    public static ScriptSource ForHandler(HandlerNode handler, string name) =>
        new(name, $"({(handler.IsAsync ? "async " : string.Empty)}function ({HandlerParameters}) {{\n{handler.Code}\n}})", handler);

    public static ScriptSource ForComputed(ComputedNode computed) =>
        new("computed:" + computed.Name, $"(function ($state, $scope) {{ return (\n{computed.Value}\n); }})", null);

    public static ScriptSource ForExpression(string name, string code, bool detached = false) =>
        new(name, $"(function ($state, $scope) {{ return (\n{code}\n); }})", null, detached);
}
