// The source editor's few calls into Monaco that BlazorMonaco 3.0 does not wrap: the checker's markers.
const owner = "nxml-check";

function editorOf(id) {
    const editors = window.blazorMonaco && window.blazorMonaco.editor;
    return editors && typeof monaco !== "undefined" ? editors.getEditor(id, true) : null;
}

// Replaces the editor's markers with the checker's findings; answers false while the editor is not there yet.
export function setMarkers(editorId, markers) {
    const editor = editorOf(editorId);
    const model = editor && editor.getModel();
    if (!model) {
        return false;
    }

    monaco.editor.setModelMarkers(model, owner, markers.map(m => ({
        severity: m.isError ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        code: m.code,
        message: m.message,
        startLineNumber: m.startLine,
        startColumn: m.startColumn,
        endLineNumber: m.endLine,
        endColumn: m.endColumn,
    })));
    return true;
}
