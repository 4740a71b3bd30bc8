using Nexus.Nxml;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Manifest;
using Nexus.Workspace.Persistence;

namespace Nexus.Workspace;

public sealed partial class NexusWorkspace
{
    /// <summary>
    /// Adds a panel from NXML that checks clean (else INVALID_NXML with the diagnostics, and nothing changes). Without
    /// an id, one is made from the panel's id or title and made unique; a given id must be valid and free
    /// (INVALID_PANEL_ID, PANEL_EXISTS). Source, state and manifest are one commit. With <paramref name="maxPanels"/>,
    /// a workspace that already holds that many panels refuses (PANEL_LIMIT), counted under the workspace's lock so
    /// that concurrent adds cannot both take the last place.
    /// </summary>
    public async Task<HostedPanel> AddPanelAsync(string source, string? panelId = null, PanelPlacement? placement = null, int? maxPanels = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var document = CheckClean(source);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            if (maxPanels is { } max && _panels.Count >= max)
            {
                throw new WorkspaceException(WorkspaceErrorCodes.PanelLimit, $"the workspace already has {max} panels, the most its owner's plan allows");
            }

            var id = ChooseId(panelId, document);
            var panel = await StartPanelAsync(id, source, saved: null).ConfigureAwait(false);
            if (panel.Instance is null)
            {
                throw new WorkspaceException(WorkspaceErrorCodes.PanelFailed, $"the panel does not start: {panel.FailureReason}");
            }

            var manifest = Manifest.WithPanel(placement is null ? new PanelPlacement(id) : placement with { Id = id });
            try
            {
                var state = await panel.Instance!.GetStateValuesAsync().ConfigureAwait(false);
                Git.Commit(
                    [
                        FileChange.Write(WorkspacePaths.PanelSource(id), source),
                        FileChange.Write(WorkspacePaths.PanelState(id), StatePersister.Format(state)),
                        FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson()),
                    ],
                    $"Add panel {id}");
            }
            catch
            {
                _nog.RemovePanel(id);
                await panel.Instance!.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            Manifest = manifest;
            _panels = _panels.SetItem(id, panel);
            RaisePanelsChanged(id);
            return panel;
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Adds a panel from one of <see cref="WorkspaceOptions.Templates"/> (TEMPLATE_NOT_FOUND otherwise).</summary>
    public Task<HostedPanel> AddPanelFromTemplateAsync(string templateId, string? panelId = null, int? maxPanels = null) =>
        _options.Templates.TryGetValue(templateId, out var source)
            ? AddPanelAsync(source, panelId, maxPanels: maxPanels)
            : throw new WorkspaceException(WorkspaceErrorCodes.TemplateNotFound, $"no panel template '{templateId}'");

    /// <summary>
    /// Hot reload: a new source that checks clean replaces the panel's (one commit); a new instance starts with the
    /// old state where key and type still match; subscribers stay and hear RELOADED. Bad source changes nothing.
    /// With <paramref name="expectedSource"/>, the edit applies only if the panel's source is still that one (checked
    /// under the workspace's lock, so an edit made elsewhere in between is never overwritten): otherwise
    /// <c>SOURCE_CHANGED</c>.
    /// </summary>
    public async Task<HostedPanel> ReplaceSourceAsync(string panelId, string source, string? expectedSource = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var document = CheckClean(source);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            var panel = GetPanel(panelId);
            if (expectedSource is not null && !string.Equals(panel.Source, expectedSource, StringComparison.Ordinal))
            {
                throw new WorkspaceException(WorkspaceErrorCodes.SourceChanged, $"the source of '{panelId}' changed since the edit began");
            }

            using (await panel.PauseCallsAsync().ConfigureAwait(false))
            {
                var carried = panel.Instance is { } running
                    ? await running.GetStateValuesAsync().ConfigureAwait(false)
                    : ParseState(Git.ReadText(WorkspacePaths.PanelState(panelId)));
                var (instance, failure) = await TryStartAsync(panelId, document, carried).ConfigureAwait(false);
                if (instance is null)
                {
                    throw new WorkspaceException(WorkspaceErrorCodes.PanelFailed, $"the new source of '{panelId}' does not start: {failure}");
                }

                try
                {
                    Git.Commit([FileChange.Write(WorkspacePaths.PanelSource(panelId), source)], $"Edit panel {panelId}");
                }
                catch
                {
                    await instance.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                await SwapAsync(panel, document, instance, failure).ConfigureAwait(false);
            }

            return panel;
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Unmounts a panel and removes its source, state and manifest entry in one commit.</summary>
    public async Task RemovePanelAsync(string panelId)
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            var panel = GetPanel(panelId);
            var manifest = Manifest.WithoutPanel(panelId);
            Git.Commit(
                [
                    FileChange.Delete(WorkspacePaths.PanelSource(panelId)),
                    FileChange.Delete(WorkspacePaths.PanelState(panelId)),
                    FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson()),
                ],
                $"Remove panel {panelId}");
            Manifest = manifest;
            await StopAsync(panel).ConfigureAwait(false);
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>
    /// Saves the panels' order and placement on the grid (one commit) and raises <see cref="PanelsArranged"/>; ids not
    /// in the workspace (PANEL_NOT_FOUND) and placements off the grid (INVALID_PLACEMENT) are refused.
    /// </summary>
    public async Task ArrangePanelsAsync(IReadOnlyList<PanelPlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        if (PanelPlacement.Problem(placements) is { } problem)
        {
            throw new WorkspaceException(WorkspaceErrorCodes.InvalidPlacement, problem);
        }

        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var placement in placements)
            {
                _ = GetPanel(placement.Id);
            }

            var placed = placements.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var manifest = Manifest with { Panels = [.. placements, .. Manifest.Panels.Where(p => !placed.Contains(p.Id))] };
            Git.Commit([FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson())], "Arrange panels");
            Manifest = manifest;
            RaisePanelsArranged();
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Takes a panel out of the workspace: unmounts it, ends its subscriptions, drops its part of the NOG.</summary>
    private async Task StopAsync(HostedPanel panel)
    {
        _panels = _panels.Remove(panel.PanelId);
        _nog.RemovePanel(panel.PanelId);
        if (panel.Attach(panel.Document, null, "removed", _options.Time.GetUtcNow()) is { } old)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        panel.CloseSubscribers();
        RaisePanelsChanged(panel.PanelId);
    }

    /// <summary>Replaces the running instance, tells subscribers, disposes the old one and has the new state saved.</summary>
    private async Task SwapAsync(HostedPanel panel, NxmlDocument document, Reactor.PanelInstance? instance, string? failure)
    {
        var old = panel.Attach(document, instance, failure, _options.Time.GetUtcNow());
        _nog.SetPanel(panel.PanelId, document);
        panel.Broadcast(new PanelReloaded(panel.Version, document.Source));
        if (old is not null)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        if (instance is not null)
        {
            _persister.MarkDirty(panel.PanelId);
            _writer.Signal();
        }

        RaisePanelsChanged(panel.PanelId);
    }

    private static NxmlDocument CheckClean(string source)
    {
        var document = NxmlDocument.Check(source);
        return document.IsValid
            ? document
            : throw new WorkspaceException(WorkspaceErrorCodes.InvalidNxml, "the panel's source does not check clean", document.Diagnostics);
    }

    private string ChooseId(string? requested, NxmlDocument document)
    {
        if (requested is not null)
        {
            if (!WorkspacePaths.IsValidPanelId(requested))
            {
                throw new WorkspaceException(WorkspaceErrorCodes.InvalidPanelId, $"'{requested}' is not a valid panel id (lower-case letters, digits and dashes, at most 63)");
            }

            return _panels.ContainsKey(requested)
                ? throw new WorkspaceException(WorkspaceErrorCodes.PanelExists, $"a panel '{requested}' already exists")
                : requested;
        }

        var stem = WorkspacePaths.Slug(document.Panel?.Meta.Id ?? document.Panel?.Meta.Title);
        var id = stem;
        for (var n = 2; _panels.ContainsKey(id); n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            id = stem[..Math.Min(stem.Length, 63 - suffix.Length)] + suffix;
        }

        return id;
    }
}
