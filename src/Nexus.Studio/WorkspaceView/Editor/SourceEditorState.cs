namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>What happened when the panel's saved source changed while it was open in the editor.</summary>
public enum UnderlyingChange
{
    /// <summary>Nothing the editor has to act on (the editor already shows that source, e.g. its own save).</summary>
    None,

    /// <summary>The editor had no unsaved edit and now shows the new source.</summary>
    Reloaded,

    /// <summary>The editor has unsaved edits made on the old source: it keeps them and refuses to save over the new one.</summary>
    Conflict,
}

/// <summary>
/// The editor's model, without any UI: the source as loaded from the panel (the base of the edit), the text being
/// edited, the latest check of it, and the rules for saving. Saving needs an edit whose current text checks clean
/// and whose base is still the panel's source; a source saved elsewhere meanwhile is a conflict, never overwritten.
/// </summary>
public sealed class SourceEditorState
{
    public SourceEditorState(string loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        Loaded = loaded;
        Text = loaded;
    }

    /// <summary>The panel's source when the editor loaded it (or last saved it): what a save replaces.</summary>
    public string Loaded { get; private set; }

    /// <summary>The text in the editor.</summary>
    public string Text { get; private set; }

    /// <summary>The latest check of <see cref="Text"/>; null until the first check arrives.</summary>
    public SourceCheck? Check { get; private set; }

    /// <summary>The latest check that produced a layout sketch (the current text may not parse while it is typed).</summary>
    public SourceCheck? Sketched { get; private set; }

    /// <summary>True when the panel's source was saved elsewhere after the editor loaded it and the edit is based on the old one.</summary>
    public bool HasConflict { get; private set; }

    /// <summary>A text that was turned into a proposal: kept there, so leaving the editor loses nothing.</summary>
    public string? Proposed { get; private set; }

    public bool IsDirty => !string.Equals(Text, Loaded, StringComparison.Ordinal);

    /// <summary>True while the current text waits for its check.</summary>
    public bool IsChecking => Check is null || !string.Equals(Check.Text, Text, StringComparison.Ordinal);

    /// <summary>True when the latest check is of the current text and found no error.</summary>
    public bool IsClean => !IsChecking && Check!.IsClean;

    public bool CanSave => IsDirty && IsClean && !HasConflict;

    /// <summary>A proposal is reviewed before it is merged, so a conflict does not block it; it must still check clean.</summary>
    public bool CanPropose => IsDirty && IsClean;

    /// <summary>True when leaving would lose an edit (not saved, not proposed).</summary>
    public bool HasUnsavedWork => IsDirty && !string.Equals(Text, Proposed, StringComparison.Ordinal);

    public void Edit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>Takes a check's result; a check of an older text is ignored (a newer one is on its way). Answers whether it was taken.</summary>
    public bool Accept(SourceCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!string.Equals(check.Text, Text, StringComparison.Ordinal))
        {
            return false;
        }

        Check = check;
        if (check.Sketch is not null)
        {
            Sketched = check;
        }

        return true;
    }

    /// <summary>The text was saved: it is the panel's source now.</summary>
    public void Saved(string text)
    {
        Loaded = text;
        HasConflict = false;
    }

    public void MadeProposal(string text) => Proposed = text;

    /// <summary>The panel's saved source is now <paramref name="current"/> (another tab, the API, a revert, an accepted proposal).</summary>
    public UnderlyingChange PanelChanged(string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.Equals(current, Loaded, StringComparison.Ordinal))
        {
            return UnderlyingChange.None;
        }

        if (string.Equals(current, Text, StringComparison.Ordinal))
        {
            // Someone saved exactly what is in the editor (or this editor's own save is being reported).
            Saved(current);
            return UnderlyingChange.None;
        }

        if (!IsDirty)
        {
            Reload(current);
            return UnderlyingChange.Reloaded;
        }

        HasConflict = true;
        return UnderlyingChange.Conflict;
    }

    /// <summary>Drops the edit and starts again from the panel's current source.</summary>
    public void Reload(string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        Loaded = current;
        Text = current;
        HasConflict = false;
    }
}
