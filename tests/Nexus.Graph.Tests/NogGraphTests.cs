namespace Nexus.Graph.Tests;

public sealed class NogGraphTests
{
    [Fact]
    public void Adding_a_duplicate_entity_id_is_refused_and_changes_nothing()
    {
        var graph = Graphs.Chain();
        var revision = graph.Revision;

        var error = Assert.Throws<GraphException>(() => graph.AddEntity(Graphs.Entity("a", EntityCategory.Action)));

        Assert.Equal(GraphErrorCodes.DuplicateId, error.Code);
        Assert.Equal(EntityCategory.Concept, graph.GetEntity("a").Category);
        Assert.Equal(revision, graph.Revision);
    }

    [Fact]
    public void A_relationship_needs_both_endpoints_and_a_unique_id()
    {
        var graph = Graphs.Chain();

        var missing = Assert.Throws<GraphException>(() => graph.AddRelationship(Graphs.Link("a", RelationshipType.Uses, "nowhere")));
        var duplicate = Assert.Throws<GraphException>(() => graph.AddRelationship(Graphs.Link("a", RelationshipType.DependsOn, "b")));

        Assert.Equal(GraphErrorCodes.MissingEndpoint, missing.Code);
        Assert.Contains("nowhere", missing.Message, StringComparison.Ordinal);
        Assert.Equal(GraphErrorCodes.DuplicateId, duplicate.Code);
        Assert.Equal(4, graph.RelationshipCount);
        Assert.Equal(2, graph.Outgoing("a").Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nid")]
    public void Invalid_entities_are_refused_with_a_code(string id)
    {
        var graph = new NogGraph();

        var badId = Assert.Throws<GraphException>(() => graph.AddEntity(Graphs.Entity(id)));
        var noName = Assert.Throws<GraphException>(() => graph.AddEntity(Graphs.Entity("ok") with { Name = " " }));
        var badCategory = Assert.Throws<GraphException>(() => graph.AddEntity(Graphs.Entity("ok") with { Category = (EntityCategory)99 }));

        Assert.All([badId, noName, badCategory], e => Assert.Equal(GraphErrorCodes.InvalidEntity, e.Code));
        Assert.Equal(0, graph.EntityCount);
    }

    [Fact]
    public void Strength_outside_zero_to_one_is_an_invalid_relationship()
    {
        var graph = Graphs.Chain();
        var link = Graphs.Link("d", RelationshipType.RelatedTo, "f") with { Meta = new RelationshipMeta { Strength = 1.5 } };

        var error = Assert.Throws<GraphException>(() => graph.AddRelationship(link));

        Assert.Equal(GraphErrorCodes.InvalidRelationship, error.Code);
    }

    [Fact]
    public void Removing_an_entity_removes_its_relationships_its_view_hint_and_its_index_entries()
    {
        var graph = Graphs.Chain();
        graph.AddEntity(Graphs.Entity("tagged", EntityCategory.Milestone, "p1", null, "release"));
        graph.AddRelationship(Graphs.Link("tagged", RelationshipType.Precedes, "b"));
        graph.AddRelationship(Graphs.Link("tagged", RelationshipType.RelatedTo, "tagged"));
        graph.SetViewHint("tagged", NogProperties.Empty.With("color", "red"));

        Assert.True(graph.RemoveEntity("tagged"));

        Assert.False(graph.ContainsEntity("tagged"));
        Assert.Equal(4, graph.RelationshipCount);
        Assert.Single(graph.Incoming("b"));
        Assert.Empty(graph.FindByTag("release"));
        Assert.Empty(graph.FindByPanel("p1"));
        Assert.Empty(graph.FindByCategory(EntityCategory.Milestone));
        Assert.Empty(graph.ViewHints);
        Assert.False(graph.RemoveEntity("tagged"));
    }

    [Fact]
    public void Updating_an_entity_moves_it_between_indexes_and_keeps_its_relationships()
    {
        var graph = Graphs.Chain();

        graph.UpdateEntity(Graphs.Entity("b", EntityCategory.Component, "panel-x", null, "Core"));

        Assert.Equal(["b"], Graphs.Ids(graph.FindByCategory(EntityCategory.Component)));
        Assert.DoesNotContain("b", Graphs.Ids(graph.FindByCategory(EntityCategory.Concept)));
        Assert.Equal(["b"], Graphs.Ids(graph.FindByTag("core")));
        Assert.Equal(["b"], Graphs.Ids(graph.FindByPanel("panel-x")));
        Assert.Single(graph.Incoming("b"));
        Assert.Single(graph.Outgoing("b"));
        Assert.Equal(GraphErrorCodes.EntityNotFound, Assert.Throws<GraphException>(() => graph.UpdateEntity(Graphs.Entity("zz"))).Code);
    }

    [Fact]
    public void Updating_a_relationship_can_move_its_endpoints()
    {
        var graph = Graphs.Chain();
        var moved = graph.GetRelationship("uses:a->e") with { To = "f" };

        graph.UpdateRelationship(moved);

        Assert.Empty(graph.Incoming("e"));
        Assert.Equal("uses:a->e", Assert.Single(graph.Incoming("f")).Id);
        Assert.Contains(graph.Outgoing("a"), r => r.To == "f");
        Assert.True(graph.RemoveRelationship("uses:a->e"));
        Assert.Empty(graph.Incoming("f"));
        Assert.False(graph.RemoveRelationship("uses:a->e"));
    }

    [Fact]
    public void Find_combines_criteria_and_sorts_by_id()
    {
        var graph = new NogGraph();
        graph.AddEntity(Graphs.Entity("z-task", EntityCategory.Action, "tasks", "Adds a TODO item", "write"));
        graph.AddEntity(Graphs.Entity("a-task", EntityCategory.Action, "tasks", null, "Todo"));
        graph.AddEntity(Graphs.Entity("note", EntityCategory.Data, "notes", "todo list"));
        graph.AddEntity(Graphs.Entity("other", EntityCategory.Action, "notes"));

        Assert.Equal(["a-task", "z-task"], Graphs.Ids(graph.Find(new EntityQuery { Category = EntityCategory.Action, Panel = "tasks" })));
        Assert.Equal(["a-task", "note", "z-task"], Graphs.Ids(graph.Search("TODO")));
        Assert.Equal(["a-task"], Graphs.Ids(graph.FindByTag("TODO")));
        Assert.Equal(["note"], Graphs.Ids(graph.Find(new EntityQuery { Panel = "notes", Text = "list" })));
        Assert.Empty(graph.Find(new EntityQuery { Tag = "missing", Category = EntityCategory.Action }));
        Assert.Equal(4, graph.Find(new EntityQuery()).Count);
    }

    [Fact]
    public void Neighbors_go_both_ways_to_the_given_depth_and_filter_by_type()
    {
        var graph = Graphs.Chain();

        var one = graph.Neighbors("b", 1);
        var two = graph.Neighbors("b", 2);
        var dependsOnly = graph.Neighbors("a", 5, new HashSet<RelationshipType> { RelationshipType.DependsOn });

        Assert.Equal(["c", "a"], Graphs.Ids(one.Select(n => n.Entity)));
        Assert.Equal(["c", "a", "d", "e"], Graphs.Ids(two.Select(n => n.Entity)));
        Assert.Equal([1, 1, 2, 2], two.Select(n => n.Depth));
        Assert.Equal("uses:a->e", two.Single(n => n.Entity.Id == "e").Via.Id);
        Assert.Equal(["b", "c", "d"], Graphs.Ids(dependsOnly.Select(n => n.Entity)));
        Assert.Empty(graph.Neighbors("f", 3));
        Assert.Empty(graph.Neighbors("a", 0));
    }

    [Fact]
    public void Neighbor_depth_outside_the_options_is_an_invalid_query()
    {
        var graph = Graphs.Chain();

        Assert.Equal(GraphErrorCodes.InvalidQuery, Assert.Throws<GraphException>(() => graph.Neighbors("a", 17)).Code);
        Assert.Equal(GraphErrorCodes.InvalidQuery, Assert.Throws<GraphException>(() => graph.Neighbors("a", -1)).Code);
        Assert.Equal(GraphErrorCodes.EntityNotFound, Assert.Throws<GraphException>(() => graph.Neighbors("nope", 1)).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NogGraphOptions { MaxNeighborDepth = 0 });
    }

    [Fact]
    public void Shortest_path_returns_entities_and_relationships_in_order()
    {
        var graph = Graphs.Chain();
        graph.AddRelationship(Graphs.Link("a", RelationshipType.RelatedTo, "d"));

        var path = graph.ShortestPath("e", "d");

        Assert.NotNull(path);
        Assert.Equal(["e", "a", "d"], Graphs.Ids(path.Entities));
        Assert.Equal(["uses:a->e", "related_to:a->d"], path.Relationships.Select(r => r.Id));
        Assert.Equal(2, path.Length);
    }

    [Fact]
    public void Directed_paths_follow_relationships_forwards_only()
    {
        var graph = Graphs.Chain();

        Assert.Equal(3, graph.ShortestPath("a", "d", new PathOptions { Directed = true })!.Length);
        Assert.Null(graph.ShortestPath("d", "a", new PathOptions { Directed = true }));
        Assert.Equal(3, graph.ShortestPath("d", "a")!.Length);
    }

    [Fact]
    public void Paths_respect_the_type_filter_and_report_no_path_as_null()
    {
        var graph = Graphs.Chain();

        Assert.Null(graph.ShortestPath("d", "e", new PathOptions { Types = new HashSet<RelationshipType> { RelationshipType.DependsOn } }));
        Assert.Null(graph.ShortestPath("a", "f"));
        var self = graph.ShortestPath("f", "f");
        Assert.Equal(["f"], Graphs.Ids(self!.Entities));
        Assert.Equal(0, self.Length);
        Assert.Equal(GraphErrorCodes.EntityNotFound, Assert.Throws<GraphException>(() => graph.ShortestPath("a", "nope")).Code);
    }

    [Fact]
    public void Clone_is_independent_of_the_original()
    {
        var graph = Graphs.Chain();
        var copy = graph.Clone();

        copy.RemoveEntity("a");

        Assert.True(graph.ContainsEntity("a"));
        Assert.Equal(2, graph.Outgoing("a").Count);
        Assert.Equal(2, copy.RelationshipCount);
    }
}
