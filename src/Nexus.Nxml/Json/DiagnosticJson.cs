using Nexus.Nxml.Diagnostics;

namespace Nexus.Nxml.Json;

/// <summary>
/// A diagnostic as JSON (§7): <c>{ code, severity: "error"|"warning", message, line, column, endLine,
/// endColumn, path }</c>. Serialize it with <see cref="NxmlJsonContext.DiagnosticJson"/> or a list with
/// <see cref="NxmlJsonContext.IReadOnlyListDiagnosticJson"/>.
/// </summary>
public sealed record DiagnosticJson(
    string Code,
    string Severity,
    string Message,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    IReadOnlyList<string> Path)
{
    public static DiagnosticJson From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new(
            diagnostic.Code,
            diagnostic.IsError ? "error" : "warning",
            diagnostic.Message,
            diagnostic.Line,
            diagnostic.Column,
            diagnostic.EndLine,
            diagnostic.EndColumn,
            diagnostic.Path);
    }
}
