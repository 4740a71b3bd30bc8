using System.Collections.Immutable;
using Nexus.Nxml;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Layout;

namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>
/// One check of an edited source: the checker's answer (<see cref="NxmlDocument.Check(string, CheckOptions?)"/>,
/// the very check the workspace runs before it saves a source), the editor's markers and the layout sketch.
/// </summary>
public sealed class SourceCheck
{
    private SourceCheck(string text, NxmlDocument document)
    {
        Text = text;
        Document = document;
        Sketch = document.Panel is { } panel ? LayoutSketch.ToSvg(panel) : null;
        Markers = [.. document.Diagnostics.Select(EditorMarker.From)];
    }

    /// <summary>The text that was checked.</summary>
    public string Text { get; }

    public NxmlDocument Document { get; }

    /// <summary>Clean as the workspace means it when saving: the document parsed and has no error (warnings are fine).</summary>
    public bool IsClean => Document.IsValid;

    public ImmutableArray<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>The SVG sketch of where the layout pass puts each component; null when the text did not parse.</summary>
    public string? Sketch { get; }

    /// <summary>The diagnostics as the code editor's markers.</summary>
    public IReadOnlyList<EditorMarker> Markers { get; }

    public static SourceCheck Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SourceCheck(text, NxmlDocument.Check(text));
    }
}
