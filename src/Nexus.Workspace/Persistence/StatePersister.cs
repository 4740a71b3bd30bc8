using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;

namespace Nexus.Workspace.Persistence;

/// <summary>
/// Commits the state of dirty panels (and the changed assets) to Git: one commit per burst, with a message
/// naming the panels. The journal is rotated before the snapshots are taken and the older segments are deleted
/// after the commit, so a crash at any point either keeps the journal entries (replayed on load: setting a key to
/// its final value again is harmless) or has them committed.
/// </summary>
internal sealed class StatePersister(GitStore git, StateJournal journal, Func<string, HostedPanel?> findPanel, AssetFolder assets)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };
    private readonly Lock _gate = new();
    private HashSet<string> _dirty = new(StringComparer.Ordinal);
    private bool _assetsDirty;

    public void MarkDirty(string panelId)
    {
        lock (_gate)
        {
            _dirty.Add(panelId);
        }
    }

    public void MarkAssetsDirty()
    {
        lock (_gate)
        {
            _assetsDirty = true;
        }
    }

    /// <summary>The text a panel's state file holds: State values, pretty-printed, with a trailing newline.</summary>
    public static string Format(JsonObject state) => state.ToJsonString(Indented) + "\n";

    /// <summary>Commits what is dirty; returns the commit's sha, or null when nothing changed. Callers serialise calls.</summary>
    public async Task<string?> FlushAsync()
    {
        HashSet<string> dirty;
        bool assetsDirty;
        lock (_gate)
        {
            dirty = _dirty;
            assetsDirty = _assetsDirty;
            _dirty = new HashSet<string>(StringComparer.Ordinal);
            _assetsDirty = false;
        }

        try
        {
            var segment = await journal.RotateAsync().ConfigureAwait(false);
            var changes = new List<FileChange>();
            var saved = new List<string>();
            foreach (var panelId in dirty.Order(StringComparer.Ordinal))
            {
                if (findPanel(panelId)?.Instance is { } instance)
                {
                    var state = await instance.GetStateValuesAsync().ConfigureAwait(false);
                    changes.Add(FileChange.Write(WorkspacePaths.PanelState(panelId), Format(state)));
                    saved.Add(panelId);
                }
            }

            if (assetsDirty)
            {
                changes.AddRange(assets.ChangesAgainst(git));
            }

            var sha = changes.Count == 0 ? null : git.Commit(changes, Message(saved, assetsDirty));
            journal.DeleteSegmentsBefore(segment);
            return sha;
        }
        catch
        {
            lock (_gate)
            {
                _dirty.UnionWith(dirty);
                _assetsDirty |= assetsDirty;
            }

            throw;
        }
    }

    private static string Message(List<string> panels, bool assets)
    {
        var message = new StringBuilder();
        if (panels.Count > 0)
        {
            message.Append(panels.Count == 1 ? "Save state of " : $"Save state of {panels.Count} panels: ");
            message.AppendJoin(", ", panels.Take(10));
            if (panels.Count > 10)
            {
                message.Append(", ...");
            }
        }

        if (assets)
        {
            message.Append(message.Length == 0 ? "Save assets" : "; save assets");
        }

        return message.ToString();
    }
}
