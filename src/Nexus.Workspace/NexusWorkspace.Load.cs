using System.Text.Json.Nodes;
using Nexus.Nxml;
using Nexus.Reactor;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Persistence;

namespace Nexus.Workspace;

public sealed partial class NexusWorkspace
{
    private async Task LoadAsync(IReadOnlyList<JournalRecord> recovered)
    {
        if (!System.IO.Directory.Exists(_assets.Root))
        {
            _assets.CheckOut(Git); // a fresh clone: its assets come from the repository
        }

        _nog.LoadAuthored(Git.ReadText(WorkspacePaths.Graph));
        var journaled = recovered.GroupBy(r => r.PanelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var panelId in PanelIdsInRepository())
        {
            var saved = ParseState(Git.ReadText(WorkspacePaths.PanelState(panelId)));
            if (journaled.TryGetValue(panelId, out var records))
            {
                saved = Replay(saved, records);
                _persister.MarkDirty(panelId);
            }

            var panel = await StartPanelAsync(panelId, Git.ReadText(WorkspacePaths.PanelSource(panelId)) ?? "", saved).ConfigureAwait(false);
            _panels = _panels.SetItem(panelId, panel);
        }

        _proposals.ExpireStale();
        if (recovered.Count > 0)
        {
            WorkspaceLog.Recovered(_logger, Name, recovered.Count);
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Panel ids that have a source in the repository: the manifest's order first, then the others by id.</summary>
    private List<string> PanelIdsInRepository()
    {
        var sources = Git.ListFiles(WorkspacePaths.PanelsDirectory)
            .Select(WorkspacePaths.PanelOf)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var ordered = Manifest.Panels.Select(p => p.Id).Where(sources.Contains).Distinct(StringComparer.Ordinal).ToList();
        ordered.AddRange(sources.Except(ordered, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return ordered;
    }

    /// <summary>The committed state with the journal's later writes applied in order (each sets a key to its final value).</summary>
    private static JsonObject Replay(JsonObject? saved, List<JournalRecord> records)
    {
        var state = saved ?? [];
        foreach (var record in records)
        {
            foreach (var (key, value) in record.Sets)
            {
                state[key] = value?.DeepClone();
            }
        }

        return state;
    }

    /// <summary>Checks a source and starts it; a panel that does not check clean or fails to mount is kept as failed.</summary>
    private async Task<HostedPanel> StartPanelAsync(string panelId, string source, JsonObject? saved)
    {
        var document = NxmlDocument.Check(source);
        var panel = new HostedPanel(panelId, document, _options.Time.GetUtcNow(), _options.SubscriberQueueCapacity, OnCommitted) { Observer = _options.Observer };
        panel.WhenDurable = () => _journal.WhenDurableAsync(panel.LastSequence);
        var (instance, failure) = await TryStartAsync(panelId, document, saved).ConfigureAwait(false);
        panel.Attach(document, instance, failure, _options.Time.GetUtcNow());
        _nog.SetPanel(panelId, document);
        if (instance?.Version > 0)
        {
            _persister.MarkDirty(panelId); // mount changed the state before anyone could hear it
            _writer.Signal();
        }

        return panel;
    }

    private async Task<(PanelInstance? Instance, string? Failure)> TryStartAsync(string panelId, NxmlDocument document, JsonObject? saved)
    {
        if (!document.IsValid)
        {
            return (null, "its source does not check clean");
        }

        try
        {
            var instance = await PanelInstance.CreateAsync(document, new PanelInstanceOptions
            {
                PanelId = panelId,
                SavedState = saved,
                Limits = _options.PanelLimits,
                Extensions = _extensions,
            }).ConfigureAwait(false);
            return (instance, null);
        }
#pragma warning disable CA1031 // One panel that cannot start must not stop the others: it is kept as failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WorkspaceLog.PanelFailed(_logger, ex, panelId, Name);
            return (null, "it failed to start: " + ex.Message);
        }
    }
}
