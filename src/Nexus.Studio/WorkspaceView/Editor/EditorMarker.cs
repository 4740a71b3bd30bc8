using Nexus.Nxml.Diagnostics;

namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>
/// A diagnostic as a marker in the code editor: 1-based lines and columns, the end exclusive (Monaco's ranges).
/// A diagnostic without an extent still marks one character, so it can be seen and hovered.
/// </summary>
public sealed record EditorMarker(string Code, string Message, bool IsError, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static EditorMarker From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var line = Math.Max(1, diagnostic.Line);
        var column = Math.Max(1, diagnostic.Column);
        var (endLine, endColumn) = (diagnostic.EndLine, diagnostic.EndColumn);
        if (endLine < line || (endLine == line && endColumn <= column))
        {
            (endLine, endColumn) = (line, column + 1);
        }

        return new EditorMarker(diagnostic.Code, diagnostic.Message, diagnostic.IsError, line, column, endLine, endColumn);
    }
}
