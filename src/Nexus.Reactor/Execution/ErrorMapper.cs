using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Nexus.Nxml.Parsing;
using Nexus.Reactor.Program;
using Nexus.Reactor.Sandbox;

namespace Nexus.Reactor.Execution;

/// <summary>
/// Turns whatever stopped a handler into a <see cref="ToolError"/>: a code from §5 and, for errors in handler
/// code, the line and column in the NXML file (from the error's location in the generated script).
/// </summary>
internal sealed partial class ErrorMapper(PanelProgram program)
{
    private readonly Dictionary<string, ScriptSource> _scripts = program.Tools.Values.Concat(program.Lifecycles.Values)
        .Select(h => h.Script).ToDictionary(s => s.Name, StringComparer.Ordinal);

    public ToolError FromException(Exception exception, PlainData data, int maxLength) => exception switch
    {
        SandboxAbort abort => new ToolError(abort.Code, Cut(abort.Message, maxLength)),
        RegexMatchTimeoutException => new ToolError(RuntimeErrorCodes.Timeout, "a regular expression ran out of time"),
        TimeoutException => new ToolError(RuntimeErrorCodes.Timeout, "the handler ran out of time"),
        MemoryLimitExceededException => new ToolError(RuntimeErrorCodes.MemoryLimit, "the handler used more memory than allowed"),
        RecursionDepthOverflowException or InsufficientExecutionStackException =>
            new ToolError(RuntimeErrorCodes.ResourceLimit, "the handler recursed too deeply"),
        StatementsCountOverflowException => new ToolError(RuntimeErrorCodes.ResourceLimit, "the handler ran too many statements"),
        JavaScriptException js => FromJavaScript(js.Error, js.Message, data, js.Location.SourceFile, js.Location.Start.Line, js.Location.Start.Column + 1, maxLength),
        _ => new ToolError(RuntimeErrorCodes.HandlerError, "the handler failed: " + Cut(exception.Message, maxLength)),
    };

    /// <summary>
    /// A rejected handler promise: the rejection value, located through its stack. Its properties are read as
    /// plain data only: a getter or a proxy trap the handler left on it must not run here, where a JavaScript
    /// error it throws went nowhere and left the call to be reported as a promise that never settles (TIMEOUT).
    /// </summary>
    public ToolError FromRejection(JsValue reason, PlainData data, int maxLength)
    {
        var (file, line, column) = StackLocation(reason, data);
        return FromJavaScript(reason, MessageOf(reason, data), data, file, line, column, maxLength);
    }

    private ToolError FromJavaScript(JsValue error, string message, PlainData data, string? file, int line, int column, int maxLength)
    {
        var code = data.Property(error, "name") is { } name && name.IsString() && name.ToString() == "ExtensionError"
            ? RuntimeErrorCodes.ExtensionError
            : message.Contains("Maximum call stack size exceeded", StringComparison.Ordinal)
                ? RuntimeErrorCodes.ResourceLimit
                : RuntimeErrorCodes.HandlerError;
        var located = Locate(file, line, column);
        return new ToolError(code, Cut(message, maxLength), located?.Line, located?.Column);
    }

    /// <summary>Script line 2 is the handler's first code line (see <see cref="ScriptSource"/>).</summary>
    private Nexus.Nxml.Syntax.SourcePosition? Locate(string? file, int line, int column)
    {
        if (file is null || line < 2 || !_scripts.TryGetValue(file, out var script) || script.Handler is null)
        {
            return null;
        }

        return HandlerCode.Locate(program.Document.Source, script.Handler, line - 2, column - 1);
    }

    private static string MessageOf(JsValue reason, PlainData data)
    {
        if (data.Property(reason, "message") is { } message && message.IsString())
        {
            var name = data.Property(reason, "name");
            return name is not null && name.IsString() && name.ToString() is not ("Error" or "ExtensionError") ? $"{name}: {message}" : message.ToString();
        }

        return reason.IsString() ? reason.ToString() : "the handler threw " + Nexus.Reactor.State.StateTypes.Describe(reason);
    }

    private static (string? File, int Line, int Column) StackLocation(JsValue reason, PlainData data)
    {
        if (data.Property(reason, "stack") is not { } stack || !stack.IsString())
        {
            return (null, 0, 0);
        }

        var match = StackFrame().Match(stack.ToString());
        return match.Success
            ? (match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (null, 0, 0);
    }

    private static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength] + "…";

    [GeneratedRegex(@"(?<file>(?:tool|lifecycle):[^:\s()]+):(?<line>\d+):(?<column>\d+)")]
    private static partial Regex StackFrame();
}
