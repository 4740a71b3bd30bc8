using System.Collections.Immutable;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One finding of the checker: a code from <see cref="DiagnosticCodes"/>, a message for people, where it
/// is (1-based line and column of the smallest wrong thing, and where that thing ends) and a path into the
/// panel (e.g. <c>["logic", "tools", "addTodo", "handler"]</c>).
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    int Line,
    int Column,
    ImmutableArray<string> Path)
{
    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic At(string code, string message, SourceSpan span, ImmutableArray<string> path)
    {
        var start = span.IsEmpty ? SourcePosition.Start : span.Start;
        var end = span.IsEmpty ? start : span.End;
        return new Diagnostic(code, DiagnosticCodes.SeverityOf(code), message, start.Line, start.Column, path)
        {
            EndLine = end.Line,
            EndColumn = end.Column,
        };
    }

    /// <summary>Compiler-style text: <c>file(line,col): error CODE: message</c>.</summary>
    public string Format(string file) =>
        $"{file}({Line},{Column}): {(IsError ? "error" : "warning")} {Code}: {Message}";

    public override string ToString() => Format("nxml");
}
