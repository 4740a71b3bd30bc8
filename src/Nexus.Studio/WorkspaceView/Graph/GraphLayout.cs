using Nexus.Graph;

namespace Nexus.Studio.WorkspaceView.Graph;

/// <summary>
/// Where each node goes on the canvas (the diagram library has no automatic layout). Deterministic: one column per
/// category present, in the categories' order; inside a column the entities sorted by id, top to bottom. A column
/// longer than <see cref="MaxRows"/> wraps into a second column beside it, so a large category stays on screen.
/// Every node has the same fixed size and the steps leave a gap, so no two nodes overlap.
/// </summary>
public static class GraphLayout
{
    public const double NodeWidth = 200;

    public const double NodeHeight = 56;

    public const double ColumnStep = NodeWidth + 90;

    public const double RowStep = NodeHeight + 34;

    public const int MaxRows = 10;

    /// <summary>The top-left corner of every entity's node, by entity id.</summary>
    public static IReadOnlyDictionary<string, (double X, double Y)> Place(IEnumerable<NogEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var column = 0;
        foreach (var category in entities.GroupBy(e => e.Category).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var entity in category.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                if (row == MaxRows)
                {
                    (row, column) = (0, column + 1);
                }

                positions[entity.Id] = (column * ColumnStep, row * RowStep);
                row++;
            }

            column++;
        }

        return positions;
    }
}
