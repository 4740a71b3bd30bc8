using Nexus.Graph.Json;
using Nexus.Graph.Patches;
using Nexus.Workspace.Git;
using Nexus.Workspace.Nog;

namespace Nexus.Workspace;

public sealed partial class NexusWorkspace
{
    /// <summary>The workspace's NOG: derived from the panels, merged with <c>graph/nog.json</c>.</summary>
    public WorkspaceNog Nog => _nog;

    /// <summary>
    /// Applies a patch set to the NOG directly (all or nothing) and commits the authored graph it leads to. A set
    /// that fails leaves everything as it was; the result says which patch failed and why.
    /// </summary>
    /// <exception cref="Nexus.Graph.GraphException">The set is refused as a whole (e.g. it deletes a derived entity).</exception>
    public async Task<PatchSetResult> ApplyGraphPatchesAsync(PatchSet patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            var (result, authored) = _nog.Apply(patches, _options.Time);
            if (authored is not null)
            {
                var json = NogJson.Serialize(authored);
                Git.Commit([FileChange.Write(WorkspacePaths.Graph, json)], "Update the NOG: " + (patches.Title ?? patches.Id));
                _nog.LoadAuthored(json);
            }

            return result;
        }
        finally
        {
            _structure.Release();
        }
    }
}
