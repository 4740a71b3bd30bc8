using Nexus.Studio.WorkspaceView.Editor;

namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>The editor's rules without a UI: when saving is allowed, which checks count, and what a source changed elsewhere does.</summary>
public sealed class SourceEditorStateTests
{
    [Fact]
    public void A_fresh_editor_has_nothing_to_save_and_waits_for_its_first_check()
    {
        var state = new SourceEditorState(EditorPanels.Counter);

        Assert.False(state.IsDirty);
        Assert.True(state.IsChecking);
        Assert.False(state.CanSave);
        Assert.False(state.HasUnsavedWork);
    }

    [Fact]
    public void Save_is_allowed_only_once_the_current_text_checked_clean()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        state.Edit(EditorPanels.Broken);
        Assert.False(state.CanSave); // not checked yet

        Assert.True(state.Accept(SourceCheck.Of(EditorPanels.Broken)));
        Assert.False(state.IsClean);
        Assert.False(state.CanSave);
        Assert.False(state.CanPropose);
        Assert.Contains(state.Check!.Diagnostics, d => d.Code == "INVALID_TYPE" && d.IsError);

        state.Edit(EditorPanels.Renamed);
        Assert.False(state.CanSave); // the errors were found in the previous text; this one waits for its check
        state.Accept(SourceCheck.Of(EditorPanels.Renamed));
        Assert.True(state.CanSave);
        Assert.True(state.CanPropose);
    }

    [Fact]
    public void A_check_of_an_older_text_is_ignored()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        var old = SourceCheck.Of(EditorPanels.Renamed);
        state.Edit(EditorPanels.Broken);

        Assert.False(state.Accept(old));
        Assert.Null(state.Check);
        Assert.False(state.CanSave);
    }

    [Fact]
    public void The_sketch_stays_from_the_last_text_that_parsed()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        state.Accept(SourceCheck.Of(EditorPanels.Counter));
        var half = EditorPanels.Counter[..40];
        state.Edit(half);
        state.Accept(SourceCheck.Of(half));

        Assert.Null(state.Check!.Sketch);
        Assert.Equal(EditorPanels.Counter, state.Sketched!.Text);
        Assert.Contains("<svg", state.Sketched.Sketch, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untouched_editor_follows_a_source_saved_elsewhere()
    {
        var state = new SourceEditorState(EditorPanels.Counter);

        Assert.Equal(UnderlyingChange.Reloaded, state.PanelChanged(EditorPanels.Renamed));
        Assert.Equal(EditorPanels.Renamed, state.Text);
        Assert.Equal(EditorPanels.Renamed, state.Loaded);
        Assert.False(state.HasConflict);
    }

    [Fact]
    public void An_edit_made_on_the_old_source_is_kept_and_may_not_be_saved_over_the_new_one()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        var mine = EditorPanels.Counter.Replace("Counter", "My counter", StringComparison.Ordinal);
        state.Edit(mine);
        state.Accept(SourceCheck.Of(mine));
        Assert.True(state.CanSave);

        Assert.Equal(UnderlyingChange.Conflict, state.PanelChanged(EditorPanels.Renamed));
        Assert.True(state.HasConflict);
        Assert.Equal(mine, state.Text);
        Assert.False(state.CanSave);
        Assert.True(state.CanPropose); // a proposal is reviewed against the new source

        state.Reload(EditorPanels.Renamed);
        Assert.False(state.HasConflict);
        Assert.Equal(EditorPanels.Renamed, state.Text);
    }

    [Fact]
    public void The_editors_own_save_reported_back_is_no_conflict()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        state.Edit(EditorPanels.Renamed);

        Assert.Equal(UnderlyingChange.None, state.PanelChanged(EditorPanels.Renamed));
        Assert.False(state.IsDirty);
        Assert.False(state.HasConflict);
    }

    [Fact]
    public void A_proposed_edit_is_not_unsaved_work_but_a_later_change_is()
    {
        var state = new SourceEditorState(EditorPanels.Counter);
        state.Edit(EditorPanels.Renamed);
        Assert.True(state.HasUnsavedWork);

        state.MadeProposal(EditorPanels.Renamed);
        Assert.False(state.HasUnsavedWork);

        state.Edit(EditorPanels.Renamed + " ");
        Assert.True(state.HasUnsavedWork);
    }
}
