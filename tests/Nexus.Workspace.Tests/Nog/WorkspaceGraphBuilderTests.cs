using Nexus.Graph;
using Nexus.Graph.Json;
using Nexus.Workspace.Nog;

namespace Nexus.Workspace.Tests.Nog;

public sealed class WorkspaceGraphBuilderTests
{
    private const string Notes = """
        <NexusPanel id="notes" title="Notes">
          <Data><State name="text" type="string" /></Data>
          <Logic><Tool name="clear"><Handler>$state.text = ''</Handler></Tool></Logic>
          <View><Input bind="$state.text" /><Button label="Clear" trigger="clear" /></View>
        </NexusPanel>
        """;

    private const string Authored = """
        {
          "entities": [
            {"id": "concept:backlog", "name": "Backlog", "category": "concept", "tags": ["planning"]},
            {"id": "tool:tasks/add", "name": "Add task", "status": "deprecated", "description": "Use the quick-add instead",
             "tags": ["legacy"], "properties": {"owner": "ada", "kind": "overridden"}, "version": 4}
          ],
          "relationships": [
            {"id": "r1", "from": "concept:backlog", "to": "state:tasks/tasks", "type": "implements"},
            {"id": "r2", "from": "concept:backlog", "to": "tool:notes/clear", "type": "related_to"},
            {"id": "r3", "from": "concept:backlog", "to": "tool:notes/gone", "type": "related_to"}
          ],
          "views": {"concept:backlog": {"x": 1}, "concept:nothing": {"x": 2}}
        }
        """;

    private static WorkspaceGraphBuilder Builder()
    {
        var builder = new WorkspaceGraphBuilder();
        builder.SetPanel("tasks", NogDerivationTests.Checked(NogDerivationTests.Tasks));
        builder.SetPanel("notes", NogDerivationTests.Checked(Notes));
        builder.SetAuthored(NogJson.Parse(Authored));
        return builder;
    }

    [Fact]
    public void Authored_entities_and_relationships_join_the_derived_ones()
    {
        var result = Builder().Build();
        var graph = result.Graph;

        Assert.True(graph.ContainsEntity("concept:backlog"));
        Assert.Equal(EntityCategory.Concept, graph.GetEntity("concept:backlog").Category);
        Assert.Equal("state:tasks/tasks", Assert.Single(graph.Outgoing("concept:backlog"), r => r.Id == "r1").To);
        Assert.Equal(["concept:backlog", "state:tasks/tasks", "panel:tasks"], graph.ShortestPath("concept:backlog", "panel:tasks")!.Entities.Select(e => e.Id));
        Assert.Equal(8 + 3 + 1, graph.EntityCount);
        Assert.True(graph.ViewHints.ContainsKey("concept:backlog"));
        Assert.False(graph.ViewHints.ContainsKey("concept:nothing"));
    }

    [Fact]
    public void An_authored_entity_with_a_derived_id_overlays_the_derived_one()
    {
        var add = Builder().Build().Graph.GetEntity("tool:tasks/add");

        Assert.Equal("Add task", add.Name);
        Assert.Equal(EntityCategory.Action, add.Category);
        Assert.Equal("tasks", add.SourcePanel);
        Assert.Equal(EntityStatus.Deprecated, add.Status);
        Assert.Equal("Use the quick-add instead", add.Description);
        Assert.Equal(["legacy"], add.Tags);
        Assert.Equal("ada", add.Properties["owner"].GetString());
        Assert.Equal("overridden", add.Properties["kind"].GetString());
        Assert.True(add.Properties.ContainsKey("args"));
        Assert.Equal(4, add.Version);
    }

    [Fact]
    public void An_authored_relationship_to_a_missing_entity_is_skipped_and_reported()
    {
        var result = Builder().Build();

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("r3", skipped.Relationship.Id);
        Assert.Equal(GraphErrorCodes.MissingEndpoint, skipped.ErrorCode);
        Assert.Contains("tool:notes/gone", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_deriving_one_panel_replaces_only_that_panels_part()
    {
        var builder = Builder();
        var before = builder.Build().Graph;
        var notesBefore = before.FindByPanel("notes");

        builder.SetPanel("notes", NogDerivationTests.Checked(Notes.Replace("name=\"clear\"", "name=\"wipe\"", StringComparison.Ordinal).Replace("trigger=\"clear\"", "trigger=\"wipe\"", StringComparison.Ordinal)));
        var result = builder.Build();
        var after = result.Graph;

        Assert.False(after.ContainsEntity("tool:notes/clear"));
        Assert.True(after.ContainsEntity("tool:notes/wipe"));
        Assert.Equal(before.FindByPanel("tasks"), after.FindByPanel("tasks"));
        Assert.Equal(notesBefore.Count, after.FindByPanel("notes").Count);
        Assert.Equal(["r2", "r3"], result.Skipped.Select(s => s.Relationship.Id));

        builder.RemovePanel("notes");
        Assert.Empty(builder.Build().Graph.FindByPanel("notes"));
        Assert.Equal(before.FindByPanel("tasks"), builder.Build().Graph.FindByPanel("tasks"));
    }

    [Fact]
    public void An_authored_relationship_with_a_derived_id_replaces_it()
    {
        var builder = Builder();
        var id = "contains:panel:notes->tool:notes/clear";
        builder.SetAuthored(new NogDocument(
            [],
            [new NogRelationship { Id = id, From = "panel:notes", To = "tool:notes/clear", Type = RelationshipType.Contains, Meta = new RelationshipMeta { Notes = "checked by hand" } }]));

        var relationship = builder.Build().Graph.GetRelationship(id);

        Assert.Equal("checked by hand", relationship.Meta.Notes);
        Assert.Equal(RelationshipSource.User, relationship.Meta.Source);
    }
}
