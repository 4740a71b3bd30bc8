using Nexus.Studio.Platform;
using Nexus.Workspace;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>
/// What the source editor changes, for one user and one panel, with the rules the HTTP API applies: a save is
/// <c>PUT …/panels/{p}/source</c> (editor role and storage room, then <see cref="NexusWorkspace.ReplaceSourceAsync"/>:
/// check, commit, hot reload), a proposal is <c>POST …/proposals</c> (editor role and storage room, then
/// <see cref="NexusWorkspace.ProposeAsync"/> authored by the user's id). Every call asks the port again: a role
/// can be taken away while the editor is open. Refusals are exceptions that <see cref="SourceRefusal.From"/> reads.
/// </summary>
public sealed class PanelSourceActions(IStudioWorkspaces workspaces, Guid userId, Guid workspaceId, string panelId)
{
    /// <summary>The code of a save refused because the panel's source changed after the editor loaded it.</summary>
    public const string SourceChanged = WorkspaceErrorCodes.SourceChanged;

    /// <summary>Opens the workspace for reading (viewers may read a source) and finds the panel; null when it is gone.</summary>
    public async Task<(OpenedWorkspace Workspace, HostedPanel? Panel)> OpenAsync(CancellationToken cancellationToken = default)
    {
        var opened = await workspaces.OpenAsync(userId, workspaceId, StudioRole.Viewer, cancellationToken).ConfigureAwait(false);
        return (opened, opened.Live.FindPanel(panelId));
    }

    /// <summary>
    /// Saves <paramref name="text"/> as the panel's source, if the panel's source is still <paramref name="loaded"/>
    /// (the one the edit started from; otherwise <see cref="SourceChanged"/>). Answers the commit that saved it.
    /// </summary>
    public async Task<CommitInfo?> SaveAsync(string loaded, string text, CancellationToken cancellationToken = default)
    {
        var live = await OpenForChangeAsync(cancellationToken).ConfigureAwait(false);
        _ = live.FindPanel(panelId) ?? throw Gone();
        try
        {
            // The workspace compares under its lock: a save made elsewhere at the same instant is never overwritten.
            await live.ReplaceSourceAsync(panelId, text, expectedSource: loaded).ConfigureAwait(false);
        }
        catch (WorkspaceException changed) when (changed.Code == SourceChanged)
        {
            throw new PlatformRefusalException(SourceChanged,
                "The panel's source was changed elsewhere after you opened it. Your edit is still here: reload the source to see the new one (copy your edit first), or propose your edit for review.", changed);
        }

        return live.History(WorkspacePaths.PanelSource(panelId), 1) is [var commit] ? commit : null;
    }

    /// <summary>Proposes <paramref name="text"/> as the panel's new source, for review; the panel itself does not change.</summary>
    public async Task<Proposal> ProposeAsync(string text, string title, string? description, CancellationToken cancellationToken = default)
    {
        var live = await OpenForChangeAsync(cancellationToken).ConfigureAwait(false);
        _ = live.FindPanel(panelId) ?? throw Gone();
        return await live.ProposeAsync(new ProposalRequest
        {
            Title = title,
            Description = string.IsNullOrWhiteSpace(description) ? null : description,
            Author = ProposalAuthors.ForUser(userId),
            Changes = [FileChange.Write(WorkspacePaths.PanelSource(panelId), text)],
        }).ConfigureAwait(false);
    }

    /// <summary>The role and the storage room, as the API checks them before a write, then the live workspace as an editor.</summary>
    private async Task<NexusWorkspace> OpenForChangeAsync(CancellationToken cancellationToken)
    {
        await workspaces.EnsureCanChangeAsync(userId, workspaceId, cancellationToken).ConfigureAwait(false);
        var opened = await workspaces.OpenAsync(userId, workspaceId, StudioRole.Editor, cancellationToken).ConfigureAwait(false);
        return opened.Live;
    }

    private PlatformRefusalException Gone() =>
        new(WorkspaceErrorCodes.PanelNotFound, $"The panel “{panelId}” is no longer in the workspace. Your text is still in the editor.");
}
