using Nexus.Workspace.Manifest;

namespace Nexus.Studio.WorkspaceView.Arrange;

/// <summary>
/// The workspace grid's arrangement: every panel in display order with its placement (width in columns, height in
/// rows; null is automatic). Each change gives a new arrangement; saving it is the workspace's job
/// (<c>NexusWorkspace.ArrangePanelsAsync</c>, which also checks it).
/// </summary>
public sealed class PanelArrangement
{
    /// <summary>The widths the accessible menu offers, in grid columns.</summary>
    public static readonly IReadOnlyList<int> MenuWidths = [3, 4, 6, 8, 12];

    private PanelArrangement(IReadOnlyList<PanelPlacement> placements) => Placements = placements;

    /// <summary>The panels in display order with their placements.</summary>
    public IReadOnlyList<PanelPlacement> Placements { get; }

    /// <summary>The given panels in the manifest's order (others after them, as they came) with their saved placements.</summary>
    public static PanelArrangement Of(IEnumerable<string> panelIds, WorkspaceManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(panelIds);
        ArgumentNullException.ThrowIfNull(manifest);
        var saved = manifest.Panels
            .Select((placement, index) => (placement, index))
            .DistinctBy(x => x.placement.Id, StringComparer.Ordinal)
            .ToDictionary(x => x.placement.Id, StringComparer.Ordinal);
        // OrderBy is stable: panels the manifest does not list keep their order, after the others.
        return new([.. panelIds
            .OrderBy(id => saved.TryGetValue(id, out var entry) ? entry.index : int.MaxValue)
            .Select(id => saved.TryGetValue(id, out var entry) ? entry.placement : new PanelPlacement(id))]);
    }

    public PanelPlacement? Find(string panelId) => Placements.FirstOrDefault(p => p.Id == panelId);

    public int IndexOf(string panelId) => Placements.ToList().FindIndex(p => p.Id == panelId);

    /// <summary>The panel dropped on another takes that one's place; the panels between shift by one.</summary>
    public PanelArrangement MoveOnto(string panelId, string targetId) => MoveTo(panelId, IndexOf(targetId));

    /// <summary>The panel moved by <paramref name="offset"/> places (negative: towards the start), kept on the grid.</summary>
    public PanelArrangement MoveBy(string panelId, int offset) => MoveTo(panelId, IndexOf(panelId) + offset);

    /// <summary>The panel with a new width and height (null: automatic).</summary>
    public PanelArrangement Resize(string panelId, int? width, int? height) =>
        new([.. Placements.Select(p => p.Id == panelId ? p with { Width = width, Height = height } : p)]);

    /// <summary>Whether both list the same panels in the same order with the same placements.</summary>
    public bool SameAs(PanelArrangement other) => Placements.SequenceEqual(other.Placements);

    private PanelArrangement MoveTo(string panelId, int index)
    {
        var from = IndexOf(panelId);
        if (from < 0 || index < 0)
        {
            return this;
        }

        var placements = Placements.ToList();
        var moved = placements[from];
        placements.RemoveAt(from);
        placements.Insert(Math.Clamp(index, 0, placements.Count), moved);
        return new(placements);
    }
}
