using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Nexus.Nxml.Diagnostics;
using Nexus.Studio.Platform;

namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>
/// The panel source editor: Monaco with the checker's findings while typing (debounced), the layout sketch, save
/// (commit and hot reload) only when the text checks clean, or a proposal instead. Editors and owners edit;
/// viewers read the source (read-only editor, no save). Every change asks the port again (<see cref="PanelSourceActions"/>).
/// </summary>
public sealed partial class PanelSourcePage
{
    private PanelSourceActions _actions = null!;
    private OpenedWorkspace? _workspace;
    private SourceEditorState? _state;
    private DebouncedSourceCheck? _checker;
    private MonacoSourceEditor? _editor;
    private SourceRefusal? _refusal;
    private Notice? _notice;
    private string? _title;
    private bool _notFound;
    private bool _panelMissing;
    private bool _canEdit;
    private bool _busy;
    private bool _proposing;

    [Parameter]
    public Guid WorkspaceId { get; set; }

    [Parameter]
    public string PanelId { get; set; } = "";

    /// <summary>The link to a panel's source editor.</summary>
    public static string PathOf(Guid workspaceId, string panelId) => $"{WorkspacePage.PathOf(workspaceId)}/panels/{Uri.EscapeDataString(panelId)}/source";

    private string ProposalsPath => $"{WorkspacePage.PathOf(WorkspaceId)}/proposals";

    protected override async Task OnInitializedAsync()
    {
        var userId = await UserIdAsync();
        _actions = new PanelSourceActions(Workspaces, userId, WorkspaceId, PanelId);
        try
        {
            var (workspace, panel) = await _actions.OpenAsync();
            if (panel is null)
            {
                _panelMissing = true;
                return;
            }

            _workspace = workspace;
            _canEdit = workspace.Summary.Role >= StudioRole.Editor;
            _title = panel.Title;
            _state = new SourceEditorState(panel.Source);
            _state.Accept(SourceCheck.Of(panel.Source));
        }
        catch (PlatformRefusalException refusal) when (refusal.IsNotFound)
        {
            _notFound = true;
            return;
        }

        // Live only while interactive: a prerender is thrown away.
        if (RendererInfo.IsInteractive)
        {
            _checker = new DebouncedSourceCheck(OnCheckedAsync);
            _workspace.Live.PanelsChanged += OnPanelsChanged;
        }
    }

    private void OnTextChanged(string text)
    {
        if (_state is null || _checker is null || string.Equals(text, _state.Text, StringComparison.Ordinal))
        {
            return;
        }

        _state.Edit(text);
        _ = _checker.RequestAsync(text);
    }

    private Task OnCheckedAsync(SourceCheck check) => InvokeAsync(() =>
    {
        if (_state?.Accept(check) == true)
        {
            StateHasChanged();
        }
    });

    private async Task SaveAsync()
    {
        if (_state is null || _checker is null)
        {
            return;
        }

        // Check the very text being saved now, not a result that may be a moment old.
        var text = _state.Text;
        _state.Accept(_checker.CheckNow(text));
        if (!_state.CanSave)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var commit = await _actions.SaveAsync(_state.Loaded, text);
            _state.Saved(text);
            _title = _workspace?.Live.FindPanel(PanelId)?.Title ?? _title;
            _notice = new Notice("saved", commit is null
                ? "Saved; the panel reloaded with the new source."
                : $"Saved as commit {commit.Sha[..8]} (“{commit.Message}”); the panel reloaded with the new source.");
        });
    }

    private async Task ProposeAsync((string Title, string? Description) proposal)
    {
        if (_state is not { CanPropose: true })
        {
            return;
        }

        var text = _state.Text;
        await RunAsync(async () =>
        {
            var created = await _actions.ProposeAsync(text, proposal.Title, proposal.Description);
            _state.MadeProposal(text);
            _proposing = false;
            _notice = new Notice("proposed", $"Proposal “{created.Title}” ({created.Id}) was created; the panel is unchanged until it is accepted.");
        });
    }

    /// <summary>Runs a change; a refusal is shown and the text stays in the editor.</summary>
    private async Task RunAsync(Func<Task> change)
    {
        (_busy, _refusal, _notice) = (true, null, null);
        try
        {
            await change();
        }
        catch (Exception exception) when (SourceRefusal.From(exception) is { } refusal)
        {
            _refusal = refusal;
            if (refusal.Code == PanelSourceActions.SourceChanged && _workspace?.Live.FindPanel(PanelId) is { } panel)
            {
                _state?.PanelChanged(panel.Source);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void OnPanelsChanged(string panelId)
    {
        if (panelId == PanelId)
        {
            _ = InvokeAsync(async () =>
            {
                await FollowPanelAsync();
                StateHasChanged();
            });
        }
    }

    /// <summary>The panel's source changed elsewhere: an untouched editor follows it, an edited one is told about the conflict.</summary>
    private async Task FollowPanelAsync()
    {
        if (_state is null || _workspace?.Live.FindPanel(PanelId) is not { } panel)
        {
            _refusal = new SourceRefusal(Workspace.WorkspaceErrorCodes.PanelNotFound, $"The panel “{PanelId}” was removed from the workspace. Your text is still in the editor.", []);
            return;
        }

        _title = panel.Title;
        if (_state.PanelChanged(panel.Source) == UnderlyingChange.Reloaded)
        {
            await ShowLoadedTextAsync();
            _notice = new Notice("reloaded", "The panel's source was changed elsewhere; the editor shows the new source.");
        }
    }

    private async Task ReloadAsync()
    {
        if (_state is not null && _workspace?.Live.FindPanel(PanelId) is { } panel)
        {
            _state.Reload(panel.Source);
            _refusal = null;
            await ShowLoadedTextAsync();
        }
    }

    private async Task ShowLoadedTextAsync()
    {
        _checker?.Cancel();
        _state!.Accept(SourceCheck.Of(_state.Text));
        if (_editor is not null)
        {
            await _editor.SetTextAsync(_state.Text);
        }
    }

    private async Task GoToAsync(Diagnostic diagnostic)
    {
        if (_editor is not null)
        {
            await _editor.GoToAsync(diagnostic.Line, diagnostic.Column);
        }
    }

    /// <summary>Leaving the page with an unsaved (and unproposed) edit asks first.</summary>
    private async Task ConfirmLeaveAsync(LocationChangingContext leaving)
    {
        if (_state is not { HasUnsavedWork: true })
        {
            return;
        }

        var discard = await Dialogs.ShowMessageBoxAsync("Discard changes?",
            "Your edit of this panel's source is not saved. Leave and discard it?", yesText: "Discard", cancelText: "Stay");
        if (discard != true)
        {
            leaving.PreventNavigation();
        }
    }

    public ValueTask DisposeAsync()
    {
        _checker?.Dispose();
        if (_workspace is not null)
        {
            _workspace.Live.PanelsChanged -= OnPanelsChanged;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A confirmation shown above the editor: <c>saved</c>, <c>proposed</c> or <c>reloaded</c>.</summary>
    private sealed record Notice(string Kind, string Message);
}
