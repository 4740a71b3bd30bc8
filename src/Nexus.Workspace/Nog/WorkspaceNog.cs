using Nexus.Graph;
using Nexus.Graph.Json;
using Nexus.Graph.Patches;
using Nexus.Nxml;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Nog;

/// <summary>
/// A workspace's live NOG: the entities derived from its panels merged with the authored ones of
/// <c>graph/nog.json</c>. Re-derived per panel when a panel changes; built lazily and cached until then.
/// Thread-safe.
/// </summary>
public sealed class WorkspaceNog
{
    private readonly Lock _gate = new();
    private readonly WorkspaceGraphBuilder _builder = new();
    private WorkspaceGraph? _built;

    /// <summary>One more with every change of a panel or of the authored graph.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Raised after every change (a panel derived again or removed, the authored graph read or patched), outside the
    /// graph's lock and on the thread that made the change: handlers must be quick and must not throw.
    /// </summary>
    public event Action? Changed;

    /// <summary>Why <c>graph/nog.json</c> could not be read (the authored part is empty then, and patches are refused).</summary>
    public string? AuthoredProblem { get; private set; }

    /// <summary>The merged graph (do not change it: it is shared until the next change).</summary>
    public WorkspaceGraph Current
    {
        get
        {
            lock (_gate)
            {
                return _built ??= _builder.Build();
            }
        }
    }

    public NogDocument Authored
    {
        get
        {
            lock (_gate)
            {
                return _builder.Authored;
            }
        }
    }

    /// <summary>The graph of a revision of a repository: its panels' sources and its <c>graph/nog.json</c>.</summary>
    public static WorkspaceGraph BuildAt(GitStore git, string revision)
    {
        ArgumentNullException.ThrowIfNull(git);
        var nog = new WorkspaceNog();
        nog.LoadAuthored(git.ReadText(WorkspacePaths.Graph, revision));
        foreach (var path in git.ListFiles(WorkspacePaths.PanelsDirectory, revision))
        {
            if (WorkspacePaths.PanelOf(path) is { } panelId && git.ReadText(path, revision) is { } source)
            {
                nog.SetPanel(panelId, NxmlDocument.Check(source));
            }
        }

        return nog.Current;
    }

    /// <summary>Reads the authored graph (null: none yet).</summary>
    public void LoadAuthored(string? json)
    {
        NogDocument authored;
        string? problem = null;
        try
        {
            authored = json is null ? NogDocument.Empty : NogJson.Parse(json);
        }
        catch (GraphException ex)
        {
            authored = NogDocument.Empty;
            problem = "graph/nog.json is not valid: " + ex.Message;
        }

        lock (_gate)
        {
            _builder.SetAuthored(authored);
            AuthoredProblem = problem;
            Invalidate();
        }

        Changed?.Invoke();
    }

    /// <summary>Derives (again) what a panel contributes; a document that did not parse contributes nothing.</summary>
    public void SetPanel(string panelId, NxmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            if (document.Panel is null)
            {
                _builder.RemovePanel(panelId);
            }
            else
            {
                _builder.SetPanel(panelId, document);
            }

            Invalidate();
        }

        Changed?.Invoke();
    }

    public void RemovePanel(string panelId)
    {
        lock (_gate)
        {
            _builder.RemovePanel(panelId);
            Invalidate();
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Applies a patch set to the merged graph, all or nothing, and returns what the authored graph becomes: the
    /// patched entities, relationships and view hints are taken over as authored ones. Derived entities and
    /// relationships cannot be deleted (they come from the panels: change the panel); they can be overlaid.
    /// </summary>
    public (PatchSetResult Result, NogDocument? Authored) Apply(PatchSet patches, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(patches);
        lock (_gate)
        {
            if (AuthoredProblem is { } problem)
            {
                throw new GraphException(GraphErrorCodes.InvalidJson, problem + "; fix it before patching the graph");
            }

            foreach (var patch in patches.Patches)
            {
                if (patch.Operation == PatchOperation.Delete && patch.Kind != PatchKind.View && IsDerived(patch.TargetId))
                {
                    throw new GraphException(GraphErrorCodes.InvalidPatch, $"'{patch.TargetId}' is derived from a panel: change the panel to remove it");
                }
            }

            var graph = (_built ??= _builder.Build()).Graph.Clone();
            var result = PatchApplier.Apply(graph, patches, time);
            return result.Succeeded ? (result, AuthoredAfter(_builder.Authored, patches, graph)) : (result, null);
        }
    }

    private bool IsDerived(string id) =>
        _builder.Panels.Values.Any(p => p.Entities.Any(e => e.Id == id) || p.Relationships.Any(r => r.Id == id));

    private static NogDocument AuthoredAfter(NogDocument authored, PatchSet patches, NogGraph patched)
    {
        var entities = authored.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var relationships = authored.Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var views = authored.ViewHints.ToDictionary(StringComparer.Ordinal);
        foreach (var patch in patches.Patches.Where(p => p.Status is PatchStatus.Pending or PatchStatus.Approved))
        {
            switch (patch.Kind, patch.Operation)
            {
                case (PatchKind.Entity, PatchOperation.Delete):
                    entities.Remove(patch.TargetId);
                    foreach (var dangling in relationships.Values.Where(r => r.From == patch.TargetId || r.To == patch.TargetId).ToList())
                    {
                        relationships.Remove(dangling.Id);
                    }

                    views.Remove(patch.TargetId);
                    break;
                case (PatchKind.Entity, _):
                    entities[patch.TargetId] = patched.GetEntity(patch.TargetId);
                    break;
                case (PatchKind.Relationship, PatchOperation.Delete):
                    relationships.Remove(patch.TargetId);
                    break;
                case (PatchKind.Relationship, _):
                    relationships[patch.TargetId] = patched.GetRelationship(patch.TargetId);
                    break;
                case (PatchKind.View, PatchOperation.Delete):
                    views.Remove(patch.TargetId);
                    break;
                case (PatchKind.View, _):
                    if (patch.View is { } hint)
                    {
                        views[patch.TargetId] = hint;
                    }

                    break;
            }
        }

        return new NogDocument(entities.Values, relationships.Values, views);
    }

    private void Invalidate()
    {
        _built = null;
        Version++;
    }
}
