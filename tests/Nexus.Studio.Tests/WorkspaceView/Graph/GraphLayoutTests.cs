using Nexus.Graph;
using Nexus.Studio.WorkspaceView.Graph;

namespace Nexus.Studio.Tests.WorkspaceView.Graph;

public sealed class GraphLayoutTests
{
    [Fact]
    public void Categories_get_columns_in_their_order_and_no_two_nodes_overlap()
    {
        var entities = Enumerable.Range(0, 23).Select(i => Entity($"data-{i:D2}", EntityCategory.Data))
            .Append(Entity("panel", EntityCategory.Component))
            .Append(Entity("idea", EntityCategory.Concept))
            .Reverse()
            .ToList();

        var positions = GraphLayout.Place(entities);

        Assert.Equal(entities.Count, positions.Count);
        Assert.Equal((0, 0), positions["idea"]);
        Assert.Equal((GraphLayout.ColumnStep, 0), positions["panel"]);
        Assert.Equal((2 * GraphLayout.ColumnStep, 0), positions["data-00"]);
        Assert.Equal((2 * GraphLayout.ColumnStep, GraphLayout.RowStep), positions["data-01"]);
        // Ten to a column: the eleventh data entity starts the next column.
        Assert.Equal((3 * GraphLayout.ColumnStep, 0), positions["data-10"]);
        Assert.Equal((4 * GraphLayout.ColumnStep, 2 * GraphLayout.RowStep), positions["data-22"]);
        var boxes = positions.Values.ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var apart = Math.Abs(boxes[i].X - boxes[j].X) >= GraphLayout.NodeWidth || Math.Abs(boxes[i].Y - boxes[j].Y) >= GraphLayout.NodeHeight;
                Assert.True(apart, $"{boxes[i]} and {boxes[j]} overlap");
            }
        }

        Assert.Equal(positions, GraphLayout.Place(Enumerable.Reverse(entities)));
    }

    private static NogEntity Entity(string id, EntityCategory category) => new() { Id = id, Name = id, Category = category };
}
