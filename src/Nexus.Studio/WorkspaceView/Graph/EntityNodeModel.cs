using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Nexus.Graph;

namespace Nexus.Studio.WorkspaceView.Graph;

/// <summary>An entity as a diagram node: drawn by <see cref="EntityNodeWidget"/> at its layout position, in its category's colour.</summary>
public sealed class EntityNodeModel : NodeModel
{
    public EntityNodeModel(NogEntity entity, (double X, double Y) position)
        : base(IdOf(entity), new Point(position.X, position.Y))
    {
        Entity = entity;
        // A fixed size: the layout relies on it (no overlap) and the library need not measure each node.
        Size = new Size(GraphLayout.NodeWidth, GraphLayout.NodeHeight);
        ControlledSize = true;
    }

    public NogEntity Entity { get; }

    public string Color => CategoryPalette.ColorOf(Entity.Category);

    /// <summary>The node's id in the diagram: the entity's, which is unique in the graph.</summary>
    private static string IdOf(NogEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Id;
    }
}
